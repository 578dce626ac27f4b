import type { ArasPushTarget } from './aras.config'
import type { ArasState, EmulatedOrder } from './aras.state'
import { defaultNsElement, soapEnvelope, SoapStyle } from '../../protocols/soap/soap-envelope'
import { el, redactSecrets, TEMPURI, xmlEscape } from './aras.xml'

/**
 * Aras's status push (docs/reference/carriers.md §2: "Aras calls a customer service with `IntegrationCode,
 * CargoStatus, ProcessDate, Description, UserName, Password` → `Result(bool), ErrorDescription`").
 * Only the field names are documented; the wire format, operation name, namespace, date shape and
 * retry policy are options (aras.config.ts ArasPushTarget). Each status change of an order (the
 * `advance` hook, programmatic or POST /__emu/advance) is pushed once with the order's DURUM_KODU as
 * CargoStatus and its newest movement as Description and ProcessDate. Pushes of one order go out in
 * order; a non-2xx answer, `Result` false or a network error is retried up to `attempts` times.
 * An answer without a readable Result but with a 2xx status counts as accepted.
 */

/** One push as sent (password redacted) and every attempt's outcome. */
export type ArasPushDelivery = {
  integrationCode: string
  cargoStatus: string
  body: string
  attempts: { status: number | null; result: boolean | null; error: string | null }[]
  delivered: boolean
}

export type ArasPushSender = Readonly<{
  /** Looks for orders whose status changed since the last look and pushes each change. */
  scan(): void
  /** Waits until every push has been answered or has used up its attempts. */
  flush(): Promise<void>
  readonly deliveries: readonly ArasPushDelivery[]
}>

const TR_OFFSET_MS = 3 * 3_600_000 // Turkey keeps UTC+3 all year
const pad = (n: number) => String(n).padStart(2, '0')

function processDate(atMs: number, format: 'turkish' | 'iso'): string {
  if (format === 'iso') return new Date(atMs).toISOString()
  const d = new Date(atMs + TR_OFFSET_MS)
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

type Fields = Readonly<Record<'IntegrationCode' | 'CargoStatus' | 'ProcessDate' | 'Description' | 'UserName' | 'Password', string>>

function request(t: Required<ArasPushTarget>, fields: Fields): { headers: Record<string, string>; body: string } {
  if (t.format === 'json') return { headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(fields) }
  if (t.format === 'form') return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }
  const inner = Object.entries(fields)
    .map(([k, v]) => el(k, v))
    .join('')
  const body = soapEnvelope({ ...SoapStyle.asmx, version: t.format === 'soap12' ? '1.2' : '1.1' }, defaultNsElement(t.operation, xmlEscape(t.namespace), inner))
  const action = `${t.namespace}${t.operation}`
  // SOAP 1.1 names the action in a header; 1.2 in the content type's action parameter.
  if (t.format === 'soap12') return { headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` }, body }
  return { headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` }, body }
}

/** Result in a JSON answer or any `<Result>` element of an XML one; null when there is none. */
export function readPushResult(text: string): boolean | null {
  try {
    const json = JSON.parse(text) as Record<string, unknown>
    const r = Object.entries(json ?? {}).find(([k]) => k.toLowerCase() === 'result')?.[1]
    return typeof r === 'boolean' ? r : r === 'true' ? true : r === 'false' ? false : null
  } catch {
    const m = /<(?:[\w.-]+:)?Result(?:\s[^>]*)?>\s*(true|false)\s*</i.exec(text)
    return m ? m[1]?.toLowerCase() === 'true' : null
  }
}

export function resolvePushTarget(t: ArasPushTarget): Required<ArasPushTarget> {
  return {
    url: t.url,
    username: t.username,
    password: t.password,
    format: t.format ?? 'soap11',
    operation: t.operation ?? 'CargoStatusPush',
    namespace: t.namespace ?? TEMPURI,
    dateFormat: t.dateFormat ?? 'turkish',
    attempts: Math.max(1, t.attempts ?? 3),
    retryDelayMs: t.retryDelayMs ?? 100,
  }
}

export function createArasPushSender(target: ArasPushTarget, state: ArasState): ArasPushSender {
  const t = resolvePushTarget(target)
  const deliveries: ArasPushDelivery[] = []
  const seen = new Map<EmulatedOrder, string>()
  const chains = new Map<string, Promise<void>>()
  const pending = new Set<Promise<void>>()

  async function deliver(d: ArasPushDelivery, req: { headers: Record<string, string>; body: string }): Promise<void> {
    for (let i = 0; i < t.attempts && !d.delivered; i++) {
      if (i > 0 && t.retryDelayMs > 0) await new Promise((r) => setTimeout(r, t.retryDelayMs))
      const attempt = { status: null as number | null, result: null as boolean | null, error: null as string | null }
      d.attempts.push(attempt)
      try {
        const res = await fetch(t.url, { method: 'POST', headers: req.headers, body: req.body })
        attempt.status = res.status
        attempt.result = readPushResult(await res.text())
        d.delivered = res.ok && attempt.result !== false
      } catch (err) {
        attempt.error = (err as Error).message // the customer service is down: the next attempt follows
      }
    }
  }

  function push(o: EmulatedOrder): void {
    const last = o.movements.at(-1)
    const fields: Fields = {
      IntegrationCode: o.integrationCode,
      CargoStatus: String(o.durum),
      ProcessDate: processDate(last?.atMs ?? o.updatedAtMs, t.dateFormat),
      Description: last ? [last.event, last.description].filter(Boolean).join(' – ') : '',
      UserName: t.username,
      Password: t.password,
    }
    const req = request(t, fields)
    const d: ArasPushDelivery = {
      integrationCode: o.integrationCode,
      cargoStatus: fields.CargoStatus,
      body: redactSecrets(req.body)
        .replace(/("Password":)"(?:[^"\\]|\\.)*"/, '$1"[redacted]"')
        .replace(/(^|&)Password=[^&]*/, '$1Password=[redacted]'),
      attempts: [],
      delivered: false,
    }
    deliveries.push(d)
    // One order's pushes go out one after another, so the customer sees its changes in order.
    const p = (chains.get(o.integrationCode) ?? Promise.resolve()).then(() => deliver(d, req))
    chains.set(o.integrationCode, p)
    const tracked = p.finally(() => {
      pending.delete(tracked)
      if (chains.get(o.integrationCode) === p) chains.delete(o.integrationCode)
    })
    pending.add(tracked)
  }

  return {
    scan() {
      for (const o of state.orders) {
        const sig = `${o.durum}|${o.tip}|${o.devir}|${o.movements.length}|${o.cancelledAtMs}`
        const before = seen.get(o)
        seen.set(o, sig)
        // The query service has no row before the waybill is cut (§2); nor does a push.
        if (sig !== before && o.durum !== null) push(o)
      }
    },
    flush: async () => {
      while (pending.size > 0) await Promise.all([...pending])
    },
    get deliveries() {
      return deliveries
    },
  }
}
