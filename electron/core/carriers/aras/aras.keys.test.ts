import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { arasOfflineKey, arasPieceBarcodes, isArasTrackingNumber, isOwnIntegrationCode, planArasLabel } from './aras.keys'

const pkg = { index: 0, boxCode: null, lengthMm: 100, widthMm: 100, heightMm: 100, weightGrams: 100 }

describe('arasOfflineKey', () => {
  it('is 16 digits without a leading zero, stable per key and different across keys', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => arasOfflineKey(`order-${i}`))
    for (const k of keys) expect(k).toMatch(/^[1-9]\d{15}$/)
    expect(new Set(keys).size).toBe(keys.length)
    expect(arasOfflineKey('order-7')).toBe(keys[7])
    expect(isOwnIntegrationCode(keys[0] as string)).toBe(true)
    expect(isArasTrackingNumber(keys[0] as string)).toBe(false)
  })

  it('fits the documented IntegrationCode rules (2–32 chars; test scenarios: digits, ≥6) and TradingWaybillNumber ≤16', () => {
    const k = arasOfflineKey('x')
    expect(k.length).toBeGreaterThanOrEqual(6)
    expect(k.length).toBeLessThanOrEqual(16)
  })

  it('refuses an empty idempotency key', () => {
    expect(() => arasOfflineKey('  ')).toThrow(AppError)
  })
})

describe('arasPieceBarcodes', () => {
  it('single piece reuses the code; several get code + two-digit piece number', () => {
    expect(arasPieceBarcodes('123456', 1)).toEqual(['123456'])
    expect(arasPieceBarcodes('123456', 2)).toEqual(['12345601', '12345602'])
    expect(arasPieceBarcodes('123456', 99).at(-1)).toBe('12345699')
  })

  it.each([0, 100, 1.5])('refuses %s pieces', (n) => {
    expect(() => arasPieceBarcodes('123456', n)).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })
})

describe('planArasLabel', () => {
  it('labels the parcel with the IntegrationCode before any call (label null: the desk prints)', () => {
    const plan = planArasLabel({ packages: [pkg, { ...pkg, index: 1 }] }, 'kj-77')
    const code = arasOfflineKey('kj-77')
    expect(plan.integrationCode).toBe(code)
    expect(plan.pieceBarcodes).toEqual([`${code}01`, `${code}02`])
    expect(plan.provisional).toEqual({
      carrierShipmentId: code,
      trackingNumber: code,
      barcode: code,
      trackingUrl: null,
      labelFormat: null,
      label: null,
      costKurus: null,
    })
  })
})
