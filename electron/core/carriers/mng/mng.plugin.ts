import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { createMngConnector } from './mng.adapter'

/** station.json `carriers.mng` (MNG Kargo / DHL eCommerce Apizone): app keys (X-IBM-Client-Id/Secret) and the customer's login. */
export const MngSettingsSchema = carrierSettings({
  origin: z.string().url().default('https://testapi.mngkargo.com.tr'),
  clientId: z.string().min(1).default('mng-test-client'),
  clientSecret: z.string().min(1).default('mng-test-secret'),
  customerNumber: z.string().min(1).default('123456789'),
  password: z.string().min(1).default('mng-test'),
  /** 1 sender pays (default), 2 recipient pays, 3 platform. */
  paymentType: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
})

export const mngCarrier = defineCarrier({
  id: 'mng',
  displayName: 'MNG Kargo / DHL eCommerce',
  defaultServiceCode: '1',
  capabilities: { cancel: 'untilPickup', tracking: true, manifest: 'desk' },
  settings: MngSettingsSchema,
  fromFlags: (f) =>
    flagSection(f, {
      origin: f.baseUrl,
      clientId: f.username,
      clientSecret: f.apiKey,
      customerNumber: f.customerCode,
      password: f.password,
    }),
  flagHelp: "--username = client id, --api-key = client secret; --customer-code/--password = the customer's login",
  // The section's fields are the connector's options by name; the desk adds its retries and exchange log.
  create: (s, ctx) => createMngConnector({ ...s, ...deskOptions(ctx) }),
})
