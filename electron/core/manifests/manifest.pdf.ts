import { fillTemplate } from '../../../shared/i18n/notice-text'
import { PRINTED } from '../../../shared/i18n/printed'
import { formatTry } from '../../../shared/money'
import { A4, a4Pdf } from '../printing/a4-pdf'
import type { Manifest } from './manifest.repository'

const W = PRINTED.manifest
const MARGIN = 36
const ROW_H = 15
const COLUMNS: readonly { title: string; x: number; w: number; cell: (l: Manifest['lines'][number], i: number) => string }[] = [
  { title: '#', x: 0, w: 22, cell: (_l, i) => String(i + 1) },
  { title: W.tracking, x: 22, w: 128, cell: (l) => l.trackingNumber + (l.pendingRegistration ? ' *' : '') },
  { title: W.order, x: 150, w: 78, cell: (l) => l.orderNumber },
  { title: W.recipient, x: 228, w: 120, cell: (l) => l.recipientName },
  { title: W.place, x: 348, w: 92, cell: (l) => `${l.district} / ${l.city}` },
  { title: W.packages, x: 440, w: 24, cell: (l) => String(l.packages) },
  { title: W.desi, x: 464, w: 30, cell: (l) => l.desi.toFixed(1) },
  { title: W.cod, x: 494, w: 29, cell: (l) => (l.codAmountKurus === null ? '' : formatTry(l.codAmountKurus)) },
]

/** Cuts `text` to fit `width` points at `size` (Helvetica is about 0.5 em per character on average). */
function fit(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * 0.5)))
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * The end-of-day manifest as an A4 PDF (MuPDF, Helvetica with the Turkish letters embedded): header,
 * one row per shipment, totals and the two signature lines the courier and the desk sign.
 */
export async function manifestToPdf(m: Manifest): Promise<Uint8Array> {
  const perPage = Math.floor((A4.h - 2 * MARGIN - 150) / ROW_H)
  const pages = Math.max(1, Math.ceil(m.lines.length / perPage))
  return a4Pdf(pages, (page, p) => {
    const draw = (s: string, x: number, y: number, size = 8, isBold = false) => page.text(s, MARGIN + x, y, size, isBold)
    let y = MARGIN + 14
    draw(fillTemplate(W.title, { carrier: m.carrierName }), 0, y, 14, true)
    y += 18
    draw(fillTemplate(W.header, { day: m.day, sender: m.sender, page: p + 1, pages }), 0, y, 9)
    y += 22
    for (const c of COLUMNS) draw(c.title, c.x, y, 7, true)
    y += ROW_H
    m.lines.slice(p * perPage, (p + 1) * perPage).forEach((l, i) => {
      for (const c of COLUMNS) draw(fit(c.cell(l, p * perPage + i), c.w - 3, 8), c.x, y)
      y += ROW_H
    })
    if (p === pages - 1) {
      y += 10
      const t = m.totals
      draw(
        fillTemplate(W.totals, {
          shipments: t.shipments,
          packages: t.packages,
          desi: t.desi.toFixed(1),
          weightKg: t.weightKg.toFixed(2),
          cod: formatTry(t.codKurus),
        }),
        0,
        y,
        9,
        true,
      )
      if (m.lines.some((l) => l.pendingRegistration)) draw(W.pending, 0, (y += 14), 7)
      y += 50
      draw(W.handedOver, 0, y, 9)
      draw(W.receivedBy, 270, y, 9)
    }
  })
}
