import { describe, expect, it } from 'vitest'
import type { QuoteOption } from '../../../shared/rates'
import { RatesConfigSchema } from './rates.config'
import { CarrierChangeRefusal, judgeCarrierChange, type CarrierChangeRules } from './carrier-change.rules'

const option = (serviceCode: string, priceKurus: number | null, over: Partial<QuoteOption> = {}): QuoteOption => ({
  carrierId: 'comtohome',
  serviceCode,
  name: serviceCode,
  contract: 'platform',
  eligible: priceKurus !== null,
  priceKurus,
  band: 3,
  transitDays: 2,
  reason: 'Uygun / eligible',
  ...over,
})

const suggested = option('cheap', 10_000)
const options = [
  suggested,
  option('same', 10_000),
  option('cheaper', 9_000),
  option('reason', 10_300),
  option('limit', 10_500),
  option('badge', 10_501),
  option('cap', 12_000),
  option('over', 12_001),
  option('own', 10_200, { carrierId: 'yurtici', contract: 'own' }),
  option('nocod', null, { reason: 'Kapıda ödeme desteklenmiyor / no cash on delivery' }),
]
const rules: CarrierChangeRules = { enabled: true, maxExtraKurus: 2000, supervisorAboveKurus: 500, contracts: ['platform', 'own'] }
const judge = (serviceCode: string, r: Partial<CarrierChangeRules> = {}, s: QuoteOption | null = suggested) =>
  judgeCarrierChange({ ...rules, ...r }, options, s, { carrierId: options.find((o) => o.serviceCode === serviceCode)?.carrierId ?? 'x', serviceCode })

describe('judgeCarrierChange: what taking another carrier from the comparison needs', () => {
  it.each([
    ['same', 'none', 0],
    ['cheaper', 'none', -1000],
    ['reason', 'reason', 300],
    ['limit', 'reason', 500],
    ['badge', 'supervisor', 501],
    ['cap', 'supervisor', 2000],
    ['own', 'reason', 200],
  ])('%s → %s (%i kuruş more)', (code, need, extra) => {
    expect(judge(code)).toEqual({ allowed: true, need, extraKurus: extra })
  })

  it.each([
    ['over', {}, CarrierChangeRefusal.priceCap],
    ['nocod', {}, CarrierChangeRefusal.ineligible],
    ['missing', {}, CarrierChangeRefusal.unknown],
    ['own', { contracts: ['platform'] as const }, CarrierChangeRefusal.contract],
    ['same', { contracts: ['own'] as const }, CarrierChangeRefusal.contract],
    ['reason', { enabled: false }, CarrierChangeRefusal.disabled],
  ])('%s with %o is refused: %s', (code, r, refusal) => {
    expect(judge(code, r)).toEqual({ allowed: false, need: 'refused', refusal })
  })

  it('the suggestion itself is always there to go back to', () => {
    expect(judge('cheap', { contracts: ['own'], maxExtraKurus: 0 })).toEqual({ allowed: true, need: 'none', extraKurus: 0 })
  })

  it('no cap: any eligible option, dearer ones with a supervisor', () => {
    expect(judge('over', { maxExtraKurus: null })).toEqual({ allowed: true, need: 'supervisor', extraKurus: 2001 })
  })

  it('nothing to change from: no suggestion (no eligible carrier), or an unpriced one (a marketplace label)', () => {
    expect(judge('reason', {}, null)).toMatchObject({ refusal: CarrierChangeRefusal.noSuggestion })
    expect(
      judgeCarrierChange(rules, [...options, option('label', null, { eligible: true })], option('label', null, { eligible: true }), {
        carrierId: 'comtohome',
        serviceCode: 'reason',
      }),
    ).toMatchObject({ refusal: CarrierChangeRefusal.unpriced })
  })
})

describe('rates.carrierChange in station.json', () => {
  it('defaults: on, 20 TL cap, a supervisor above 5 TL, both contracts', () => {
    expect(RatesConfigSchema.parse({}).carrierChange).toEqual({ enabled: true, maxExtraKurus: 2000, supervisorAboveKurus: 500, contracts: ['platform', 'own'] })
  })

  it.each([
    [{ maxExtraKurus: -1 }, 'maxExtraKurus'],
    [{ supervisorAboveKurus: 1.5 }, 'supervisorAboveKurus'],
    [{ contracts: [] }, 'contracts'],
    [{ contracts: ['mine'] }, 'contracts'],
  ])('refuses %o, naming %s', (bad, field) => {
    const r = RatesConfigSchema.safeParse({ carrierChange: bad })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.path).toEqual([
      'carrierChange',
      field,
      ...(Array.isArray((bad as { contracts?: unknown[] }).contracts) && (bad as { contracts: unknown[] }).contracts.length ? [0] : []),
    ])
  })
})
