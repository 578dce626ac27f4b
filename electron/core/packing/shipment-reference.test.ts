import { describe, expect, it } from 'vitest'
import { shipmentReference } from './shipment-intent'

describe('shipment reference', () => {
  it('two desks buying for one order in the same millisecond get different references', () => {
    const at = Date.UTC(2026, 11, 7, 12)
    const refs = new Set(Array.from({ length: 200 }, () => shipmentReference('SIP-100062', at)))
    expect(refs.size).toBeGreaterThan(195) // 46,656 random suffixes: a rare repeat among 200 is possible, many are not
    for (const r of refs) expect(r).toMatch(/^SIP-100062-[0-9A-Z]{8}[0-9A-Z]{3}$/)
  })
})
