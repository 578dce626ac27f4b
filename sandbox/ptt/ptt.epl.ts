import { trDateTime } from './ptt.lifecycle'
import type { EmulatedPttShipment } from './ptt.state'

/**
 * The label etiketGetir returns: EPL2 text (docs/reference/carriers.md §4 `epl_format`, §13), 4×6 in at 203 dpi
 * (812 × 1218 dots). PTT's own layout is not published; this one carries what a PTT label needs
 * (sender, receiver, il/ilçe, COD, the 13-digit barcode as Code 128) using the commands a thermal
 * EPL label is made of: N, q, Q, A (text, one reversed), B, LO, LE, X and P.
 */

/** EPL quoted data: " and \ are escaped with a backslash. */
function q(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function wrap(text: string, width: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const out: string[] = []
  let line = ''
  for (const w of words) {
    if (line !== '' && (line + ' ' + w).length > width) {
      out.push(line)
      line = w
    } else line = line === '' ? w : `${line} ${w}`
  }
  if (line !== '') out.push(line)
  return out.slice(0, lines)
}

export function buildPttEpl(s: EmulatedPttShipment, nowMs: number): string {
  const date = trDateTime(nowMs).date
  const out = ['', 'N', 'q812', 'Q1218,24']
  out.push(`A30,30,0,4,2,2,N,${q('PTT KARGO')}`, 'LE20,20,300,70', `A560,45,0,3,1,1,N,${q(date)}`, 'LO20,110,772,3')
  if (s.sender) {
    out.push(`A30,125,0,2,1,1,N,${q(`GÖNDEREN: ${s.sender.name}`)}`)
    out.push(`A30,150,0,2,1,1,N,${q(`${s.sender.district} / ${s.sender.city}`)}`)
  }
  out.push('LO20,185,772,3', `A30,200,0,3,1,1,N,${q(`ALICI: ${s.aliciAdi}`)}`)
  wrap(s.aAdres, 60, 3).forEach((line, i) => out.push(`A30,${235 + i * 25},0,2,1,1,N,${q(line)}`))
  out.push(`A30,320,0,4,1,1,N,${q(`${s.ilce} / ${s.il}`)}`)
  if (s.aliciTel) out.push(`A30,360,0,2,1,1,N,${q(`Tel: ${s.aliciTel}`)}`)
  if (s.codLira) out.push(`A30,395,0,4,1,1,R,${q(`ÖDEME ŞARTLI: ${s.codLira} TL`)}`)
  out.push('LO20,440,772,3', `B90,480,0,1,3,6,220,B,${q(s.barcode)}`)
  out.push(`A30,780,0,2,1,1,N,${q(`Ref: ${s.musteriReferansNo}  Desi: ${s.desi}  Ağırlık: ${s.agirlikGrams} g  Ödeme: ${s.odemesekli}`)}`)
  out.push('X10,10,4,802,1208', 'P1', '')
  return out.join('\r\n')
}
