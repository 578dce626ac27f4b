import type { EmulatedDelivery } from './hepsijet.state'

/**
 * HepsiJET labels: one ZPL per parcel (zplBarcodeDTOList / generateZplBarcode data[], docs/reference/carriers.md §6),
 * UTF-8 (^CI28, developers.hepsiburada.com/hepsiburada/reference/barcode), the customerDeliveryNo as Code 128 and the receiver city/town and
 * desi band as the HJ-DOCS barcode sample lists them. The layout is ours; 100×150 mm at 8 dots/mm.
 */

/**
 * "ORTA 5 - 10 DESI" is the one band HJ-DOCS shows; the other names and limits are the emulator's
 * guess at the series.
 */
export function desiSizeBand(desi: number): string {
  if (desi < 5) return 'KÜÇÜK 0 - 5 DESI'
  if (desi < 10) return 'ORTA 5 - 10 DESI'
  if (desi < 20) return 'BÜYÜK 10 - 20 DESI'
  return 'ÇOK BÜYÜK 20+ DESI'
}

const TR_OFFSET_MS = 3 * 3_600_000

/** "09.07.2023 12:16" (Turkey time), the HJ-DOCS barcodePrintDate format; date only with `withTime` false. */
export function trDisplayDate(ms: number, withTime = true): string {
  const iso = new Date(ms + TR_OFFSET_MS).toISOString()
  const date = `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
  return withTime ? `${date} ${iso.slice(11, 16)}` : date
}

/** ZPL field data with ^FH\ so ^ ~ \ in names cannot end the field or start a command. */
function fd(text: string): string {
  return `^FH\\^FD${text.replace(/[\\^~]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).toUpperCase()}`)}^FS`
}

/** The receiver XDock the emulator assigns: the ilçe in capitals (HepsiJET's own routing is not public). */
export function receiverXDockOf(d: EmulatedDelivery): string {
  return d.recipient.town.toLocaleUpperCase('tr-TR')
}

export function buildParcelZpl(d: EmulatedDelivery, parcelNo: number, totalParcels: number, printedAtMs: number): string {
  const desi = d.desiPerParcel[parcelNo - 1] ?? d.desiPerParcel.at(-1) ?? 1
  const out: string[] = ['^XA', '^CI28', '^PW812', '^LL1218', '^LH0,0']
  const text = (x: number, y: number, size: number, value: string) => {
    if (value) out.push(`^FO${x},${y}^A0N,${size},${size}${fd(value)}`)
  }
  text(40, 30, 56, 'hepsiJET')
  text(480, 40, 30, trDisplayDate(printedAtMs))
  text(40, 100, 28, `Gönderici: ${d.companyName}  (${d.senderXDock})`)
  out.push('^FO40,140^GB732,3,3^FS')
  text(40, 160, 26, 'ALICI')
  text(40, 195, 40, d.receiverName)
  // The mahalle goes first unless the address line already names it.
  const district =
    d.recipient.district && !d.recipient.addressLine1.toLocaleLowerCase('tr-TR').includes(d.recipient.district.toLocaleLowerCase('tr-TR'))
      ? d.recipient.district
      : null
  out.push(`^FO40,250^FB732,3,4,L^A0N,30,30${fd([district, d.recipient.addressLine1].filter(Boolean).join(', '))}`)
  text(40, 360, 48, `${d.recipient.town.toLocaleUpperCase('tr-TR')} / ${d.recipient.city.toLocaleUpperCase('tr-TR')}`)
  text(40, 420, 30, `Tel: ${d.receiverPhone}`)
  out.push('^FO40,470^GB732,3,3^FS')
  text(40, 490, 36, `XDock: ${receiverXDockOf(d)}`)
  text(40, 540, 36, desiSizeBand(desi))
  text(560, 490, 64, `${parcelNo}/${totalParcels}`)
  text(40, 590, 28, `Sipariş: ${d.customerOrderId}`)
  out.push(`^FO60,660^BY3^BCN,260,Y,N,N${fd(d.customerDeliveryNo)}`)
  out.push('^XZ')
  return out.join('\n')
}
