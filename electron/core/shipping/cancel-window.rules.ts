import type { CarrierCapabilities } from '../carriers/carrier-capabilities.types'

/** Past these the carrier has the parcel in hand: 'untilPickup' carriers no longer void it. */
const MOVED: ReadonlySet<string> = new Set([
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'delayed',
  'exception',
  'return_in_transit',
  'returned_to_sender',
])
/** Past these the parcel's trip is over: not even an 'untilDelivery' carrier voids it; a return is the way. */
const ARRIVED: ReadonlySet<string> = new Set(['delivered', 'return_in_transit', 'returned_to_sender'])

/**
 * Whether a bought label may still be voided, as far as the desk knows (the carrier's last tracking status,
 * null when never polled or pushed): the carrier has a cancel operation and the parcel has not gone past its
 * window. The carrier may still refuse (carrier.notCancellable, carrier.returnRequested): it knows better.
 */
export function insideCancelWindow(cancel: CarrierCapabilities['cancel'], trackingStatus: string | null): boolean {
  if (cancel === null) return false
  if (trackingStatus === null) return true
  return !(cancel === 'untilPickup' ? MOVED : ARRIVED).has(trackingStatus)
}
