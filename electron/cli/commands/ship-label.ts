import type { LabelFormat } from '../../../shared/domain/shipment'
import type { Order } from '../../../shared/domain/order'
import type { CreatedShipment, ShipmentRequest } from '../../core/carriers/carrier.port'
import { buildShippingLabel } from '../../core/devices/printer/zpl/shipping-label.zpl'
import { createLabelComposer } from '../../core/printing/label.composer'
import type { OrderInput } from '../order-input'

export type ShipLabel = Readonly<{ format: LabelFormat; bytes: Uint8Array; source: 'carrier' | 'desk' }>

/**
 * The label `station ship` hands back: the carrier's own (ZPL or PDF, untouched) when it gave one,
 * otherwise the desk's ZPL label carrying the carrier's barcode, built exactly as the desk prints it.
 */
export async function renderLabel(
  carrierName: string,
  order: Pick<OrderInput, 'orderNumber' | 'recipient' | 'codAmountKurus'>,
  request: ShipmentRequest,
  created: CreatedShipment,
  trackingCaption?: string,
): Promise<ShipLabel> {
  if (created.label && created.labelFormat) return { format: created.labelFormat, bytes: created.label, source: 'carrier' }
  const compose = createLabelComposer((input) => buildShippingLabel(input, { dpi: 203, size: '100x150' }), new Map([[request.serviceCode, carrierName]]))
  const asOrder = { orderNumber: order.orderNumber, recipient: order.recipient, codAmountKurus: order.codAmountKurus } as unknown as Order
  const { payload } = await compose({ order: asOrder, request, created, trackingCaption })
  return { format: 'zpl', bytes: payload, source: 'desk' }
}

/** The label as `--json` prints it: its format and its bytes in base64. */
export function labelJson(label: ShipLabel): Readonly<{ labelFormat: LabelFormat; label: string }> {
  return { labelFormat: label.format, label: Buffer.from(label.bytes).toString('base64') }
}
