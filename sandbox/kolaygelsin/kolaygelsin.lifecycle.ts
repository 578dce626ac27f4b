import { KG_RETURN_EVENT_TYPES } from '../../protocols/kolaygelsin/kolaygelsin.codes'
import type { EmulatedKgShipment, KgEventRecord } from './kolaygelsin.state'

/**
 * The event chain the emulator walks (docs/reference/carriers.md §7 CargoEventType list): created 1 → pickup
 * courier en route 2 → picked up 12 → pickup TM 13 → delivery TM 14 → on the courier's vehicle 17
 * → courier left for the address 18 → delivered 29. Any other documented type is appended as it
 * is (failed attempts, delay, loss, damage, return events); after a return event, 29 is the return
 * delivered to the sender (§12 "return shipment delivered").
 */
export const KG_CHAIN: readonly number[] = [1, 2, 12, 13, 14, 17, 18, 29]
/** The return events: protocols/kolaygelsin/kolaygelsin.codes.ts, shared with the connector. */
export const KG_RETURN: ReadonlySet<number> = new Set(KG_RETURN_EVENT_TYPES)

const LOCATIONS: Readonly<Record<number, string>> = {
  1: 'KARGOJET DEPO',
  2: 'KARGOJET DEPO',
  12: 'KARGOJET DEPO',
  13: 'İSTANBUL TM',
  14: 'VARIŞ TM',
  17: 'VARIŞ TM',
  18: 'VARIŞ TM',
  29: 'ALICI ADRESİ',
}

export type EventSink = (s: EmulatedKgShipment, e: KgEventRecord) => void

export function addEvent(s: EmulatedKgShipment, type: number, nowMs: number, sink: EventSink, detail: Record<string, string> = {}): KgEventRecord {
  const e: KgEventRecord = { type, atMs: nowMs, location: LOCATIONS[type] ?? 'AKTARMA MERKEZİ', detail }
  s.events.push(e)
  sink(s, e)
  return e
}

export function lastEvent(s: EmulatedKgShipment): number {
  return s.events.at(-1)?.type ?? 1
}

export function isDelivered(s: EmulatedKgShipment): boolean {
  return s.events.some((e) => e.type === 29)
}

export function isPickedUp(s: EmulatedKgShipment): boolean {
  return s.events.some((e) => e.type !== 1 && e.type !== 2)
}

export function isReturning(s: EmulatedKgShipment): boolean {
  return s.events.some((e) => KG_RETURN.has(e.type))
}

/** One step along the chain, or on to `to`. A return on its way steps straight to 29 (returned). */
export function advance(s: EmulatedKgShipment, nowMs: number, sink: EventSink, to?: number): EmulatedKgShipment {
  if (s.cancelled) throw new Error(`shipment ${s.shipmentId} was cancelled before pickup`)
  if (isDelivered(s)) throw new Error(`shipment ${s.shipmentId} is already delivered`)
  const current = lastEvent(s)
  const index = KG_CHAIN.indexOf(current)
  if (to === undefined) {
    addEvent(s, isReturning(s) ? 29 : index >= 0 ? (KG_CHAIN[index + 1] as number) : 18, nowMs, sink)
    return s
  }
  const target = KG_CHAIN.indexOf(to)
  if (target < 0 || index < 0 || isReturning(s)) {
    addEvent(s, to, nowMs, sink)
    return s
  }
  if (index >= target) throw new Error(`shipment ${s.shipmentId} is at ${current}, past ${to}`)
  for (let i = index + 1; i <= target; i++) addEvent(s, KG_CHAIN[i] as number, nowMs, sink)
  return s
}
