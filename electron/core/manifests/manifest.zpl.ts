import { fillTemplate } from '../../../shared/i18n/notice-text'
import { PRINTED } from '../../../shared/i18n/printed'
import { fieldData } from '../devices/printer/zpl/zpl-escape'
import { formatTry } from '../../../shared/money'
import type { Manifest } from './manifest.repository'

const ROWS_PER_LABEL = 18
const W = PRINTED.manifest

/** One shipment's second line: order, place, parcels, desi and the COD amount when there is one. */
function line(l: Manifest['lines'][number]): string {
  const base = fillTemplate(W.zplLine, { orderNumber: l.orderNumber, place: `${l.district}/${l.city}`, packages: l.packages, desi: l.desi.toFixed(1) })
  return l.codAmountKurus === null ? base : base + fillTemplate(W.zplCod, { amount: formatTry(l.codAmountKurus) })
}

/**
 * The manifest on the desk's Zebra (thermal, 100 mm wide labels): a header, up to 18 shipments per
 * label with each tracking number as a small Code 128 the courier can scan, and the totals with a
 * signature line on the last label. Text goes through fieldData (^FH-escaped, UTF-8 under ^CI28).
 */
export function manifestToZpl(m: Manifest, options: { dpi: 203 | 300 } = { dpi: 203 }): string {
  const k = options.dpi === 300 ? 300 / 203 : 1
  const d = (dots: number) => Math.round(dots * k)
  const chunks: Manifest['lines'][] = []
  for (let i = 0; i < Math.max(1, m.lines.length); i += ROWS_PER_LABEL) chunks.push(m.lines.slice(i, i + ROWS_PER_LABEL))
  return chunks
    .map((rows, page) => {
      const out = ['^XA', '^CI28', `^PW${d(800)}`, `^LL${d(1200)}`, '^LH0,0']
      out.push(`^FO${d(30)},${d(30)}^A0N,${d(40)},${d(40)}${fieldData(fillTemplate(W.zplTitle, { carrier: m.carrierName }))}`)
      out.push(`^FO${d(30)},${d(80)}^A0N,${d(24)},${d(24)}${fieldData(`${m.day} · ${m.sender} · ${page + 1}/${chunks.length}`)}`)
      out.push(`^FO${d(30)},${d(112)}^GB${d(740)},2,2^FS`)
      rows.forEach((l, i) => {
        const y = d(125 + i * 56)
        const no = page * ROWS_PER_LABEL + i + 1
        out.push(`^FO${d(30)},${y}^A0N,${d(22)},${d(22)}${fieldData(`${no}. ${l.trackingNumber}${l.pendingRegistration ? ' *' : ''}`)}`)
        out.push(`^FO${d(30)},${y + d(26)}^A0N,${d(20)},${d(20)}${fieldData(line(l))}`)
        out.push(`^FO${d(470)},${y}^BY1^BCN,${d(40)},N,N,N${fieldData(l.barcode || l.trackingNumber)}`)
      })
      if (page === chunks.length - 1) {
        const t = m.totals
        const y = d(125 + rows.length * 56 + 20)
        out.push(`^FO${d(30)},${y}^GB${d(740)},2,2^FS`)
        const totals = fillTemplate(W.zplTotals, { shipments: t.shipments, packages: t.packages, desi: t.desi.toFixed(1), cod: formatTry(t.codKurus) })
        out.push(`^FO${d(30)},${y + d(14)}^A0N,${d(26)},${d(26)}${fieldData(totals)}`)
        out.push(`^FO${d(30)},${y + d(80)}^A0N,${d(22)},${d(22)}${fieldData(W.zplCourier)}`)
      }
      out.push('^XZ')
      return out.join('\n')
    })
    .join('\n')
}
