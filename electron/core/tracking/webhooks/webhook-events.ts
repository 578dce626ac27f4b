import type { DbOrTrx } from '../../db/database'
import type { TrackingPoller } from '../tracking-poller'
import { findTrackableByKeys, getTimeline } from '../tracking.repository'
import type { WebhookEventsCallback } from './webhook.types'

/**
 * The receiver's `onEvents`: finds our shipment by the keys the carrier sent and hands the events
 * to the poller's `apply`, which stores them (deduplicated in tracking_events), moves the status
 * and announces a change. The stored timeline goes along with the new events, so a push that
 * arrives late with an older event cannot move the status backwards (delivered, then "out for
 * delivery" from a retried post). Calls run one at a time: two posts for one shipment read and
 * write its status in turn, never interleaved.
 */
export function createWebhookSink(db: DbOrTrx, poller: Pick<TrackingPoller, 'apply'>): WebhookEventsCallback {
  let queue: Promise<unknown> = Promise.resolve()
  return (carrierId, keys, events) => {
    const run = queue.then(async () => {
      const shipment = await findTrackableByKeys(db, carrierId, keys)
      if (!shipment) return 'unknown' as const
      const stored = await getTimeline(db, shipment.id)
      await poller.apply(shipment, [...stored, ...events])
      return 'stored' as const
    })
    queue = run.catch(() => undefined) // one failed post must not block the ones behind it; its caller gets the error
    return run
  }
}
