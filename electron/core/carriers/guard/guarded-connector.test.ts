import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { BatchTracker } from '../../tracking/tracking-poller'
import type { CarrierConnector, CreatedReturn, ReturnRequest, TrackingEvent } from '../carrier.port'
import { CircuitBreaker } from './circuit-breaker'
import { guardConnector } from './guarded-connector'
import { SlidingWindowLimiter } from './rate-limiter'

// A connector below the port (a unit test of the guard above it): counts calls, fails on demand.
function fakeConnector(fail: () => boolean) {
  const calls: string[] = []
  const down = () => new AppError(ErrorCode.carrierUnavailable, 'down', { retryable: true })
  const made: CreatedReturn = {
    kind: 'code',
    returnCode: 'R1',
    carrierShipmentId: null,
    trackingNumber: null,
    barcode: 'R1',
    labelFormat: null,
    label: null,
    validUntil: null,
  }
  const connector: CarrierConnector & BatchTracker = {
    id: 'x',
    displayName: 'X Kargo',
    createShipment: async () => {
      throw new Error('not used')
    },
    trackMany: async (keys) => {
      calls.push(`trackMany:${keys.join(',')}`)
      if (fail()) throw down()
      return new Map<string, readonly TrackingEvent[]>(keys.map((k) => [k, []]))
    },
    createReturn: async (_r: ReturnRequest) => {
      calls.push('createReturn')
      if (fail()) throw down()
      return made
    },
  }
  return { connector, calls }
}

describe('guardConnector', () => {
  it('keeps batch tracking and returns, each behind the limiter and the breaker', async () => {
    let failing = true
    const { connector, calls } = fakeConnector(() => failing)
    let t = 0
    const limiter = new SlidingWindowLimiter(10, 60_000, () => t)
    const breaker = new CircuitBreaker('X Kargo', { failureThreshold: 2, openMs: 1000, now: () => t })
    const g = guardConnector(connector, { breaker, limiter }) as CarrierConnector & Partial<BatchTracker>
    expect(typeof g.trackMany).toBe('function')
    expect(typeof g.createReturn).toBe('function')

    await expect(g.trackMany!(['a', 'b'])).rejects.toMatchObject({ code: ErrorCode.carrierUnavailable })
    await expect(g.createReturn!({} as ReturnRequest, { idempotencyKey: 'k' })).rejects.toMatchObject({ code: ErrorCode.carrierUnavailable })
    // Two failures opened the breaker: the third call is refused without reaching the carrier.
    await expect(g.trackMany!(['c'])).rejects.toMatchObject({ code: ErrorCode.carrierCircuitOpen })
    expect(calls).toEqual(['trackMany:a,b', 'createReturn'])

    failing = false
    t += 1000
    expect((await g.trackMany!(['c'])).has('c')).toBe(true)
    expect((await g.createReturn!({} as ReturnRequest, { idempotencyKey: 'k' })).returnCode).toBe('R1')
    expect(breaker.view().state).toBe('closed')
  })

  it('a connector without them gets none (the poller then asks one key at a time)', () => {
    const plain: CarrierConnector = { id: 'y', displayName: 'Y', createShipment: async () => Promise.reject(new Error('x')) }
    const g = guardConnector(plain, { breaker: new CircuitBreaker('Y'), limiter: null }) as CarrierConnector & Partial<BatchTracker>
    expect(g.trackMany).toBeUndefined()
    expect(g.createReturn).toBeUndefined()
  })
})
