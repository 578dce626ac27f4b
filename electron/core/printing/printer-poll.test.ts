import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startPrinterPoll } from './printer-poll'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('printer status poll', () => {
  it('asks every idleMs while fine and every recoveringMs while down', async () => {
    let down = false
    const refresh = vi.fn(async () => undefined)
    const poll = startPrinterPoll({ refresh, isDown: () => down }, { idleMs: 30_000, recoveringMs: 2_000 })
    await vi.advanceTimersByTimeAsync(29_999)
    expect(refresh).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(refresh).toHaveBeenCalledTimes(1)
    down = true
    await vi.advanceTimersByTimeAsync(30_000) // the idle wait already scheduled
    expect(refresh).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(6_000)
    expect(refresh).toHaveBeenCalledTimes(5)
    poll.dispose()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(refresh).toHaveBeenCalledTimes(5)
  })

  it('changed() moves a pending idle poll forward once the printer is down', async () => {
    let down = false
    const refresh = vi.fn(async () => undefined)
    const poll = startPrinterPoll({ refresh, isDown: () => down }, { idleMs: 30_000, recoveringMs: 2_000 })
    poll.changed() // still fine: nothing moves
    await vi.advanceTimersByTimeAsync(2_000)
    expect(refresh).toHaveBeenCalledTimes(0)
    down = true
    poll.changed()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(refresh).toHaveBeenCalledTimes(1)
    poll.dispose()
  })

  it('a refresh that throws does not stop the poll, and polls never overlap', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const refresh = vi.fn(async () => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, 5_000))
      inFlight--
      throw new Error('printer gone')
    })
    const poll = startPrinterPoll({ refresh, isDown: () => true }, { idleMs: 30_000, recoveringMs: 1_000 })
    await vi.advanceTimersByTimeAsync(20_000)
    expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(3)
    expect(maxInFlight).toBe(1)
    poll.dispose()
  })
})
