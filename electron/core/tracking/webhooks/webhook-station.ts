import type { WebhookStatusView } from '../../../../shared/contract/views'
import { toAppError } from '../../../../shared/errors'
import type { Db } from '../../db/database'
import type { TrackingPoller } from '../tracking-poller'
import { webhookReceiverOptions, type WebhooksConfig } from './webhook-config'
import { createWebhookSink } from './webhook-events'
import { startWebhookReceiver } from './webhook-receiver'
import type { WebhookLogEntry, WebhookReceiver } from './webhook.types'

const RECENT = 50

export type StationWebhooks = Readonly<{
  status(): WebhookStatusView
  dispose(): Promise<void>
}>

/**
 * The receiver as the station runs it: started when configured, events stored through the tracking
 * poller (same timeline, same status rules, same tracking.updated to the cloud). A port that cannot
 * be bound never stops the desk: packing goes on, polling still tracks, and the problem is shown.
 */
export async function startStationWebhooks(db: Db, poller: Pick<TrackingPoller, 'apply'>, config: WebhooksConfig): Promise<StationWebhooks> {
  const recent: WebhookLogEntry[] = []
  let receiver: WebhookReceiver | null = null
  let problem: string | null = null
  if (config.enabled) {
    try {
      receiver = await startWebhookReceiver(
        webhookReceiverOptions(config, {
          onEvents: createWebhookSink(db, poller),
          onLog: (entry) => {
            recent.unshift(entry)
            recent.length = Math.min(recent.length, RECENT)
          },
        }),
      )
    } catch (err) {
      problem = toAppError(err).message
    }
  }
  const routes = [config.kolaygelsin ? '/webhooks/kolaygelsin' : null, config.aras ? '/webhooks/aras' : null].filter((r): r is string => r !== null)
  return {
    status: () => ({
      enabled: config.enabled,
      url: receiver?.url ?? null,
      problem,
      routes,
      stats: receiver ? receiver.stats : null,
      recent: recent.map(({ at, carrierId, ip, status, outcome, message }) => ({ at, carrierId, ip, status, outcome, message })),
    }),
    dispose: async () => {
      await receiver?.close()
    },
  }
}
