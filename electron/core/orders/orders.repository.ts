import { randomUUID } from 'node:crypto'
import type { Address } from '../../../shared/domain/address'
import type { ItemSizeMm, Order, OrderLine, OrderStatus, OrderSummary } from '../../../shared/domain/order'
import type { DbOrTrx } from '../db/database'
import type { OrderLinesTable, OrdersTable } from '../db/schema'

type OrderRow = Pick<
  OrdersTable,
  'id' | 'order_number' | 'barcode' | 'marketplace' | 'status' | 'recipient_json' | 'cod_amount_kurus' | 'mandated_carrier_id'
> & { created_at: string; updated_at: string; parcel_count: number }
type LineRow = Omit<OrderLinesTable, 'packed_quantity' | 'unit_weight_grams'> & { packed_quantity: number; unit_weight_grams: number }

const orderColumns = [
  'id',
  'order_number',
  'barcode',
  'marketplace',
  'status',
  'recipient_json',
  'cod_amount_kurus',
  'mandated_carrier_id',
  'parcel_count',
  'created_at',
  'updated_at',
] as const

function toLine(row: LineRow): OrderLine {
  return {
    id: row.id,
    sku: row.sku,
    gtin: row.gtin,
    name: row.name,
    quantity: row.quantity,
    packedQuantity: row.packed_quantity,
    unitWeightGrams: row.unit_weight_grams,
    sizeMm:
      row.length_mm !== null && row.width_mm !== null && row.height_mm !== null
        ? { lengthMm: row.length_mm, widthMm: row.width_mm, heightMm: row.height_mm }
        : null,
  }
}

function toOrder(row: OrderRow, lines: readonly LineRow[]): Order {
  return {
    id: row.id,
    orderNumber: row.order_number,
    barcode: row.barcode,
    marketplace: row.marketplace,
    status: row.status,
    recipient: JSON.parse(row.recipient_json) as Address,
    codAmountKurus: row.cod_amount_kurus,
    mandatedCarrierId: row.mandated_carrier_id,
    parcelCount: row.parcel_count,
    lines: lines.map(toLine),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

async function withLines(db: DbOrTrx, row: OrderRow | undefined): Promise<Order | null> {
  if (!row) return null
  const lines = await db.selectFrom('order_lines').selectAll().where('order_id', '=', row.id).orderBy('line_no').execute()
  return toOrder(row, lines)
}

export async function getOrder(db: DbOrTrx, id: string): Promise<Order | null> {
  return withLines(db, await db.selectFrom('orders').select(orderColumns).where('id', '=', id).executeTakeFirst())
}

/** Looks an order up by the scanned code: its barcode first, then its order number (both unique, indexed). */
export async function findOrderByCode(db: DbOrTrx, code: string): Promise<Order | null> {
  const byBarcode = await db.selectFrom('orders').select(orderColumns).where('barcode', '=', code).executeTakeFirst()
  if (byBarcode) return withLines(db, byBarcode)
  return withLines(db, await db.selectFrom('orders').select(orderColumns).where('order_number', '=', code).executeTakeFirst())
}

export type NewOrder = Readonly<{
  id?: string
  orderNumber: string
  barcode: string
  marketplace?: string | null
  status?: OrderStatus
  recipient: Address
  codAmountKurus?: number | null
  mandatedCarrierId?: string | null
  marketplaceLabelZpl?: string | null
  /** Parcels the order ships in (default 1). */
  parcelCount?: number
  cloudVersion?: number
  lines: readonly { sku: string; gtin?: string | null; name: string; quantity: number; unitWeightGrams: number; sizeMm?: ItemSizeMm | null }[]
}>

/** Inserts an order with its lines (used by the cloud pull and the demo seed). Returns its id. */
export async function insertOrder(db: DbOrTrx, order: NewOrder): Promise<string> {
  const id = order.id ?? randomUUID()
  await db
    .insertInto('orders')
    .values({
      id,
      order_number: order.orderNumber,
      barcode: order.barcode,
      marketplace: order.marketplace ?? null,
      status: order.status ?? 'open',
      recipient_json: JSON.stringify(order.recipient),
      cod_amount_kurus: order.codAmountKurus ?? null,
      mandated_carrier_id: order.mandatedCarrierId ?? null,
      marketplace_label_zpl: order.marketplaceLabelZpl ?? null,
      parcel_count: order.parcelCount ?? 1,
      cloud_version: order.cloudVersion ?? 0,
      packed_by: null,
      packed_at: null,
    })
    .execute()
  if (order.lines.length > 0) {
    await db
      .insertInto('order_lines')
      .values(
        order.lines.map((l, i) => ({
          id: randomUUID(),
          order_id: id,
          line_no: i + 1,
          sku: l.sku,
          gtin: l.gtin ?? null,
          name: l.name,
          quantity: l.quantity,
          unit_weight_grams: l.unitWeightGrams,
          length_mm: l.sizeMm?.lengthMm ?? null,
          width_mm: l.sizeMm?.widthMm ?? null,
          height_mm: l.sizeMm?.heightMm ?? null,
        })),
      )
      .execute()
  }
  return id
}

export async function setOrderStatus(db: DbOrTrx, id: string, status: OrderStatus, packedBy?: string | null): Promise<void> {
  const ts = new Date().toISOString()
  await db
    .updateTable('orders')
    .set({
      status,
      updated_at: ts,
      ...(status === 'packed' ? { packed_at: ts, packed_by: packedBy ?? null } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Adds one to a line's packed quantity, refusing to go over the ordered quantity (returns false then). */
export async function incrementPackedQuantity(db: DbOrTrx, lineId: string): Promise<boolean> {
  const result = await db
    .updateTable('order_lines')
    .set((eb) => ({ packed_quantity: eb('packed_quantity', '+', 1) }))
    .where('id', '=', lineId)
    .whereRef('packed_quantity', '<', 'quantity')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function resetPackedQuantities(db: DbOrTrx, orderId: string): Promise<void> {
  await db.updateTable('order_lines').set({ packed_quantity: 0 }).where('order_id', '=', orderId).execute()
}

export async function listOrders(db: DbOrTrx, options: { status?: OrderStatus; limit: number }): Promise<OrderSummary[]> {
  let q = db
    .selectFrom('orders')
    .leftJoin('order_lines', 'order_lines.order_id', 'orders.id')
    .select((eb) => [
      'orders.id',
      'orders.order_number',
      'orders.barcode',
      'orders.status',
      'orders.recipient_json',
      eb.fn.coalesce(eb.fn.sum<number>('order_lines.quantity'), eb.lit(0)).as('item_count'),
    ])
    .groupBy('orders.id')
    .orderBy('orders.updated_at', 'desc')
    .limit(options.limit)
  if (options.status) q = q.where('orders.status', '=', options.status)
  const rows = await q.execute()
  return rows.map((r) => {
    const recipient = JSON.parse(r.recipient_json) as Address
    return {
      id: r.id,
      orderNumber: r.order_number,
      barcode: r.barcode,
      status: r.status,
      recipientName: recipient.name,
      city: recipient.city,
      itemCount: Number(r.item_count),
    }
  })
}

export async function getMarketplaceLabel(db: DbOrTrx, orderId: string): Promise<string | null> {
  const row = await db.selectFrom('orders').select('marketplace_label_zpl').where('id', '=', orderId).executeTakeFirst()
  return row?.marketplace_label_zpl ?? null
}
