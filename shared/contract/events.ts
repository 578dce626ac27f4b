import type { DeviceStatusView, PackingView, ScaleView, SyncStatusView } from './views'

/** Core → UI pushes. */
export type EventPayloads = {
  'packing.changed': PackingView
  'scale.reading': ScaleView
  'devices.statusChanged': DeviceStatusView
  'sync.statusChanged': SyncStatusView
}
export type EventName = keyof EventPayloads
export const EVENT_NAMES: readonly EventName[] = ['packing.changed', 'scale.reading', 'devices.statusChanged', 'sync.statusChanged']

/** One message on the WebSocket: a reply to a request id, or a pushed event. */
export type WireMessage = { type: 'reply'; id: number; result: import('../errors').Result<unknown> } | { type: 'event'; name: EventName; payload: unknown }
