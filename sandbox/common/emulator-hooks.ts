import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The control routes every carrier emulator serves beside the carrier's own paths (docs/reference/carriers.md §14):
 * POST /__emu/advance/{key}?to=STATUS moves a shipment one step along its status chain, or on to `to`. They are
 * never logged as carrier traffic and never faulted. (Aras and Yurtiçi take `to` in a JSON body and have more hooks.)
 */
export const EMU_PREFIX = '/__emu/'

/** Answers a control route with JSON. */
export function answerHook(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

/** The key and `to` of a POST /__emu/advance/{key}?to=…, or null when the request is not one. */
export function advanceHookOf(req: IncomingMessage, url: URL): Readonly<{ key: string; to: string | null }> | null {
  const m = /^\/__emu\/advance\/([^/]+)$/.exec(url.pathname)
  return m && req.method === 'POST' ? { key: decodeURIComponent(m[1] ?? ''), to: url.searchParams.get('to') } : null
}

/** What one emulator's advance hook needs: how to find the shipment, which `to` it knows, how to move it. */
export type AdvanceHook<T, R = unknown> = Readonly<{
  find(key: string): T | undefined
  /** The 404 text for a key nothing is stored under. */
  notFound(key: string): string
  /** Whether `to` names a status (400 when not). */
  isStatus(to: string): boolean
  /** Moves the shipment and returns it moved; throws when the move is not allowed (409). */
  advance(item: T, to: string | undefined): R
  /** What the hook answers for the moved shipment; default the moved shipment itself. */
  answer?: (moved: R) => unknown
  /** The 400 text for an unknown `to`; default "unknown status …". */
  badStatus?: (to: string) => string
}>

export function answerAdvanceHook<T, R>(res: ServerResponse, hook: Readonly<{ key: string; to: string | null }>, h: AdvanceHook<T, R>): void {
  const item = h.find(hook.key)
  if (item === undefined) return answerHook(res, 404, { error: h.notFound(hook.key) })
  if (hook.to !== null && !h.isStatus(hook.to)) return answerHook(res, 400, { error: h.badStatus?.(hook.to) ?? `unknown status ${hook.to}` })
  try {
    const moved = h.advance(item, hook.to ?? undefined)
    answerHook(res, 200, h.answer ? h.answer(moved) : moved)
  } catch (err) {
    answerHook(res, 409, { error: (err as Error).message })
  }
}

/** The emulator's own advance(key, to), over the same hook: throws the hook's 404 text for an unknown key. */
export function advanceByKey<T, R>(h: AdvanceHook<T, R>, key: string, to: string | number | undefined): R {
  const item = h.find(key)
  if (item === undefined) throw new Error(h.notFound(key))
  return h.advance(item, to === undefined ? undefined : String(to))
}

export type JsonHook = Readonly<{ name: string; key: string; body: Readonly<Record<string, unknown>> }>

/**
 * A control route that takes its arguments in a JSON body, POST /__emu/{name}/{key} (Aras, Yurtiçi): its name, key
 * and body, or the refusal to answer with (404 for an unknown route, 400 for a body that is not JSON).
 */
export function jsonHookOf(path: string, method: string, text: string, names: readonly string[]): JsonHook | Readonly<{ status: number; error: string }> {
  const m = /^\/__emu\/([^/]+)\/([^/]+)$/.exec(path)
  if (!m || !names.includes(m[1] ?? '') || method !== 'POST') return { status: 404, error: 'unknown test hook' }
  try {
    const body = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
    return { name: m[1] ?? '', key: decodeURIComponent(m[2] ?? ''), body }
  } catch {
    return { status: 400, error: 'body is not JSON' }
  }
}
