import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { BlockList, isIP } from 'node:net'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { WebhookSignatureOptions } from './webhook.types'

/**
 * The checks in front of the webhook routes (seed 003: "İmzasız webhook reddi", "HMAC imza
 * doğrulama; IP allowlist", "rate limit"): pure helpers, each tested on its own.
 */

/** "::ffff:1.2.3.4" → "1.2.3.4"; other addresses as they are. */
export function normalizeIp(ip: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  return m ? (m[1] as string) : ip
}

/**
 * An allow-list of exact addresses and CIDR ranges, IPv4 and IPv6. Empty = everyone allowed. A bad
 * entry is refused when the list is built (input.invalid), never silently dropped.
 */
export function createIpAllowList(entries: readonly string[]): (ip: string) => boolean {
  if (entries.length === 0) return () => true
  const list = new BlockList()
  for (const raw of entries) {
    const entry = raw.trim()
    const [rawAddr = '', bits, extra] = entry.split('/')
    const addr = bits === undefined ? normalizeIp(rawAddr) : rawAddr
    const family = isIP(addr)
    const max = family === 4 ? 32 : 128
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN
    if (family === 0 || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new AppError(ErrorCode.inputInvalid, `webhook allowIps entry "${raw}" is not an IP address or CIDR range`, {
        meta: { field: 'allowIps', entry: raw },
      })
    }
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix === max) list.addAddress(addr, type)
    else list.addSubnet(addr, prefix, type)
  }
  return (ip: string) => {
    const n = normalizeIp(ip)
    const family = isIP(n)
    // BlockList matches an IPv4 rule against the ::ffff: form too, so either spelling of a caller passes.
    return family !== 0 && list.check(n, family === 4 ? 'ipv4' : 'ipv6')
  }
}

/** Why a signature was refused, or null when it is good. */
export function checkSignature(rawBody: Uint8Array, headerValue: string | undefined, o: WebhookSignatureOptions): string | null {
  if (o.secret === '') throw new AppError(ErrorCode.inputInvalid, 'the webhook signature secret is empty', { meta: { field: 'signature.secret' } })
  if (headerValue === undefined || headerValue.trim() === '') return `no ${o.headerName} header`
  let sent = headerValue.trim()
  if (o.prefix) {
    if (!sent.toLowerCase().startsWith(o.prefix.toLowerCase())) return `the ${o.headerName} header does not start with "${o.prefix}"`
    sent = sent.slice(o.prefix.length).trim()
  }
  const expected = createHmac('sha256', o.secret).update(rawBody).digest()
  const encoding = o.encoding ?? 'either'
  const candidates: Buffer[] = []
  if (encoding !== 'base64' && /^[0-9a-f]{64}$/i.test(sent)) candidates.push(Buffer.from(sent, 'hex'))
  if (encoding !== 'hex' && /^[A-Za-z0-9+/_-]{43}=?$/.test(sent)) candidates.push(Buffer.from(sent.replace(/-/g, '+').replace(/_/g, '/'), 'base64'))
  // Both buffers are 32 bytes here, so the comparison takes the same time whatever they hold.
  return candidates.some((c) => c.length === expected.length && timingSafeEqual(c, expected)) ? null : `wrong ${o.headerName} signature`
}

/** The HMAC a sender puts in the header (tests, and a relay that signs for the desk). */
export function signBody(rawBody: string | Uint8Array, secret: string, encoding: 'hex' | 'base64' = 'hex'): string {
  return createHmac('sha256', secret).update(rawBody).digest(encoding)
}

/**
 * Per-key sliding windows ("N per window per caller"): `hit` counts the request and returns 0, or
 * the ms until the caller may come again. Keys whose window emptied are forgotten, so a flood of
 * addresses cannot grow the map beyond those active within one window.
 */
export class PerKeyWindow {
  private readonly stamps = new Map<string, number[]>()
  private lastSweep = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(limit) || limit < 1 || !(windowMs > 0))
      throw new AppError(ErrorCode.inputInvalid, `webhook rate limit must be a positive count per positive window, got ${limit}/${windowMs} ms`, {
        meta: { field: 'rateLimit' },
      })
  }

  hit(key: string): number {
    const t = this.now()
    if (t - this.lastSweep >= this.windowMs) this.sweep(t)
    const list = (this.stamps.get(key) ?? []).filter((s) => s > t - this.windowMs)
    if (list.length >= this.limit) {
      this.stamps.set(key, list)
      return Math.max(1, (list[0] as number) + this.windowMs - t)
    }
    list.push(t)
    this.stamps.set(key, list)
    return 0
  }

  private sweep(t: number): void {
    this.lastSweep = t
    for (const [k, list] of this.stamps) if (list.every((s) => s <= t - this.windowMs)) this.stamps.delete(k)
  }
}

/**
 * Bodies already handled per route, for a bounded time and count: a carrier retrying a post it
 * already got through is answered without a second write. Only successes are remembered.
 */
export class ReplayWindow {
  private readonly seen = new Map<string, number>()

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 5000,
  ) {}

  static keyOf(route: string, rawBody: Uint8Array): string {
    return `${route}:${createHash('sha256').update(rawBody).digest('hex')}`
  }

  has(key: string): boolean {
    const at = this.seen.get(key)
    return at !== undefined && this.now() - at < this.windowMs
  }

  remember(key: string): void {
    const t = this.now()
    this.seen.delete(key)
    this.seen.set(key, t)
    // Map keeps insertion order: the oldest entries go first.
    for (const [k, at] of this.seen) {
      if (this.seen.size <= this.maxEntries && t - at < this.windowMs) break
      this.seen.delete(k)
    }
  }
}
