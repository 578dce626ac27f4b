import type { Order } from '../../../shared/domain/order'
import type { Packer } from '../../../shared/domain/packer'
import type { DbOrTrx } from '../db/database'
import { findBox } from '../boxes/boxes.repository'
import { findOrderByCode } from '../orders/orders.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { RETURN_COMMAND_CODES } from '../returns/return-prompt'
import { isShipmentKey } from '../shipping/shipments.repository'
import { CommandCode } from './packing.rules'
import { EXCEPTIONS_COMMAND_CODE } from '../../../shared/contract/exceptions'

/** What a scanned code is, by the desk's own records: the packer is told what the desk saw, not only that it did not fit the step. */
export type ScanKind =
  | Readonly<{ kind: 'command' }>
  | Readonly<{ kind: 'badge'; packer: Packer }>
  | Readonly<{ kind: 'order'; order: Order }>
  /** An item: of the open order, or of another order (its number), by GTIN or SKU. */
  | Readonly<{ kind: 'item'; ofOpenOrder: boolean; orderNumber: string }>
  | Readonly<{ kind: 'box'; code: string }>
  /** A tracking number, label barcode or carrier id of a shipment this desk bought. */
  | Readonly<{ kind: 'tracking'; shipmentId: string }>
  | Readonly<{ kind: 'unknown' }>

/** Every desk command barcode (the printable command sheet lists these). */
export const COMMAND_CODES: ReadonlySet<string> = new Set([...Object.values(CommandCode), ...RETURN_COMMAND_CODES, EXCEPTIONS_COMMAND_CODE])

const lineMatches = (code: string) => (line: Readonly<{ gtin: string | null; sku: string }>) =>
  line.gtin === code || line.sku.toLocaleUpperCase('tr-TR') === code.toLocaleUpperCase('tr-TR')

/**
 * Tells a scan apart, cheapest and likeliest first: a command code, an item of the open order (from memory),
 * a badge, an order, a box, a shipment's tracking number or barcode, an item of some other order; else unknown.
 */
export async function classifyScan(db: DbOrTrx, rawCode: string, openOrder: Order | null): Promise<ScanKind> {
  const code = rawCode.trim()
  if (COMMAND_CODES.has(code.toUpperCase())) return { kind: 'command' }
  if (openOrder?.lines.some(lineMatches(code))) return { kind: 'item', ofOpenOrder: true, orderNumber: openOrder.orderNumber }
  const packer = await findPackerByBadge(db, code)
  if (packer) return { kind: 'badge', packer }
  const order = await findOrderByCode(db, code)
  if (order) return { kind: 'order', order }
  const box = await findBox(db, code)
  if (box) return { kind: 'box', code: box.code }
  const shipment = await db.selectFrom('shipments').select('id').where(isShipmentKey(code)).orderBy('created_at', 'desc').executeTakeFirst()
  if (shipment) return { kind: 'tracking', shipmentId: shipment.id }
  const line = await db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select('orders.order_number')
    .where((eb) => eb.or([eb('order_lines.gtin', '=', code), eb('order_lines.sku', '=', code)]))
    .executeTakeFirst()
  if (line) return { kind: 'item', ofOpenOrder: false, orderNumber: line.order_number }
  return { kind: 'unknown' }
}

/** How many characters of a code the desk repeats back: enough to recognise it, not a page of garbage. */
const SHOWN_CHARS = 24

/** A scanned code as the desk quotes it back: control characters dropped, long codes shortened. */
export function shownCode(code: string): string {
  const clean = code.replace(/[\u0000-\u001f\u007f-\u009f«»]/g, '').trim()
  return clean.length > SHOWN_CHARS ? `${clean.slice(0, SHOWN_CHARS - 1)}…` : clean
}
