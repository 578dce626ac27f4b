import type { ShippingLabelInput } from '../../../shared/label'
import { shipmentMeasure } from '../../../shared/desi'
import type { LabelComposer } from '../shipping/shipment.purchaser'

/**
 * Chooses the label for a bought shipment: carrier ZPL passes through untouched; a PDF (or no
 * label) gets the desk's own ZPL label carrying the carrier's barcode, so every carrier prints on a Zebra.
 */
export function createLabelComposer(ownLabel: (input: ShippingLabelInput) => string, carrierNames: ReadonlyMap<string, string>): LabelComposer {
  return ({ order, request, created }) => {
    if (created.labelFormat === 'zpl' && created.label) {
      return { payload: created.label, expectedBarcode: created.barcode }
    }
    const m = shipmentMeasure(request.packages)
    const dash = (v: string | null | undefined) => (v && v.trim() ? v : '-')
    const zpl = ownLabel({
      orderNumber: order.orderNumber,
      carrier: carrierNames.get(request.serviceCode) ?? request.serviceCode,
      trackingNumber: created.trackingNumber,
      barcode: created.barcode,
      sender: { name: request.sender.name, address: request.sender.address, district: request.sender.district, city: request.sender.city, phone: dash(request.sender.phone) },
      recipient: {
        name: order.recipient.name,
        address: order.recipient.address,
        district: order.recipient.district,
        city: order.recipient.city,
        postalCode: dash(order.recipient.postalCode),
        phone: dash(order.recipient.phone),
      },
      packageIndex: 1,
      packageCount: Math.max(1, request.packages.length),
      desi: m.desi,
      weightKg: m.weightKg,
      codAmountKurus: order.codAmountKurus,
    })
    return { payload: new Uint8Array(Buffer.from(zpl, 'utf8')), expectedBarcode: created.barcode }
  }
}
