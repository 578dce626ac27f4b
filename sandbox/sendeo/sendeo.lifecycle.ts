import { currentStatusId, type EmulatedSendeoDelivery } from './sendeo.state'

/**
 * The status chain the emulator walks (docs/reference/carriers.md §7/§14 "statuses 101…151"): work order 101 →
 * picked up 138 → document 102 → hub and line moves 103, 105, 106, 107 → out for delivery 109 →
 * delivered 111. Any other documented id is set directly (failed attempts, returns, losses).
 */
export const SENDEO_CHAIN: readonly number[] = [101, 138, 102, 103, 105, 106, 107, 109, 111]

/** After these nothing moves: delivered, returned, cancelled delivery or work order. */
export const SENDEO_FINAL: ReadonlySet<number> = new Set([111, 151, 133, 139])

export function addStatus(d: EmulatedSendeoDelivery, statusId: number, nowMs: number): void {
  d.history.push({ statusId, atMs: nowMs })
}

/**
 * One step along the chain, or on to `to`: a later chain status walks every step between, an id off
 * the chain is appended as it is. A failed attempt (112–130) goes back out for delivery on the next step.
 */
export function advance(d: EmulatedSendeoDelivery, nowMs: number, to?: number): EmulatedSendeoDelivery {
  const s = currentStatusId(d)
  if (SENDEO_FINAL.has(s)) throw new Error(`delivery ${d.referenceNo} is already ${s}`)
  const index = SENDEO_CHAIN.indexOf(s)
  if (to === undefined) {
    addStatus(d, index >= 0 ? (SENDEO_CHAIN[index + 1] as number) : 109, nowMs)
    return d
  }
  const target = SENDEO_CHAIN.indexOf(to)
  if (target < 0 || index < 0) {
    addStatus(d, to, nowMs)
    return d
  }
  if (index >= target) throw new Error(`delivery ${d.referenceNo} is ${s}, past ${to}`)
  for (let i = index + 1; i <= target; i++) addStatus(d, SENDEO_CHAIN[i] as number, nowMs)
  return d
}
