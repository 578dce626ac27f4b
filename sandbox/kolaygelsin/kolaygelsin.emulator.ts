import { FaultPlan, listenHttp } from '../common/http-emulator'
import { KG_REQUEST_PATH, KgMethodName, resolveOptions, type KolayGelsinEmulatorOptions } from './kolaygelsin.config'
import { advance } from './kolaygelsin.lifecycle'
import { createKolayGelsinHandler } from './kolaygelsin.server'
import { KgState, type EmulatedKgShipment, type KgLoggedRequest, type KgRecipient, type KgWebhookDelivery } from './kolaygelsin.state'
import { createWebhookSender } from './kolaygelsin.webhook-sender'

export type { KgAccount, KgWebhookAuth, KolayGelsinEmulatorOptions } from './kolaygelsin.config'
export { DEFAULT_KG_ACCOUNT, KG_EVENT_TYPES, KG_REQUEST_PATH, KgMessage, KgMethodName } from './kolaygelsin.config'
export type { EmulatedKgShipment, KgLoggedRequest, KgRecipient, KgWebhookDelivery } from './kolaygelsin.state'

/**
 * A local Kolay Gelsin API (docs/reference/carriers.md §7, §14) on 127.0.0.1: the older generation of Sendeo's
 * API, kept for accounts still on it. SaveRecipient, SaveIntegrationShipment (HTML labels; V2, which
 * the published swagger.json does not declare, only with serveUndeclaredV2), bodies checked against
 * protocols/kolaygelsin/swagger.json (validateSchema, default on),
 * CancelPickupAndDelivery (cancel before pickup, return after), GetCorporateShipmentsStatus, the
 * CargoEventType chain driven by `advance` (or POST /__emu/advance/{key}?to=), a webhook sender,
 * injectable faults and a redacted request log.
 */
export type KolayGelsinEmulator = Readonly<{
  /** http://127.0.0.1:port: the connector's origin. */
  origin: string
  /** Full URL of each method. */
  urls: Readonly<Record<KgMethodName, string>>
  readonly shipments: readonly EmulatedKgShipment[]
  readonly recipients: readonly KgRecipient[]
  /** Every API request (Authorization redacted). */
  readonly requests: readonly KgLoggedRequest[]
  /** Every webhook post made, with the merchant's answer. */
  readonly webhookDeliveries: readonly KgWebhookDelivery[]
  faults: FaultPlan
  /** One step along 1 → 2 → 12 → 13 → 14 → 17 → 18 → 29, or on to event `toEvent`. Key: ShipmentId, code or barcode. */
  advance(key: string, toEvent?: number): EmulatedKgShipment
  /** Waits until every webhook post has been answered. */
  flushWebhooks(): Promise<void>
  close(): Promise<void>
}>

export async function startKolayGelsinEmulator(options: KolayGelsinEmulatorOptions = {}): Promise<KolayGelsinEmulator> {
  const opts = resolveOptions(options)
  const state = new KgState()
  const faults = new FaultPlan()
  const webhook = createWebhookSender(opts, state)
  const running = await listenHttp(createKolayGelsinHandler({ opts, state, faults, sink: webhook.sink }), opts.port)
  const o = running.origin
  return {
    origin: o,
    urls: Object.fromEntries(Object.values(KgMethodName).map((m) => [m, `${o}${KG_REQUEST_PATH}/${m}`])) as Record<KgMethodName, string>,
    shipments: state.shipments,
    recipients: state.recipients,
    requests: state.requests,
    webhookDeliveries: state.webhookDeliveries,
    faults,
    advance: (key, toEvent) => {
      const s = state.findAny(key)
      if (!s) throw new Error(`no shipment ${key}`)
      return advance(s, opts.now(), webhook.sink, toEvent)
    },
    flushWebhooks: () => webhook.flush(),
    close: async () => {
      await webhook.flush()
      await running.close()
    },
  }
}
