import type { IncomingHttpHeaders } from 'node:http'
import { arasPushReplyContext, buildArasPushReply, parseArasPush, redactArasPush } from '../../carriers/aras/aras.push'
import type { TrackingEvent } from '../../carriers/carrier.port'
import { parseKolayGelsinWebhook } from '../../carriers/kolaygelsin/kolaygelsin.webhook'
import type { ArasPushRoute, KolayGelsinWebhookRoute, WebhookCarrier, WebhookShipmentKeys, WebhookSignatureOptions } from './webhook.types'

/** One shipment's share of a post. */
export type WebhookGroup = Readonly<{ keys: WebhookShipmentKeys; events: readonly TrackingEvent[] }>

/** How the receiver answers a post once its body was read: in the carrier's own format. */
export type WebhookAnswer = Readonly<{ contentType: string; body: string }>

/**
 * What the receiver needs from each carrier: parse-and-authenticate (throws carrier.auth or
 * input.invalid AppErrors), the answer in the carrier's format, and a redactor for logs.
 */
export type CarrierRoute = Readonly<{
  carrierId: WebhookCarrier
  signature: WebhookSignatureOptions | undefined
  parse(raw: Buffer, headers: IncomingHttpHeaders, receivedAt: string): WebhookGroup[]
  answer(
    raw: Buffer,
    headers: IncomingHttpHeaders,
    result: Readonly<{ ok: boolean; code?: string; message: string; summary?: Record<string, number | boolean> }>,
  ): WebhookAnswer
  redact(text: string): string
}>

const JSON_TYPE = 'application/json; charset=utf-8'
const plain = (e: TrackingEvent): TrackingEvent => ({ status: e.status, rawCode: e.rawCode, rawText: e.rawText, at: e.at, location: e.location })
/** Generic: any "password"/"secret"/"token" member or field hidden (a KG body carries none, but a log must never show one). */
const redactGeneric = (text: string) =>
  text
    .replace(/("(?:password|secret|token|hash)"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/gi, '$1"[redacted]"')
    .replace(/((?:^|&)(?:password|secret|token|hash)=)[^&]*/gi, '$1[redacted]')

function jsonAnswer(result: Readonly<{ ok: boolean; code?: string; message: string; summary?: Record<string, number | boolean> }>): WebhookAnswer {
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify(result.ok ? { ok: true, ...result.summary } : { ok: false, error: { code: result.code, message: result.message } }),
  }
}

/**
 * Kolay Gelsin ([KG] "WEBHOOK"): the doc's flat event, a list of them, or shipment models. Each
 * shipment is named by its ShipmentId, which the adapter stores as both carrier_shipment_id and
 * tracking_number. Without one, the CustomerSpecificCode is tried as carrier_shipment_id; that
 * code is derived from our idempotency key and is not kept once Kolay Gelsin registered the
 * shipment, so such a post usually ends as 'unknown' (logged, 200).
 */
export function kolayGelsinRoute(config: KolayGelsinWebhookRoute): CarrierRoute {
  return {
    carrierId: 'kolaygelsin',
    signature: config.signature,
    parse(raw, headers, receivedAt) {
      const events = parseKolayGelsinWebhook(raw, headers, config.auth, receivedAt)
      const groups = new Map<string, { keys: WebhookShipmentKeys; events: TrackingEvent[] }>()
      for (const e of events) {
        const keys: WebhookShipmentKeys =
          e.shipmentId !== null
            ? { carrierShipmentId: e.shipmentId, trackingNumber: e.shipmentId }
            : e.customerSpecificCode !== null
              ? { carrierShipmentId: e.customerSpecificCode }
              : {}
        const id = JSON.stringify(keys)
        const g = groups.get(id) ?? { keys, events: [] }
        g.events.push(plain(e))
        groups.set(id, g)
      }
      return [...groups.values()]
    },
    answer: (_raw, _headers, result) => jsonAnswer(result),
    redact: redactGeneric,
  }
}

/**
 * Aras's push (docs/reference/carriers.md §2): the IntegrationCode is our key (aras.keys.ts), stored as
 * carrier_shipment_id; it is also tried as tracking_number (a row labelled before the waybill was cut).
 * Every answer, refusals included, is `Result`/`ErrorDescription` in the caller's own format.
 */
export function arasRoute(config: ArasPushRoute): CarrierRoute {
  const contentType = (h: IncomingHttpHeaders) => h['content-type']
  return {
    carrierId: 'aras',
    signature: config.signature,
    parse(raw, headers, receivedAt) {
      const { push } = parseArasPush(raw, contentType(headers), config.auth, receivedAt)
      return [{ keys: { carrierShipmentId: push.integrationCode, trackingNumber: push.integrationCode }, events: [push.event] }]
    },
    answer(raw, headers, result) {
      const r = buildArasPushReply(
        arasPushReplyContext(raw, contentType(headers)),
        { result: result.ok, errorDescription: result.ok ? '' : result.message },
        config.reply,
      )
      return { contentType: r.contentType, body: r.body }
    },
    redact: (text) => redactGeneric(redactArasPush(text)),
  }
}
