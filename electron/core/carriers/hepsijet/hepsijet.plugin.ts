import { z } from 'zod'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { createHepsiJetConnector } from './hepsijet.adapter'

/** station.json `carriers.hepsijet`: off until configured; defaults are HepsiJET's documented test endpoint and account. */
export const HepsiJetSettingsSchema = carrierSettings({
  origin: z.string().url().default('https://integration-apitest.hepsijet.com'),
  username: z.string().min(1).default('hepsijet-test'),
  password: z.string().min(1).default('hepsijet-test'),
  company: z.object({ name: z.string().min(1), abbreviationCode: z.string().min(1) }).default({ name: 'KargoJet Demo', abbreviationCode: 'KJ' }),
  senderAddressId: z.string().min(1).default('KJ-ADDR-1'),
  xDockCode: z.string().min(1).default('IST'),
  barcodePrefix: z.string().min(1).max(8).optional(),
  productCode: z.string().min(1).optional(),
})

export const hepsijetCarrier = defineCarrier({
  id: 'hepsijet',
  displayName: 'HepsiJET',
  defaultServiceCode: 'HX_STD',
  capabilities: { cancel: 'untilPickup', tracking: true, batchTracking: true, manifest: 'desk' },
  settings: HepsiJetSettingsSchema,
  fromFlags: (f) => flagSection(f, { origin: f.baseUrl, username: f.username, password: f.password }),
  flagHelp: '--username/--password',
  // The section's fields are the connector's options by name; the desk adds its retries and exchange log.
  create: (s, ctx) => createHepsiJetConnector({ ...s, ...deskOptions(ctx) }),
})
