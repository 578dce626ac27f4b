import type { Box } from '../../../shared/domain/box'
import { noticeText, readNoticeRef } from '../../../shared/i18n/notice-text'
import type { Lang } from '../i18n'

function locale(lang: Lang): string {
  return lang === 'tr' ? 'tr-TR' : 'en-GB'
}

/** Grams as kilograms with three decimals: "1,234 kg" (TR) / "1.234 kg" (EN). */
export function formatKg(grams: number, lang: Lang): string {
  return `${(grams / 1000).toLocaleString(locale(lang), { minimumFractionDigits: 3, maximumFractionDigits: 3 })} kg`
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return value.toLocaleString(locale(lang), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })
}

/** Box dimensions in centimetres, as packers and carriers say them: "30 × 20 × 15 cm". */
export function formatBoxDims(box: Pick<Box, 'lengthMm' | 'widthMm' | 'heightMm'>, lang: Lang): string {
  const cm = (mm: number) => (mm / 10).toLocaleString(locale(lang), { maximumFractionDigits: 1 })
  return `${cm(box.lengthMm)} × ${cm(box.widthMm)} × ${cm(box.heightMm)} cm`
}

/** Signed percentage difference of measured against expected, or null when either is missing. */
export function diffPercent(expected: number | null, measured: number | null): number | null {
  if (expected === null || measured === null || expected <= 0) return null
  return ((measured - expected) / expected) * 100
}

export function formatClock(date: Date, lang: Lang): string {
  return date.toLocaleTimeString(locale(lang), { hour: '2-digit', minute: '2-digit' })
}

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(locale(lang), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' })
}

/**
 * The core writes operator texts as "Türkçe / English". Splits one into [chosen, other] for the
 * chosen language; a text without the separator is shown as is.
 */
export function splitBilingual(text: string, lang: Lang): readonly [string, string | null] {
  const at = text.indexOf(' / ')
  if (at < 0) return [text, null]
  const tr = text.slice(0, at).trim()
  const en = text.slice(at + 3).trim()
  return lang === 'tr' ? [tr, en] : [en, tr]
}

/**
 * A message from the core in the operator's language first and the other one second: worded from its catalog
 * code (shared/i18n) when it carries one, else split from its plain "TR / EN" text.
 */
export function coreWords(ref: unknown, plain: string, lang: Lang): readonly [string, string | null] {
  const notice = readNoticeRef(ref)
  if (!notice) return splitBilingual(plain, lang)
  const [main, other] = [noticeText(notice, lang), noticeText(notice, lang === 'tr' ? 'en' : 'tr')]
  return [main, other === main ? null : other] // "✓ Çay bardağı" reads the same in both: shown once
}

/**
 * Audit details arrive as the core stored them, often JSON ({"reason": …, "problem": …}).
 * Shows the parts a person reads (reason, problem code) and falls back to the raw text.
 */
export function formatAuditDetail(detail: string, codeText: (code: string) => string = (c) => c): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(detail)
  } catch {
    return detail // plain text already
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return detail
  const record = parsed as Record<string, unknown>
  const picked = ['problem', 'code', 'reason', 'message']
    .map((k) => ((k === 'problem' || k === 'code') && typeof record[k] === 'string' ? codeText(record[k]) : record[k]))
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
  if (picked.length > 0) return picked.join(' · ')
  const simple = Object.entries(record).filter(([, v]) => typeof v === 'string' || typeof v === 'number')
  return simple.length > 0 ? simple.map(([k, v]) => `${k}: ${String(v)}`).join(', ') : detail
}
