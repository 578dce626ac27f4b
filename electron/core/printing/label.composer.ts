import type { ShippingLabelInput } from '../../../shared/label'
import { shipmentMeasure } from '../../../shared/desi'
import { markPiece } from '../packing/parcel-label'
import type { LabelComposer } from '../shipping/shipment.purchaser'

/**
 * Chooses the label for a bought shipment: carrier ZPL passes through untouched; a carrier PDF is
 * rasterized to ZPL; no label at all gets the desk's own ZPL label carrying the carrier's barcode,
 * so every carrier prints on a Zebra.
 */
export function createLabelComposer(
  ownLabel: (input: ShippingLabelInput) => string,
  carrierNames: ReadonlyMap<string, string>,
  /** Rasterizes a carrier PDF to ZPL at the printer's dpi; absent (or 'ownLabel' policy) → the desk's own label. */
  rasterizePdf?: (pdf: Uint8Array, barcode: string) => Promise<string>,
): LabelComposer {
  return async ({ order, request, created, trackingCaption, piece }) => {
    // A parcel of a multi-parcel shipment: the carrier's own label gets the "KOLİ i/N" mark (the desk's label prints its own).
    const marked = (zpl: string) => new Uint8Array(Buffer.from(piece ? markPiece(zpl, piece) : zpl, 'utf8'))
    if (created.labelFormat === 'zpl' && created.label) {
      return { payload: piece ? marked(Buffer.from(created.label).toString('utf8')) : created.label, expectedBarcode: created.barcode }
    }
    if (created.labelFormat === 'pdf' && created.label && rasterizePdf) {
      // The carrier's own PDF label, printed as a ^GF graphic; its barcode rides along as a ^FX comment for the queue's check.
      return { payload: marked(await rasterizePdf(created.label, created.barcode)), expectedBarcode: created.barcode }
    }
    const m = shipmentMeasure(request.packages)
    const dash = (v: string | null | undefined) => (v && v.trim() ? v : '-')
    const zpl = ownLabel({
      orderNumber: order.orderNumber,
      carrier: carrierNames.get(request.serviceCode) ?? request.serviceCode,
      trackingNumber: created.trackingNumber,
      barcode: created.barcode,
      sender: {
        name: request.sender.name,
        address: request.sender.address,
        district: request.sender.district,
        city: request.sender.city,
        phone: dash(request.sender.phone),
      },
      recipient: {
        name: order.recipient.name,
        address: order.recipient.address,
        district: order.recipient.district,
        city: order.recipient.city,
        postalCode: dash(order.recipient.postalCode),
        phone: dash(order.recipient.phone),
      },
      packageIndex: piece?.index ?? 1,
      packageCount: piece?.count ?? Math.max(1, request.packages.length),
      desi: m.desi,
      weightKg: m.weightKg,
      codAmountKurus: order.codAmountKurus,
      ...(trackingCaption ? { trackingCaption } : {}),
    })
    return { payload: new Uint8Array(Buffer.from(piece ? markPiece(zpl, piece, { text: false }) : zpl, 'utf8')), expectedBarcode: created.barcode }
  }
}
