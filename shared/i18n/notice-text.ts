import { NOTICE_PARAMS, isNoticeCode, type NoticeRef } from './notice-codes'
import { NOTICES_EN } from './notices.en'
import { NOTICES_TR } from './notices.tr'

export type Lang = 'tr' | 'en'
export type TemplateParams = Readonly<Record<string, string | number>>

export const NOTICE_WORDING: Readonly<Record<Lang, typeof NOTICES_TR>> = { tr: NOTICES_TR, en: NOTICES_EN }

/** Fills `{name}` placeholders; a name without a value stays as written, so a gap shows instead of a wrong word. */
export function fillTemplate(template: string, params?: TemplateParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m))
}

/** The names a template fills, in order (the catalog test checks them against NOTICE_PARAMS). */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')
}

/** One notice in one language. */
export function noticeText(ref: NoticeRef, lang: Lang): string {
  return fillTemplate(NOTICE_WORDING[lang][ref.code], ref.params)
}

/** Both languages, Turkish first, as the desk has always written its messages ("… / …"): logs, the CLI, AppError.message. */
export function noticeBilingual(ref: NoticeRef): string {
  return `${noticeText(ref, 'tr')} / ${noticeText(ref, 'en')}`
}

/**
 * A message ref that crossed a boundary (IPC, WebSocket, a stored row): a known code with its params, or null.
 * A newer core may send a code this renderer does not know; the caller then falls back to the plain text.
 */
export function readNoticeRef(value: unknown): NoticeRef | null {
  if (typeof value !== 'object' || value === null) return null
  const { code, params } = value as { code?: unknown; params?: unknown }
  if (!isNoticeCode(code)) return null
  const p = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {}
  const filled: Record<string, string | number> = {}
  for (const name of NOTICE_PARAMS[code] as readonly string[]) {
    const v = p[name]
    filled[name] = typeof v === 'number' ? v : String(v ?? '')
  }
  return { code, params: filled } as NoticeRef
}

/** A packing-screen notice as one line, Turkish / English: its catalog wording, or the plain text a notice may still carry. */
export function noticeLine(notice: Readonly<{ text?: string; code?: unknown; params?: unknown }> | null | undefined): string {
  if (!notice) return ''
  const ref = readNoticeRef(notice)
  return ref ? noticeBilingual(ref) : (notice.text ?? '')
}
