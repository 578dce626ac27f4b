import { z } from 'zod'
import { WebhooksConfigSchema } from '../tracking/webhooks/webhook-config'
import type { AnyCarrier } from './carrier-plugin'

/** `carriers.<id>` for each carrier of the list: its own settings schema, keyed by its id. */
export type CarrierSettingsShape<T extends readonly AnyCarrier[]> = { [C in T[number] as C['id']]: C['settings'] }

export function carrierSettingsShape<const T extends readonly AnyCarrier[]>(carriers: T): CarrierSettingsShape<T> {
  return Object.fromEntries(carriers.map((c) => [c.id, c.settings])) as CarrierSettingsShape<T>
}

/** The desk's settings around every carrier, beside the carriers' own sections in `carriers`. */
const DESK_CARRIER_SETTINGS = {
  /**
   * When a carrier that takes a shipper-generated key (Yurtiçi cargoKey, Aras integration code, PTT
   * range barcode) stays unreachable, print the label with that key and register it when the carrier is back.
   */
  offlineLabels: z.boolean().default(true),
  /** How often the desk tries to register offline-labelled shipments. */
  offlineRetryMs: z.number().int().positive().default(30_000),
  /** Circuit breaker per carrier: this many consecutive failures open it for openMs. */
  breaker: z.object({ failureThreshold: z.number().int().min(1).default(5), openMs: z.number().int().min(0).default(30_000) }).prefault({}),
  /** Client-side request limits per carrier account (sliding window); ComToHome documents 300/min (seed 001). */
  limits: z
    .record(z.string(), z.object({ requests: z.number().int().positive(), perMs: z.number().int().positive() }))
    .default({ comtohome: { requests: 300, perMs: 60_000 } }),
  /** Background tracking: a pass every intervalMs; each shipment asked at most once per minIntervalMs. */
  tracking: z
    .object({
      enabled: z.boolean().default(true),
      intervalMs: z.number().int().positive().default(600_000),
      minIntervalMs: z.number().int().min(0).default(1_800_000),
    })
    .prefault({}),
  /** Receiver for carriers that push status (Kolay Gelsin webhook, Aras push); off by default. */
  webhooks: WebhooksConfigSchema,
  /** The desk's retry around every carrier call (retryable errors only; the same idempotency key each time). */
  retry: z
    .object({
      maxAttempts: z.number().int().min(1).max(10).default(4),
      baseDelayMs: z.number().int().min(0).default(300),
      maxDelayMs: z.number().int().min(0).default(4000),
    })
    .prefault({}),
}

/**
 * station.json's `carriers` section for a list of carriers: each carrier's section (its plugin's
 * `settings`), then the desk's own carrier settings. config.schema.ts builds it from the registry;
 * a test can build it from its own list.
 */
export function carriersConfigSchema<const T extends readonly AnyCarrier[]>(
  carriers: T,
): z.ZodPrefault<z.ZodObject<CarrierSettingsShape<T> & typeof DESK_CARRIER_SETTINGS, z.core.$strip>>
export function carriersConfigSchema(carriers: readonly AnyCarrier[]) {
  // Every field of every section has a default, so `{}` is a whole section (the generic signature above keeps each carrier's type).
  return z.object({ ...carrierSettingsShape(carriers), ...DESK_CARRIER_SETTINGS }).prefault({})
}
