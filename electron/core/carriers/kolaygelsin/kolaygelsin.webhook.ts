import { timingSafeEqual } from 'node:crypto'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../carrier.port'
import { eventSchema, lowerKeys, shipmentModelSchema } from './kolaygelsin.schemas'
import { kgEvent } from './kolaygelsin.timeline'

/**
 * How Kolay Gelsin proves a webhook POST is its own ([KG] "WEBHOOK"): the merchant's endpoint is
 * either Basic auth (username/password the merchant gives Kolay Gelsin) or "No Auth" with a hash
 * value the merchant chooses, sent in a request header. The doc does not name that header, so its
 * name is configuration. Kolay Gelsin also calls only from 95.0.169.14, which the receiving server
 * may allow-list; that check belongs to the listener, not to this parser.
 */
export type KolayGelsinWebhookAuth =
  | Readonly<{ scheme: 'basic'; username: string; password: string }>
  | Readonly<{ scheme: 'hash'; value: string; /** Default "hash". */ headerName?: string }>
  /** Accept unauthenticated posts (a test bench, or an endpoint guarded by the IP allow-list alone). */
  | Readonly<{ scheme: 'none' }>

/** A normalized event plus the keys that tie it to a shipment and parcel. */
export type KolayGelsinWebhookEvent = TrackingEvent &
  Readonly<{
    shipmentId: string | null
    shipmentItemId: string | null
    customerSpecificCode: string | null
    customerBarcode: string | null
    customerTrackingId: string | null
  }>

type Headers = Readonly<Record<string, string | readonly string[] | undefined>>

function header(headers: Headers, name: string): string | null {
  const hit = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
  const v = Array.isArray(hit) ? hit[0] : hit
  return typeof v === 'string' ? v : null
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  // Lengths leak nothing useful here; equal lengths are compared in constant time.
  return x.length === y.length && timingSafeEqual(x, y)
}

const denied = (why: string) => new AppError(ErrorCode.carrierAuth, `Kolay Gelsin webhook refused: ${why}`, { retryable: false, meta: { webhook: true } })

function checkAuth(headers: Headers, auth: KolayGelsinWebhookAuth): void {
  if (auth.scheme === 'none') return
  if (auth.scheme === 'hash') {
    if (auth.value === '') throw new AppError(ErrorCode.inputInvalid, 'the Kolay Gelsin webhook hash value is empty', { meta: { field: 'value' } })
    const got = header(headers, auth.headerName ?? 'hash')
    if (got === null) throw denied(`no ${auth.headerName ?? 'hash'} header`)
    if (!same(got.trim(), auth.value)) throw denied('wrong hash value')
    return
  }
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header(headers, 'authorization') ?? '')
  if (!m) throw denied('no Basic authorization')
  if (!same(Buffer.from(m[1] ?? '', 'base64').toString('utf8'), `${auth.username}:${auth.password}`)) throw denied('wrong username or password')
}

const bad = (why: string) => new AppError(ErrorCode.inputInvalid, `Kolay Gelsin webhook body is unusable: ${why}`, { meta: { webhook: true } })
const idOf = (v: unknown): string | null => (typeof v === 'number' ? String(v) : typeof v === 'string' && v.trim() !== '' ? v.trim() : null)

/**
 * Checks a webhook POST and turns its body into normalized events, oldest first. Pure apart from the
 * clock of `receivedAt`. Accepted bodies: the doc's flat event ({CargoEventType, TimeStamp,
 * ShipmentId, …}), an array of them, and the webhook.json shape (shipment models, each with
 * CargoEventLogModelList). An event without TimeStamp is dated `receivedAt`. Wrong or missing auth
 * → carrier.auth; a body that is none of those → input.invalid; nothing is half-read.
 */
export function parseKolayGelsinWebhook(
  body: string | Uint8Array | unknown,
  headers: Headers,
  secret: KolayGelsinWebhookAuth,
  receivedAt: string = new Date().toISOString(),
): KolayGelsinWebhookEvent[] {
  checkAuth(headers, secret)
  let json: unknown = body
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      json = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))
    } catch {
      throw bad('not JSON')
    }
  }
  const items = Array.isArray(json) ? json : [json]
  if (items.length === 0) throw bad('an empty list')
  const out: KolayGelsinWebhookEvent[] = []
  for (const raw of items.map(lowerKeys)) {
    if (raw === null || typeof raw !== 'object') throw bad('an entry is not an object')
    const r = raw as Record<string, unknown>
    const keys = {
      shipmentId: idOf(r.shipmentid),
      shipmentItemId: idOf(r.shipmentitemid),
      customerSpecificCode: idOf(r.customerspecificcode),
      customerBarcode: idOf(r.customerbarcode),
      customerTrackingId: idOf(r.customertrackingid),
    }
    const model = 'cargoeventlogmodellist' in r ? shipmentModelSchema.safeParse({ ...r, shipmentid: r.shipmentid ?? '' }) : null
    const logs = model ? (model.success ? (model.data.cargoeventlogmodellist ?? []) : null) : [eventSchema.safeParse(r)].map((p) => (p.success ? p.data : null))
    if (logs === null || logs.some((l) => l === null)) throw bad('an entry has no CargoEventType')
    for (const log of logs) {
      if (!log) continue
      if (String(log.cargoeventtype).trim() === '') throw bad('an entry has an empty CargoEventType')
      let event: TrackingEvent
      try {
        event = kgEvent(log, receivedAt)
      } catch (err) {
        // kgEvent's carrier.badResponse (a TimeStamp that is no date) is, here, bad input from the caller.
        throw bad(err instanceof Error ? err.message : String(err))
      }
      out.push({ ...event, ...keys })
    }
  }
  return out
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
}
