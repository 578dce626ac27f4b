import { describe, expect, it } from 'vitest'
import { FaultPlan, HttpFault } from './http-emulator'

describe('FaultPlan', () => {
  it('serves queued faults first, then the sticky one; clearQueued drops only the queue', () => {
    const plan = new FaultPlan()
    plan.set(HttpFault.http503, 1)
    plan.queue([HttpFault.dropAfterCommit, null, HttpFault.http429])
    expect(plan.take()).toBe(HttpFault.dropAfterCommit)
    plan.clearQueued()
    expect(plan.take()).toBe(HttpFault.http503)
    expect(plan.take()).toBeNull()
  })
})
