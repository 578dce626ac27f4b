import type { Address } from './address'

export const OrderStatus = {
  open: 'open',
  packing: 'packing',
  packed: 'packed',
  cancelled: 'cancelled',
  exception: 'exception',
} as const
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus]

export type OrderLine = Readonly<{
  id: string
  sku: string
  gtin: string | null
  name: string
  quantity: number
  packedQuantity: number
  unitWeightGrams: number
  /** One unit's size when the cloud knows it (box suggestion); absent or null: unknown. */
  sizeMm?: ItemSizeMm | null
}>

export type ItemSizeMm = Readonly<{ lengthMm: number; widthMm: number; heightMm: number }>

export type Order = Readonly<{
  id: string
  orderNumber: string
  /** The code printed on the pick list / order barcode the packer scans. */
  barcode: string
  marketplace: string | null
  status: OrderStatus
  recipient: Address
  codAmountKurus: number | null
  /** A marketplace that mandates a carrier (e.g. its own agreement). */
  mandatedCarrierId: string | null
  /** Parcels the order ships in, as the cloud says (multi-package orders); absent: 1. The packer may add more (KJNEXTPKG). */
  parcelCount?: number
  lines: readonly OrderLine[]
  createdAt: string
  updatedAt: string
}>

export type OrderSummary = Readonly<{
  id: string
  orderNumber: string
  barcode: string
  status: OrderStatus
  recipientName: string
  city: string
  itemCount: number
}>

export function orderItemCount(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((n, l) => n + l.quantity, 0)
}

export function orderPackedCount(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((n, l) => n + l.packedQuantity, 0)
}

/** Expected net weight of the items, in grams. */
export function orderItemsWeightGrams(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((n, l) => n + l.quantity * l.unitWeightGrams, 0)
}
