import { z } from 'zod'
import { DEFAULT_DISTANCE_THRESHOLDS_KM, type SelectionRules } from '../../../shared/rates'
import type { AddressResolver } from '../addresses/address.resolver'
import { createDistanceBandFn } from './distance-band.lookup'

/**
 * Station settings for carrier selection (docs/carriers.md "Rates and selection"), ready to sit in station.json beside
 * rateCards: strategy, preferred carrier per il, distance-band cut-offs. Percentages as people type
 * them; converted to basis points for the shared rules.
 */
export const RatesConfigSchema = z
  .object({
    strategy: z.enum(['cheapest', 'fastest']).default('cheapest'),
    preferences: z
      .array(
        z.object({
          city: z.string().min(1),
          /** serviceCode or carrierId. */
          carrier: z.string().min(1),
          /** How much dearer than the best the preferred carrier may be, in %; 0 = equal price only. */
          tolerancePct: z.number().min(0).max(100).default(0),
        }),
      )
      .default([]),
    /** km cut-offs; defaults docs/reference/carriers.md §11 (yakın ≤ 200, kısa ≤ 600, orta ≤ 1000, uzun beyond). */
    distanceThresholdsKm: z
      .object({ yakinMaxKm: z.number().int().positive(), kisaMaxKm: z.number().int().positive(), ortaMaxKm: z.number().int().positive() })
      .refine((t) => t.yakinMaxKm < t.kisaMaxKm && t.kisaMaxKm < t.ortaMaxKm, 'yakın < kısa < orta')
      .default({ ...DEFAULT_DISTANCE_THRESHOLDS_KM }),
    /**
     * The packer's carrier change from the comparison (Ctrl+K at the desk): on or off, how much dearer than the
     * suggestion it may be (kuruş; null = no cap), from how much dearer a supervisor's badge is needed, and the
     * contracts the packer may change to. A dearer change always needs a reason; every change is audited.
     */
    carrierChange: z
      .object({
        enabled: z.boolean().default(true),
        maxExtraKurus: z.number().int().min(0).nullable().default(2000),
        supervisorAboveKurus: z.number().int().min(0).default(500),
        contracts: z
          .array(z.enum(['platform', 'own']))
          .min(1)
          .default(['platform', 'own']),
      })
      .prefault({}),
  })
  .prefault({})

export type RatesConfig = z.output<typeof RatesConfigSchema>

/** The shared selection rules for these settings, with the road-distance band lookup. */
export function selectionRulesFromConfig(config: RatesConfig, resolver: Pick<AddressResolver, 'findCity'>): SelectionRules {
  return {
    strategy: config.strategy,
    preferences: config.preferences.map((p) => ({ city: p.city, carrier: p.carrier, toleranceBp: Math.round(p.tolerancePct * 100) })),
    distanceBand: createDistanceBandFn(resolver, config.distanceThresholdsKm),
  }
}
