import type { Box } from '../domain/box'
import type { Order } from '../domain/order'
import type { Packer } from '../domain/packer'
import type { SerializedAppError } from '../errors'
import type { QuoteOption } from '../rates'

/** Where the desk is in the packing workflow (issue 2's state machine). */
export const PackingStep = {
  idle: 'idle',
  orderOpen: 'orderOpen',
  itemsVerified: 'itemsVerified',
  measured: 'measured',
  shipmentCreated: 'shipmentCreated',
  printed: 'printed',
  packed: 'packed',
  exception: 'exception',
} as const
export type PackingStep = (typeof PackingStep)[keyof typeof PackingStep]

export type Notice = Readonly<{ tone: 'ok' | 'warn' | 'error'; text: string; code?: string }>

export type ShipmentView = Readonly<{
  id: string
  carrierName: string
  trackingNumber: string | null
  barcode: string | null
  costKurus: number | null
  status: string
}>

/** Everything the packing screen shows; pushed as `packing.changed` after each step. */
export type PackingView = Readonly<{
  step: PackingStep
  packer: Packer | null
  order: Order | null
  box: Box | null
  expectedGrams: number | null
  measuredGrams: number | null
  desi: number | null
  chargeableKg: number | null
  quote: readonly QuoteOption[] | null
  chosen: QuoteOption | null
  shipment: ShipmentView | null
  /** A stop-and-ask problem (wrong item, weight mismatch, carrier error) with its code. */
  problem: SerializedAppError | null
  notice: Notice | null
  /** Orders packed by this desk since start, for the counter on screen. */
  packedCount: number
}>

export type ScaleView = Readonly<{ grams: number; stable: boolean; at: number } | null>

export type DeviceStatusView = Readonly<{
  scale: { connected: boolean; model: string; error: string | null }
  printer: { uri: string; ready: boolean | null; problem: string | null; queued: number }
  carrier: { id: string; name: string; baseUrl: string }
}>

export type SyncStatusView = Readonly<{
  mode: 'online' | 'offline' | 'degraded' | 'paused'
  pendingEvents: number
  lastSyncAt: string | null
  /** Events the cloud refused or reported as conflicts: kept, visible, waiting for a person. */
  parkedEvents?: number
  lastError?: string | null
}>

export type StationSnapshot = Readonly<{
  stationName: string
  demo: boolean
  packing: PackingView
  scale: ScaleView
  devices: DeviceStatusView
  sync: SyncStatusView
  boxes: readonly Box[]
}>

export type ReportView = Readonly<{
  from: string
  to: string
  packedOrders: number
  packedPerHour: number
  shipments: number
  totalCostKurus: number
  byCarrier: readonly { carrierId: string; name: string; count: number; costKurus: number }[]
  desiMismatches: readonly { orderNumber: string; expectedGrams: number; measuredGrams: number; diffPct: number }[]
  exceptions: readonly { orderNumber: string; action: string; at: string; detail: string }[]
  byPacker: readonly { packerId: string; name: string; count: number }[]
}>
