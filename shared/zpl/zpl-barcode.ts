/**
 * Reads the data of the first 1D/2D barcode field in a ZPL label (^BC Code 128, ^B3 Code 39, ^BE EAN-13,
 * ^BQ QR, ^BX DataMatrix…): the code a marketplace-issued label carries, so the desk records it as the
 * shipment's barcode and can check scan-back against it. ^FH hex escapes (default "_") are decoded.
 * Returns null when the label has no barcode field.
 */
export function firstBarcodeInZpl(zpl: string): string | null {
  // A barcode command, then anything up to the field data of the same field.
  const re = /\^B[A-Z0-9][^^]*(?:\^(?!FD|FS|B[A-Z0-9])[^^]*)*?(\^FH([^^]?))?[^^]*?\^FD([\s\S]*?)\^FS/g
  for (const m of zpl.matchAll(re)) {
    const command = m[0].slice(0, 3)
    // ^BY sets the module width for the next barcode; it is not a barcode itself.
    if (command === '^BY') continue
    const hexIndicator = m[1] ? m[2] || '_' : null
    let data = m[3] ?? ''
    if (hexIndicator) data = decodeFh(data, hexIndicator)
    // ^BQ data starts with error-correction and input-mode characters ("QA,", "LA,", "MM,") before the payload.
    if (command === '^BQ') data = data.replace(/^[HQML][AM],?/, '')
    return data.trim() === '' ? null : data.trim()
  }
  return null
}

function decodeFh(data: string, indicator: string): string {
  const esc = indicator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return data.replace(new RegExp(`${esc}([0-9A-Fa-f]{2})`, 'g'), (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** One label's ZPL is framed by ^XA … ^XZ; a marketplace file may hold one per box. */
export function countZplLabels(zpl: string): number {
  return (zpl.match(/\^XA/g) ?? []).length
}
