import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { CircuitBreaker } from './circuit-breaker'

const down = () => Promise.reject(new AppError(ErrorCode.carrierUnavailable, 'HTTP 503', { retryable: true }))
const refused = () => Promise.reject(new AppError(ErrorCode.carrierValidation, 'bad phone', { retryable: false }))
const ok = () => Promise.resolve('ok')

function clock() {
  let t = 1_000_000
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and refuses at once with the time to wait', async () => {
    const c = clock()
    const b = new CircuitBreaker('Aras', { failureThreshold: 3, openMs: 10_000, now: c.now })
    for (let i = 0; i < 3; i++) await expect(b.run(down)).rejects.toMatchObject({ code: ErrorCode.carrierUnavailable })
    expect(b.view().state).toBe('open')
    let called = false
    const err = await b.run(async () => ((called = true), 'x')).catch((e: AppError) => e)
    expect(called).toBe(false)
    expect(err).toMatchObject({ code: ErrorCode.carrierCircuitOpen, retryable: true, meta: { retryAfterMs: 10_000 } })
  })

  it('lets one trial through after openMs: success closes it, failure reopens it', async () => {
    const c = clock()
    const b = new CircuitBreaker('Aras', { failureThreshold: 2, openMs: 5_000, now: c.now })
    await b.run(down).catch(() => undefined)
    await b.run(down).catch(() => undefined)
    c.advance(5_000)
    await expect(b.run(down)).rejects.toMatchObject({ code: ErrorCode.carrierUnavailable })
    expect(b.view().state).toBe('open') // the trial failed: open again for another openMs
    c.advance(4_999)
    await expect(b.run(ok)).rejects.toMatchObject({ code: ErrorCode.carrierCircuitOpen })
    c.advance(1)
    await expect(b.run(ok)).resolves.toBe('ok')
    expect(b.view()).toMatchObject({ state: 'closed', failures: 0 })
  })

  it('admits a single trial while half-open; concurrent calls are refused', async () => {
    const c = clock()
    const b = new CircuitBreaker('Aras', { failureThreshold: 1, openMs: 1_000, now: c.now })
    await b.run(down).catch(() => undefined)
    c.advance(1_000)
    let release!: () => void
    const trial = b.run(() => new Promise<string>((r) => (release = () => r('done'))))
    await expect(b.run(ok)).rejects.toMatchObject({ code: ErrorCode.carrierCircuitOpen })
    release()
    await expect(trial).resolves.toBe('done')
    expect(b.view().state).toBe('closed')
  })

  it('does not count refusals, rate limits or a success between failures', async () => {
    const b = new CircuitBreaker('Aras', { failureThreshold: 2 })
    await b.run(down).catch(() => undefined)
    await b.run(refused).catch(() => undefined)
    await b.run(down).catch(() => undefined)
    await b.run(() => Promise.reject(new AppError(ErrorCode.carrierRateLimited, '429', { retryable: true }))).catch(() => undefined)
    await b.run(down).catch(() => undefined)
    expect(b.view().state).toBe('closed')
    expect(b.view().lastError?.code).toBe(ErrorCode.carrierUnavailable)
  })

  it('reports every state change', async () => {
    const seen: string[] = []
    const b = new CircuitBreaker('Aras', { failureThreshold: 1, openMs: 0 })
    b.onDidChange.event((v) => seen.push(v.state))
    await b.run(down).catch(() => undefined)
    await b.run(ok)
    expect(seen).toEqual(['open', 'halfOpen', 'closed'])
  })
})
