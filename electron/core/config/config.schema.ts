import { z } from 'zod'
import { RatesConfigSchema } from '../rates/rates.config'
import { CARRIERS, type CarrierList } from '../carriers/carrier-registry'
import { carriersConfigSchema } from '../carriers/carrier-settings'

const AddressSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  district: z.string().min(1),
  city: z.string().min(1),
  postalCode: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  email: z.string().nullable().optional(),
})

const RateCardSchema = z.object({
  carrierId: z.string().min(1),
  serviceCode: z.string().min(1),
  name: z.string().min(1),
  contract: z.enum(['platform', 'own']),
  commissionBp: z.number().int().min(0).default(1000),
  transitDays: z.number().int().min(0),
  supportsCod: z.boolean(),
  codFeeKurus: z.number().int().min(0).default(0),
  fuelSurchargeBp: z.number().int().min(0).default(0),
  maxChargeableKg: z.number().positive(),
  bands: z
    .array(
      z.object({
        upToKg: z.number().positive(),
        priceKurus: z.number().int().min(0),
        /** Prices by distance band (shared/rates/distance-band.ts); a missing band is priced at priceKurus. */
        distancePricesKurus: z.partialRecord(z.enum(['sehir_ici', 'yakin', 'kisa', 'orta', 'uzun']), z.number().int().min(0)).optional(),
      }),
    )
    .min(1),
  extraKgKurus: z.number().int().min(0),
  maxDesi: z.number().positive().optional(),
  maxWeightKg: z.number().positive().optional(),
  /** Iller (district omitted) or ilçeler this card does not deliver to. */
  excludedDistricts: z.array(z.object({ city: z.string().min(1), district: z.string().min(1).nullable().optional() })).optional(),
})

const SerialLine = {
  path: z.string().min(1),
  // No defaults here: each protocol has its own factory line settings (7E1 for Toledo, 8N1 for MT-SICS…).
  baudRate: z.number().int().positive().optional(),
  dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
  stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
}
const SCALE_PROTOCOLS = ['mt-sics', 'toledo-continuous', 'toledo-8217', 'cas', 'a12e', 'nci'] as const

export const ScaleConfigSchema = z.discriminatedUnion('driver', [
  z.object({
    driver: z.literal('simulated'),
    /** How long a simulated parcel rocks before it reads stable, and the reading interval (demo and tests). */
    settleMs: z.number().int().min(0).max(10_000).default(400),
    intervalMs: z.number().int().min(5).max(1000).default(100),
  }),
  /** Kept for station files written before the serial driver took every protocol. */
  z.object({ driver: z.literal('mt-sics'), ...SerialLine }),
  z.object({
    driver: z.literal('serial'),
    protocol: z.enum([...SCALE_PROTOCOLS, 'auto']),
    candidates: z.array(z.enum(SCALE_PROTOCOLS)).optional(),
    motionBit: z.enum(['setWhenMoving', 'setWhenStable']).optional(),
    ...SerialLine,
  }),
  z.object({
    driver: z.literal('hid'),
    path: z.string().optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  }),
])

/**
 * Serial (RS-232 / USB-CDC) and HID-POS scanners as extra scan sources (docs/reference/hardware.md §5.2, §7.6).
 * Keyboard-wedge scanners need no entry: the OS types their scans into the desk.
 */
export const ScannerSourceSchema = z.discriminatedUnion('driver', [
  z.object({
    driver: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().optional(),
    dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
    parity: z.enum(['none', 'even', 'odd']).optional(),
    stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
    /** The suffix the scanner is programmed to send; `none`: a quiet line (idleTimeoutMs) ends the code. */
    terminator: z.enum(['cr', 'lf', 'crlf', 'none']).default('cr'),
    idleTimeoutMs: z.number().int().positive().optional(),
  }),
  z.object({
    driver: z.literal('hid-pos'),
    /** node-hid path of the HID POS interface; without it the first HID POS scanner (matching VID:PID, if given) is used. */
    path: z.string().min(1).optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  }),
])
export type ScannerSourceConfig = z.output<typeof ScannerSourceSchema>

/**
 * The station's configuration. Layers, lowest first: these defaults, the admin file
 * (/etc/kargojet/station.json or %ProgramData%\KargoJet\station.json), the station file in the data
 * folder (station.json), then command-line flags. Secrets (API keys) are referenced, never logged.
 */
export const StationConfigSchema = z.object({
  stationName: z.string().min(1).default('Masa 1'),
  demo: z.boolean().default(false),
  scale: ScaleConfigSchema.default({ driver: 'simulated', settleMs: 400, intervalMs: 100 }),
  printer: z
    .object({
      uri: z.string().min(1).default('tcp://127.0.0.1:9100'),
      dpi: z.union([z.literal(203), z.literal(300)]).default(203),
      size: z.enum(['100x150', '100x100']).default('100x150'),
      statusTimeoutMs: z.number().int().positive().default(2000),
      sendTimeoutMs: z.number().int().positive().default(5000),
      /** Whether to query ~HS before and after each job (off for file:// and non-Zebra sinks). */
      checkStatus: z.boolean().default(true),
      /** A carrier PDF label: rasterize it to ZPL (the carrier's own label) or print the desk's own label with its barcode. */
      carrierPdf: z.enum(['rasterize', 'ownLabel']).default('rasterize'),
    })
    .prefault({}),
  /** Each carrier's own section (its `<id>.plugin.ts` settings, from the registry) and the desk's settings around them (carriers/carrier-settings.ts). */
  carriers: carriersConfigSchema(CARRIERS),
  cloud: z
    .object({
      baseUrl: z.string().url(),
      apiKey: z.string().min(1),
      pullIntervalMs: z.number().int().positive().default(15_000),
      /** This desk's id at the cloud (matches its API key); enables order claims and heartbeats. */
      stationId: z.string().min(1).optional(),
      claimLeaseMs: z
        .number()
        .int()
        .positive()
        .default(30 * 60_000),
      /** How often an open order's claim is renewed (long packs); default a third of claimLeaseMs. */
      claimRenewMs: z.number().int().positive().optional(),
      /** How long a claim is retried (jittered backoff, Retry-After honoured) before the cloud counts as unreachable. */
      claimRetryMs: z.number().int().min(0).max(120_000).default(8000),
      /** The cloud is unreachable: 'allow' packs on a local claim (conflicts reported to both desks), 'refuse' does not pack. */
      offlinePacking: z.enum(['allow', 'refuse']).default('allow'),
      /** Wait after a failed sync round: full jitter over baseMs × 2^failures, capped at maxMs (at least Retry-After). */
      backoff: z.object({ baseMs: z.number().int().positive().default(1000), maxMs: z.number().int().positive().default(30_000) }).prefault({}),
    })
    .nullable()
    .default(null),
  sender: AddressSchema.default({
    name: 'KargoJet Demo Mağaza',
    address: 'Büyükdere Caddesi No:185',
    district: 'Şişli',
    city: 'İstanbul',
    postalCode: '34381',
    phone: '+902123456789',
  }),
  scanner: z
    .object({
      /** The OS keyboard layout a keyboard-wedge scanner types into, found by the scanner self-test (null = none to repair). */
      wedgeLayout: z.enum(['us', 'tr-q', 'tr-f', 'gb']).nullable().default(null),
      /** What the scanner sends for FNC1 in GS1 codes (ASCII GS by default). */
      fnc1: z.string().min(1).max(1).default('\x1d'),
      gs1WithoutAim: z.enum(['never', 'ifSeparated', 'try']).default('ifSeparated'),
      /** After printing, the packer scans the label; the order completes only if it matches the shipment's barcode. */
      scanBack: z.boolean().default(false),
      /** Serial and HID-POS scanners; their scans go where wedge scans go, without layout repair (they send bytes, not keys). */
      sources: z.array(ScannerSourceSchema).default([]),
    })
    .prefault({}),
  /** A packing slip on an ESC/POS receipt printer after each packed order (docs/reference/hardware.md §4); off unless the desk has one. */
  packingSlip: z
    .object({
      enabled: z.boolean().default(false),
      /** Raw TCP, the only route node-thermal-printer's network interface takes. */
      uri: z
        .string()
        .regex(/^tcp:\/\//i, 'must be tcp://HOST[:PORT]')
        .default('tcp://127.0.0.1:9100'),
      codePage: z.enum(['PC857_TURKISH', 'WPC1254_TURKISH']).default('PC857_TURKISH'),
      /** 48 characters for 80 mm paper, 32 for 58 mm. */
      widthChars: z.union([z.literal(48), z.literal(32)]).default(48),
      timeoutMs: z.number().int().positive().default(3000),
    })
    .prefault({}),
  /** The stability rule: N readings within ±tolerance for at least T ms, on top of the device's own flag. */
  stability: z
    .object({
      sampleCount: z.number().int().min(1).max(50).optional(),
      toleranceGrams: z.number().int().min(0).max(1000).optional(),
      minStableMs: z.number().int().min(0).max(10_000).optional(),
    })
    .prefault({}),
  tolerance: z.object({ absGrams: z.number().int().min(0).default(100), pct: z.number().min(0).max(100).default(10) }).prefault({}),
  rateCards: z.array(RateCardSchema).optional(),
  /** Carrier selection: strategy, preferred carrier per il, distance-band cut-offs (electron/core/rates/rates.config.ts). */
  rates: RatesConfigSchema,
})

/**
 * The station schema for another list of carriers (a test's registry with a carrier added): the same
 * schema with `carriers` built from `carriers`.
 */
export function stationConfigSchemaFor<const T extends CarrierList>(carriers: T) {
  return StationConfigSchema.extend({ carriers: carriersConfigSchema(carriers) })
}

export type StationConfig = z.output<typeof StationConfigSchema>
export type StationConfigInput = z.input<typeof StationConfigSchema>
