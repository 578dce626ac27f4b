import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'

/** station.json `carriers.kolaygelsin` (the older generation): Bearer token, customer and address ids issued by Kolay Gelsin. */
export const KolayGelsinSettingsSchema = carrierSettings({
  origin: z.string().url().default('https://apibeta.klyglsn.com'),
  token: z.string().min(1).default('kg-test-token'),
  customerId: z.number().int().positive().default(20),
  addressId: z.number().int().positive().default(28),
})

export const kolaygelsinCarrier = defineCarrier({
  id: 'kolaygelsin',
  displayName: 'Kolay Gelsin',
  defaultServiceCode: 'STD',
  // Kolay Gelsin prefers the shipper's CustomerBarcode, but nothing documents that a parcel labelled before KG registered it is taken: no offline labels.
  capabilities: { cancel: 'untilPickup', tracking: true, batchTracking: true, manifest: 'desk', pushes: 'webhook' },
  settings: KolayGelsinSettingsSchema,
  fromFlags: (f) =>
    flagSection(f, {
      origin: f.baseUrl,
      token: f.apiKey,
      customerId: f.customerCode ? Number(f.customerCode) : undefined,
    }),
  flagHelp: '--api-key = the Bearer token, --customer-code = CustomerId',
  // The section's fields are the connector's options by name; the desk adds its retries and exchange log.
  create: (s, ctx) => createKolayGelsinConnector({ ...s, ...deskOptions(ctx) }),
})
