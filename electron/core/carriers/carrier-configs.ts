import { z } from 'zod'

/**
 * station.json `carriers.<id>` sections of the carriers beyond ComToHome and Yurtiçi. Each is off
 * until configured; credentials may be stored encrypted ("enc:…", secrets/secret-box.ts). URLs
 * default to the carrier's documented test endpoint where carriers.md gives one.
 */
const url = (fallback: string) => z.string().url().default(fallback)
const timeoutMs = z.number().int().positive().default(15_000)

export const HepsiJetConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    origin: url('https://integration-apitest.hepsijet.com'),
    username: z.string().min(1).default('hepsijet-test'),
    password: z.string().min(1).default('hepsijet-test'),
    company: z.object({ name: z.string().min(1), abbreviationCode: z.string().min(1) }).default({ name: 'KargoJet Demo', abbreviationCode: 'KJ' }),
    senderAddressId: z.string().min(1).default('KJ-ADDR-1'),
    xDockCode: z.string().min(1).default('IST'),
    barcodePrefix: z.string().min(1).max(8).optional(),
    productCode: z.string().min(1).optional(),
    timeoutMs,
  })
  .prefault({})
