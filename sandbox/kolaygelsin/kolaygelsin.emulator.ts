import { startCarrierEmulator, type CarrierEmulator } from '../common/http-emulator'
import { KG_REQUEST_PATH, KgMethodName, resolveOptions, type KolayGelsinEmulatorOptions } from './kolaygelsin.config'
import { createKolayGelsinHandler, kolayGelsinAdvanceHook } from './kolaygelsin.server'
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
 * CargoEventType chain driven by `advance` (1 → 2 → 12 → 13 → 14 → 17 → 18 → 29, by ShipmentId, code or
 * barcode; or POST /__emu/advance/{key}?to=), a webhook sender, injectable faults and a redacted request log.
 */
export type KolayGelsinEmulator = CarrierEmulator<KgLoggedRequest, EmulatedKgShipment, number, Record<KgMethodName, string>> &
  Readonly<{
    readonly recipients: readonly KgRecipient[]
    /** Every webhook post made, with the merchant's answer. */
    readonly webhookDeliveries: readonly KgWebhookDelivery[]
    /** Waits until every webhook post has been answered. */
    flushWebhooks(): Promise<void>
  }>

/** POST {origin}/api/request/{Method}, for each method. */
const KG_METHOD_PATHS = Object.fromEntries(Object.values(KgMethodName).map((m) => [m, `${KG_REQUEST_PATH}/${m}`])) as Record<KgMethodName, string>

export async function startKolayGelsinEmulator(options: KolayGelsinEmulatorOptions = {}): Promise<KolayGelsinEmulator> {
  const opts = resolveOptions(options)
  const state = new KgState()
  const webhook = createWebhookSender(opts, state)
  const emu = await startCarrierEmulator(
    {
      port: opts.port,
      requests: state.requests,
      shipments: state.shipments,
      advanceHook: kolayGelsinAdvanceHook({ opts, state, sink: webhook.sink }),
      paths: KG_METHOD_PATHS,
    },
    (faults) => createKolayGelsinHandler({ opts, state, faults, sink: webhook.sink }),
  )
  return {
    ...emu,
    recipients: state.recipients,
    webhookDeliveries: state.webhookDeliveries,
    flushWebhooks: () => webhook.flush(),
    close: async () => {
      await webhook.flush()
      await emu.close()
    },
  }
}
