import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { YurticiConnector } from './yurtici.adapter'

const YurticiCredential = z.object({ username: z.string().min(1), password: z.string().min(1), language: z.string().optional() })

/** station.json `carriers.yurtici` (Yurtiçi Kargo SOAP, docs/reference/carriers.md §1): one WS user per payment type; off until configured. */
export const YurticiSettingsSchema = carrierSettings(
  {
    url: z.string().url().default('http://127.0.0.1:5182/KOPSWebServices/ShippingOrderDispatcherServices'),
    accounts: z
      .object({ senderPays: YurticiCredential, receiverPays: YurticiCredential, codCash: YurticiCredential, codCard: YurticiCredential })
      .partial()
      .default({ senderPays: { username: 'YKTEST', password: 'YK' } }),
    returnCodeFieldName: z.string().default('16'),
    sendMeasurements: z.boolean().default(true),
    /** Fault errorCodes of the one-minute query throttle; Yurtiçi publishes none (docs/reference/carriers.md §1), so none by default. */
    throttleErrCodes: z.array(z.number().int()).default([]),
    /** Fault errCodes meaning "this return code is saved already"; none published (§1), so none by default. */
    returnCodeExistsErrCodes: z.array(z.number().int()).default([]),
  },
  { timeoutMs: 10_000 },
)

export const yurticiCarrier = defineCarrier({
  id: 'yurtici',
  displayName: 'Yurtiçi Kargo',
  defaultServiceCode: 'GO',
  capabilities: { offlineLabels: true, returns: 'code', cancel: 'untilPickup', tracking: true, manifest: 'desk' },
  settings: YurticiSettingsSchema,
  fromFlags: (f) =>
    flagSection(f, {
      url: f.baseUrl,
      // One WS user from the flags serves sender-pays; several payment types need a station.json.
      accounts: f.username && f.password ? { senderPays: { username: f.username, password: f.password } } : undefined,
    }),
  flagHelp: '--username/--password = the sender-pays WS user (other payment types: station.json)',
  create: (s, ctx) => new YurticiConnector({ ...s, ...deskOptions(ctx) }),
})
