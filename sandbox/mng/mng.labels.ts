import type { EmulatedOrder, EmulatedShipment } from './mng.state'

/**
 * The ZPL createbarcode returns per piece (docs/reference/carriers.md §13: `barcodes[].value` "^XA…^XZ", ~4×4 in at
 * 8 dpmm). MNG's real layout is not published; this one carries what a branch needs: the shipmentId
 * as the Code 128 barcode, recipient, piece n/N with desi/kg, and our reference as text.
 */
const field = (s: string) => s.replace(/[\^~\r\n]+/g, ' ').trim()

export function pieceLabel(order: EmulatedOrder, shipment: EmulatedShipment, pieceIndex: number): string {
  const piece = shipment.pieces[pieceIndex]
  const r = order.body.recipient
  const total = shipment.pieces.length
  return [
    '^XA^CI28^PW812^LL812',
    '^FO30,30^A0N,44,44^FDDHL eCommerce / MNG Kargo^FS',
    `^FO30,90^A0N,30,30^FDALICI: ${field(r.fullName || r.customerId)}^FS`,
    `^FO30,130^A0N,24,24^FB750,3,0,L^FD${field(r.address)}^FS`,
    `^FO30,210^A0N,30,30^FD${field(r.districtName)} / ${field(r.cityName)}^FS`,
    `^FO30,260^A0N,28,28^FDPARCA ${pieceIndex + 1}/${total}  DESI ${piece?.desi ?? 0}  KG ${piece?.kg ?? 0}^FS`,
    order.body.order.isCOD === 1 ? `^FO30,300^A0N,28,28^FDKAPIDA ODEME: ${order.body.order.codAmount.toFixed(2)} TL^FS` : '',
    `^FO60,360^BY3^BCN,200,Y,N,N^FD${shipment.shipmentId}^FS`,
    `^FO30,640^A0N,26,26^FDREF: ${field(order.referenceId)}^FS`,
    `^FO30,680^A0N,24,24^FD${field(piece?.barcode ?? '')}^FS`,
    `^FO30,720^A0N,24,24^FDFATURA: ${shipment.invoiceId}^FS`,
    '^XZ',
  ]
    .filter((l) => l !== '')
    .join('\n')
}
