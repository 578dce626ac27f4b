import type { EmulatedOrder } from './aras.state'

/**
 * The ZPL GetBarcode returns, one string per piece (docs/reference/carriers.md §2 `ZebraZpl` string[]). Aras's
 * real layout is not public: this one carries what §13 says a label must, with the 13-digit
 * tracking number and the piece BarcodeNumber as Code 128, 4×4 in at 8 dpmm.
 */

/** ^ and ~ would start a ZPL command inside field data; ^FH is not worth it for an emulator. */
function fd(text: string): string {
  return text.replace(/[\^~]/g, ' ').replace(/\s+/g, ' ').trim()
}

export function pieceZpl(order: EmulatedOrder, pieceIndex: number): string {
  const f = order.fields
  const piece = order.pieces[pieceIndex]
  const count = Math.max(order.pieces.length, 1)
  const cod = (f.IsCod ?? '0') === '1' ? `TAHSILATLI: ${f.CodAmount ?? ''} TL ${(f.CodCollectionType ?? '0') === '1' ? 'KREDI KARTI' : 'NAKIT'}` : 'STANDART'
  return [
    '^XA^CI28^PW812^LL812',
    '^FO30,30^A0N,44,44^FDARAS KARGO^FS',
    `^FO30,90^A0N,28,28^FDALICI: ${fd(f.ReceiverName ?? '')}^FS`,
    `^FO30,125^A0N,24,24^FB750,3,0,L^FD${fd(f.ReceiverAddress ?? '')}^FS`,
    `^FO30,205^A0N,28,28^FD${fd(f.ReceiverTownName ?? '')} / ${fd(f.ReceiverCityName ?? '')}  TEL: ${fd(f.ReceiverPhone1 ?? '')}^FS`,
    `^FO30,250^A0N,28,28^FD${cod}^FS`,
    `^FO30,300^BY3^BCN,150,Y,N,N^FD${order.trackingNumber ?? ''}^FS`,
    `^FO30,520^BY2^BCN,100,Y,N,N^FD${fd(piece?.BarcodeNumber ?? order.integrationCode)}^FS`,
    `^FO30,680^A0N,28,28^FDMOK: ${fd(order.integrationCode)}^FS`,
    `^FO560,680^A0N,36,36^FDPARCA ${pieceIndex + 1}/${count}^FS`,
    '^XZ',
  ].join('\n')
}

export function orderZpl(order: EmulatedOrder): string[] {
  return Array.from({ length: Math.max(order.pieces.length, 1) }, (_, i) => pieceZpl(order, i))
}
