import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { ComToHomeConnector } from './comtohome.adapter'

/** station.json `carriers.comtohome`: the default carrier, on unless switched off. */
export const ComToHomeSettingsSchema = carrierSettings(
  {
    baseUrl: z.string().url().default('http://127.0.0.1:5181'),
    apiKey: z.string().min(1).default('demo-key'),
    labelFormat: z.enum(['zpl', 'pdf']).default('zpl'),
    /** Seed 001 address_resolver_type: 0 names, 1 postal code, 2 names then postal code (default). */
    addressResolverType: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(2),
    /** Seed 001 is_pickup_requested on every shipment (a courier call per shipment). */
    requestPickup: z.boolean().default(false),
    /** The provider ids the account has (seed 001 provider_id); a rate card for any other is never chosen. Unset: not checked. */
    providers: z.array(z.number().int().positive()).min(1).optional(),
  },
  { enabled: true, timeoutMs: 10_000 },
)

export const comtohomeCarrier = defineCarrier({
  id: 'comtohome',
  displayName: 'ComToHome',
  defaultServiceCode: 'preference:1',
  // Seed 001 packages[]: one consignment carries every parcel, each with its own weight and size (99: the desk's own cap).
  capabilities: { pickup: 'withShipment', manifest: 'desk', pieces: 99 },
  settings: ComToHomeSettingsSchema,
  fromFlags: (f) => flagSection(f, { baseUrl: f.baseUrl, apiKey: f.apiKey }),
  flagHelp: '--api-key',
  // The section's fields are the connector's options by name; the desk adds its retries and exchange log.
  create: (s, ctx) => new ComToHomeConnector({ ...s, ...deskOptions(ctx) }),
})
