/**
 * Options, defaults and public types of the ComToHome consignment emulator.
 * Source: ComToHome's consignment API description, docs/reference/seed-001-consignment-api-yurtici-gonderi.txt
 * (cited below as "seed 001").
 * Where the seed is silent (status codes, preference values, providers, prices) the behaviour is an
 * option with a documented default, so tests can match whatever the real service turns out to do.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions } from '../common/emulator-options'

/** Faults a test can inject; see comtohome.server.ts for exactly what each does. */
export const ComToHomeFault = {
  /** 500 with the error envelope; nothing is created. */
  http500: 'http500',
  /** 429 with Retry-After, as if the rate limit were hit; nothing is created. */
  http429: 'http429',
  /** The request is processed (the consignment is created), then the socket is destroyed unanswered. */
  dropAfterCommit: 'dropAfterCommit',
  /** Processed, then headers and part of the JSON body are written and the socket is destroyed. */
  halfResponse: 'halfResponse',
  /** Never answered; nothing is created. The socket stays open until the client gives up or close(). */
  timeout: 'timeout',
  /** Processed, then answered with a body that is not JSON (status as usual). */
  malformedJson: 'malformedJson',
} as const
export type ComToHomeFault = (typeof ComToHomeFault)[keyof typeof ComToHomeFault]

/** A cargo provider behind the aggregator (seed 001 links a "Provider Listesi" page we do not have). */
export type ComToHomeProvider = Readonly<{
  id: number
  name: string
  /** Special service types (seed 001 "Ek Hizmetler") this provider accepts. */
  specialServices: readonly string[]
  /** Price multiplier in percent over the base price table. */
  priceFactorPct: number
  /** Prefix of the provider barcode the emulator issues. */
  barcodePrefix: string
  /** `{code}` is replaced by the tracking code. */
  trackingUrlTemplate: string
  /** Providers with a sequential barcode range honour `specific_provider_barcode` (seed 001). */
  usesBarcodeRange: boolean
}>

export type PriceRow = Readonly<{ maxKg: number; priceLira: number }>

export type PriceTable = Readonly<{ rows: readonly PriceRow[]; perExtraKgLira: number }>

/**
 * Picks a provider for `preference` when no provider_id is sent. Seed 001 only says the system
 * "picks the most suitable firm" and links a value list we do not have. Return null for an
 * unknown preference value (answered with a choice error on `preference`).
 */
export type PreferenceChooser = (
  input: Readonly<{
    preference: number
    providers: readonly ComToHomeProvider[]
    /** Price of this shipment at each provider, in lira. */
    priceOf: (provider: ComToHomeProvider) => number
    /** Special service types the request asks for. */
    serviceTypes: readonly string[]
  }>,
) => ComToHomeProvider | null

export type IdempotencyOptions = Readonly<{
  /**
   * 'replay': a repeated Idempotency-Key returns the stored response (status + body) and creates
   * nothing; 'off': the header is ignored. Seed 001 says the endpoint "supports repeated-request
   * protection" but its Idempotency page is not in our documents, so both are available.
   */
  mode: 'replay' | 'off'
  /** Status for a known key sent with a different body (the real value is unknown). */
  mismatchStatus: number
}>

export type ComToHomeEmulatorOptions = EmulatorOptions &
  Readonly<{
    /** Accepted APIKEY header values. Default ['demo-key']. */
    apiKeys?: readonly string[]
    /** The customer the keys belong to; appears in the "provider not defined" message. Default 1001. */
    customerId?: number
    providers?: readonly ComToHomeProvider[]
    choosePreference?: PreferenceChooser
    /** Document ids "uploaded before" (seed 001 documents[].id). Default [4617] (the seed sample). */
    knownDocumentIds?: readonly number[]
    /** First consignment id issued; then +1 each. Default 632280 (the seed sample). */
    firstConsignmentId?: number
    /** First c2hBarcode serial (11 digits after "C2H"). Default 7238640094 → C2H07238640094 (the seed sample). */
    firstC2hSerial?: number
    /** Seed 001 shows no status code for field errors: 422 by default. */
    validationStatus?: number
    /** Seed 001 shows no status code for success: 200 by default. */
    successStatus?: number
    idempotency?: Partial<IdempotencyOptions>
    /** Seed 001: 300 requests per 1 minute, sliding window, per API key. */
    rateLimit?: Readonly<{ limit: number; windowMs: number }>
    priceTable?: PriceTable
  }>

/** Default providers: the five large domestic carriers (ids are ours; the real list is not in seed 001). */
export const DEFAULT_PROVIDERS: readonly ComToHomeProvider[] = [
  {
    id: 1,
    name: 'Yurtiçi Kargo',
    specialServices: ['CASH_ON_DELIVERY', 'HOLD_AT_DEPARTMENT', 'VALUED_SHIPMENT'],
    priceFactorPct: 100,
    barcodePrefix: 'YK',
    trackingUrlTemplate: 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code={code}',
    usesBarcodeRange: false,
  },
  {
    id: 2,
    name: 'Aras Kargo',
    specialServices: ['CASH_ON_DELIVERY', 'HOLD_AT_DEPARTMENT'],
    priceFactorPct: 96,
    barcodePrefix: 'AR',
    trackingUrlTemplate: 'https://kargotakip.araskargo.com.tr/mainpage.aspx?code={code}',
    usesBarcodeRange: false,
  },
  {
    id: 3,
    name: 'MNG Kargo',
    specialServices: ['CASH_ON_DELIVERY'],
    priceFactorPct: 98,
    barcodePrefix: 'MN',
    trackingUrlTemplate: 'https://www.mngkargo.com.tr/gonderi-takip/?code={code}',
    usesBarcodeRange: false,
  },
  {
    id: 4,
    name: 'PTT Kargo',
    specialServices: ['HOLD_AT_DEPARTMENT'],
    priceFactorPct: 88,
    barcodePrefix: 'PT',
    trackingUrlTemplate: 'https://gonderitakip.ptt.gov.tr/Track/Verify?q={code}',
    usesBarcodeRange: true,
  },
  {
    id: 5,
    name: 'Sürat Kargo',
    specialServices: ['CASH_ON_DELIVERY', 'VALUED_SHIPMENT'],
    priceFactorPct: 93,
    barcodePrefix: 'SR',
    trackingUrlTemplate: 'https://suratkargo.com.tr/KargoTakip/?kargotakipno={code}',
    usesBarcodeRange: false,
  },
]

/** Base prices by chargeable weight band (illustrative; not in seed 001). */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  rows: [
    { maxKg: 1, priceLira: 89.9 },
    { maxKg: 2, priceLira: 96.4 },
    { maxKg: 3, priceLira: 103.2 },
    { maxKg: 5, priceLira: 118.6 },
    { maxKg: 10, priceLira: 154.3 },
    { maxKg: 15, priceLira: 198.8 },
    { maxKg: 20, priceLira: 241.5 },
    { maxKg: 30, priceLira: 318.9 },
  ],
  perExtraKgLira: 9.75,
}

/**
 * Default chooser (our assumption): preference 1 = cheapest provider that supports every requested
 * special service (cheapest overall when none does; the service check then reports it), ties → lowest id.
 * Any other value is unknown.
 */
export const chooseCheapest: PreferenceChooser = ({ preference, providers, priceOf, serviceTypes }) => {
  if (preference !== 1 || providers.length === 0) return null
  const supporting = providers.filter((p) => serviceTypes.every((s) => p.specialServices.includes(s)))
  const pool = supporting.length > 0 ? supporting : providers
  return [...pool].sort((a, b) => priceOf(a) - priceOf(b) || a.id - b.id)[0] ?? null
}

export type ResolvedOptions = Omit<Required<ComToHomeEmulatorOptions>, 'idempotency'> & Readonly<{ idempotency: IdempotencyOptions }>

export function resolveOptions(o: ComToHomeEmulatorOptions = {}): ResolvedOptions {
  const resolved = withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    apiKeys: ['demo-key'],
    customerId: 1001,
    providers: DEFAULT_PROVIDERS,
    choosePreference: chooseCheapest,
    knownDocumentIds: [4617],
    firstConsignmentId: 632280,
    firstC2hSerial: 7238640094,
    validationStatus: 422,
    successStatus: 200,
    idempotency: {},
    rateLimit: { limit: 300, windowMs: 60_000 },
    priceTable: DEFAULT_PRICE_TABLE,
  })
  return { ...resolved, idempotency: { mode: o.idempotency?.mode ?? 'replay', mismatchStatus: o.idempotency?.mismatchStatus ?? 422 } }
}
