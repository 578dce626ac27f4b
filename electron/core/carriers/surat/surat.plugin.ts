import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { createSuratConnector } from './surat.adapter'

/** station.json `carriers.surat`: Cari Kodu + Cari Şifre (create/cancel) + Web Servis Şifresi (tracking, label). */
export const SuratSettingsSchema = carrierSettings({
  environment: z.enum(['live', 'test']).default('test'),
  /** Replace the documented hosts (paths stay documented). */
  soapOrigin: z.string().url().optional(),
  trackingOrigin: z.string().url().optional(),
  credentials: z
    .object({ cariKodu: z.string().min(1), sifre: z.string().min(1), webPassword: z.string().min(1) })
    .default({ cariKodu: '1038106246', sifre: '123456', webPassword: '123456.Ff' }),
  createModes: z
    .array(z.enum(['siparisBarkod', 'ortakBarkod', 'yeni']))
    .min(1)
    .optional(),
})

export const suratCarrier = defineCarrier({
  id: 'surat',
  displayName: 'Sürat Kargo',
  defaultServiceCode: 'standard',
  capabilities: { returns: 'shipment', cancel: 'untilDelivery', tracking: true, manifest: 'desk' },
  settings: SuratSettingsSchema,
  // --base-url serves SOAP and tracking.
  fromFlags: (f) =>
    flagSection(f, {
      soapOrigin: f.baseUrl,
      trackingOrigin: f.baseUrl,
      credentials: f.customerCode && f.password ? { cariKodu: f.customerCode, sifre: f.password, webPassword: f.apiKey ?? f.password } : undefined,
    }),
  flagHelp: '--customer-code = Cari Kodu, --password = Cari Şifre, --api-key = Web Servis Şifresi',
  // The section's fields are the connector's options by name; the desk adds its retries and exchange log.
  create: (s, ctx) => createSuratConnector({ ...s, ...deskOptions(ctx) }),
})
