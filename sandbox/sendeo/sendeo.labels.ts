import type { EmulatedSendeoDelivery } from './sendeo.state'

/**
 * Sendeo labels per barcodeLabelType (docs/reference/carriers.md §7/§13: 1 Base64, 2 ZPL, 3 ZPL array; [SND] adds
 * 0 = ZPL). The layout is the emulator's own: 100×100 mm at 8 dots/mm, UTF-8 (^CI28), the parcel's
 * barcode number as Code 128 and our ReferenceNo printed beside it.
 */
const fd = (text: string) => `^FH\\^FD${text.replace(/[\\^~]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).toUpperCase()}`)}^FS`

export function parcelZpl(d: EmulatedSendeoDelivery, parcel: number): string {
  const total = d.barcodeNumbers.length
  const barcode = d.barcodeNumbers[parcel - 1] ?? d.trackingNumber
  const out = ['^XA', '^CI28', '^PW812', '^LL812']
  const text = (x: number, y: number, size: number, value: string) => out.push(`^FO${x},${y}^A0N,${size},${size}${fd(value)}`)
  text(30, 30, 50, 'sendeo')
  text(520, 40, 32, `${parcel}/${total}`)
  text(30, 100, 28, `Gönderen: ${d.sender.name}`)
  text(30, 150, 36, d.receiver.name)
  out.push(`^FO30,200^FB750,3,4,L^A0N,28,28${fd(d.receiver.address)}`)
  text(30, 310, 28, `Ref: ${d.referenceNo}  Takip: ${d.trackingNumber}`)
  if (d.collectionType !== 0) text(30, 350, 32, `TAHSİLATLI: ${d.collectionPrice.toFixed(2)} TL`)
  out.push(`^FO60,420^BY3^BCN,220,Y,N,N${fd(barcode)}`)
  out.push('^XZ')
  return out.join('\n')
}

/** A minimal one-page PDF, base64, standing in for the Base64 label (type 1). */
export function pdfBase64(d: EmulatedSendeoDelivery): string {
  return Buffer.from(`%PDF-1.4\n% sendeo emulator label ${d.trackingNumber} ${d.referenceNo}\n%%EOF\n`, 'latin1').toString('base64')
}

/** The label fields of a SETDELIVERY/GETBARCODE result for this barcodeLabelType. */
export function labelFields(d: EmulatedSendeoDelivery, barcodeLabelType: number): Record<string, unknown> {
  const zpls = d.barcodeNumbers.map((_, i) => parcelZpl(d, i + 1))
  switch (barcodeLabelType) {
    case 1:
      return { Barcode: pdfBase64(d), BarcodeZpl: null, BarcodeZpls: null }
    case 0:
    case 2:
      return { Barcode: null, BarcodeZpl: zpls.join('\n'), BarcodeZpls: null }
    case 3:
      return { Barcode: null, BarcodeZpl: null, BarcodeZpls: zpls }
    default:
      // 5/6 (EPL), 8/9/10 (with additionalValue) exist per Sendeo's Postman notes; not emulated.
      return { Barcode: null, BarcodeZpl: null, BarcodeZpls: null }
  }
}
