import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { createArasConnector } from './aras.adapter'
import { MAX_PIECES } from './aras.keys'

const ArasUser = z.object({ username: z.string().min(1), password: z.string().min(1) })

/** station.json `carriers.aras`: a shipment-service user, and for tracking the separate query user with its customer code. */
export const ArasSettingsSchema = carrierSettings({
  environment: z.enum(['test', 'live']).default('test'),
  /** Replaces the documented host (the paths stay as documented), e.g. for a proxy or the emulator. */
  origin: z.string().url().optional(),
  credentials: ArasUser.default({ username: 'neodyum', password: 'nd2580' }),
  query: ArasUser.extend({ customerCode: z.string().min(1) }).optional(),
  /** The account may call GetBarcode (Aras ZPL); otherwise the desk prints its own label with the integration code. */
  barcodePermitted: z.boolean().default(false),
})

export const arasCarrier = defineCarrier({
  id: 'aras',
  displayName: 'Aras Kargo',
  defaultServiceCode: 'GO',
  capabilities: { offlineLabels: true, cancel: 'untilPickup', tracking: true, manifest: 'desk', pushes: 'push', pieces: MAX_PIECES },
  settings: ArasSettingsSchema,
  fromFlags: (f) =>
    flagSection(f, {
      origin: f.baseUrl,
      credentials: f.username && f.password ? { username: f.username, password: f.password } : undefined,
      // One user for both services from the flags; a desk with separate query users sets them in station.json.
      query: f.username && f.password && f.customerCode ? { username: f.username, password: f.password, customerCode: f.customerCode } : undefined,
    }),
  flagHelp: '--username/--password = the shipment user, and with --customer-code the query user too',
  // The section's fields are the connector's options by name; the desk adds its retries and exchange log.
  create: (s, ctx) => createArasConnector({ ...s, ...deskOptions(ctx) }),
})
