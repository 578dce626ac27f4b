import type { ResolvedOptions } from './kolaygelsin.config'
import type { EventSink } from './kolaygelsin.lifecycle'
import { eventModel } from './kolaygelsin.operations'
import type { KgState } from './kolaygelsin.state'

/**
 * Kolay Gelsin's webhook ([KG] "WEBHOOK"): every new event is POSTed to the merchant as the doc's
 * flat JSON, one post per parcel, with Basic auth or the merchant's hash in a header (the doc does
 * not name the header: `headerName`, default "hash"). Posts run in the background; `flush` waits
 * for all of them, so tests need no sleeps. A failed post is recorded, never retried.
 */
export type WebhookSender = Readonly<{ sink: EventSink; flush(): Promise<void> }>

export function createWebhookSender(opts: ResolvedOptions, state: KgState): WebhookSender {
  const pending = new Set<Promise<void>>()
  const headers = (): Record<string, string> => {
    const auth = opts.webhook?.auth
    const base = { 'content-type': 'application/json' }
    if (auth?.scheme === 'basic') return { ...base, authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` }
    if (auth?.scheme === 'hash') return { ...base, [auth.headerName ?? 'hash']: auth.value }
    return base
  }
  const sink: EventSink = (s, e) => {
    const target = opts.webhook
    if (!target || (opts.reportedEvents !== null && !opts.reportedEvents.has(e.type))) return
    for (const item of s.items) {
      const body = {
        ...eventModel(e),
        ShipmentPartyType: '1',
        ShipmentId: s.shipmentId,
        ShipmentItemId: item.shipmentItemId,
        CustomerBarcode: item.customerBarcode,
        CustomerTrackingId: item.customerTrackingId,
        CustomerOptionalInfo: '',
        CustomerSpecificCode: s.customerSpecificCode,
        CustomerId: String(s.customerId),
      }
      const record = { body, status: null as number | null, error: null as string | null }
      state.webhookDeliveries.push(record)
      const p = fetch(target.url, { method: 'POST', headers: headers(), body: JSON.stringify(body) })
        .then(async (res) => {
          record.status = res.status
          await res.arrayBuffer() // drain, so the connection is released
        })
        .catch((err: unknown) => {
          record.error = (err as Error).message // the merchant is down: recorded, not retried
        })
        .finally(() => pending.delete(p))
      pending.add(p)
    }
  }
  return {
    sink,
    flush: async () => {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}
