import type { Unsubscribe } from '../../../shared/emitter'
import type { ScaleReading } from '../devices/scale/scale.port'

/** What the packing workflow needs from the scale service: the live reading and settled weights. */
export interface WeightSource {
  /** Latest reading that is not stale (≤ 1 s old), or null. */
  current(): ScaleReading | null
  /** Fires when the stability rule accepts a new weight. */
  onDidSettle(listener: (weight: { grams: number; at: number }) => void): Unsubscribe
}
