import type { PackageTotals } from './comtohome.pricing'
import type { ValidParty } from './comtohome.validation'
import { pdfFile } from '../common/minimal-pdf'

/**
 * The label ComToHome returns in data.base64label (seed 001): ZPL when X-Label-Format is
 * application/zpl, otherwise PDF ("Varsayılan çıktı formatı PDF'tir … desteklenmeyen bir format talep
 * edilirse, sistem otomatik olarak PDF formatında çıktı üretir").
 */
export const LabelContentType = { zpl: 'application/zpl', pdf: 'application/pdf' } as const
export type LabelContentType = (typeof LabelContentType)[keyof typeof LabelContentType]

export function labelContentTypeFor(header: string | undefined): LabelContentType {
  return header?.split(';')[0]?.trim().toLowerCase() === LabelContentType.zpl ? LabelContentType.zpl : LabelContentType.pdf
}

export type LabelData = Readonly<{
  consignment: number
  c2hBarcode: string
  barcode: string
  providerName: string
  referenceNo: string | null
  consignor: ValidParty
  consignee: ValidParty
  totals: PackageTotals
  codAmountLira: number | null
}>

function partyLines(p: ValidParty): string[] {
  return [
    p.name,
    p.address,
    `${p.place.city} / ${p.place.state}${p.place.postalCode ? ` ${p.place.postalCode}` : ''}`,
    p.phoneNumber ? `Tel: ${p.phoneNumber}` : '',
  ]
}

function summaryLines(d: LabelData): string[] {
  return [
    `Desi: ${d.totals.desi}  Kg: ${d.totals.weight}  Koli: ${d.totals.quantity}`,
    d.referenceNo ? `Ref: ${d.referenceNo}` : '',
    d.codAmountLira !== null ? `TAHSİLATLI: ${d.codAmountLira.toFixed(2)} TL` : '',
  ]
}

/** ZPL field data escaped with ^FH\ so ^ ~ \ in names cannot end the field or start a command. */
function fd(text: string): string {
  return `^FH\\^FD${text.replace(/[\\^~]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).toUpperCase()}`)}^FS`
}

/** A 4×6 in label at 8 dots/mm, UTF-8 (^CI28) so Turkish letters print, Code 128 of the provider barcode. */
export function buildZplLabel(d: LabelData): string {
  const out: string[] = ['^XA', '^CI28', '^PW812', '^LL1218', '^LH0,0']
  const text = (x: number, y: number, size: number, value: string) => {
    if (value) out.push(`^FO${x},${y}^A0N,${size},${size}${fd(value)}`)
  }
  text(40, 30, 44, d.providerName)
  text(40, 86, 28, `ComToHome ${d.c2hBarcode}  #${d.consignment}`)
  out.push('^FO40,130^GB732,3,3^FS')
  text(40, 150, 26, 'GÖNDEREN')
  partyLines(d.consignor).forEach((line, i) => text(40, 185 + i * 32, 26, line))
  out.push('^FO40,320^GB732,3,3^FS')
  text(40, 340, 26, 'ALICI')
  const [name = '', address = '', place = '', phone = ''] = partyLines(d.consignee)
  text(40, 375, 40, name)
  out.push(`^FO40,430^FB732,3,4,L^A0N,30,30${fd(address)}`)
  text(40, 540, 34, place)
  text(40, 585, 28, phone)
  out.push('^FO40,630^GB732,3,3^FS')
  summaryLines(d).forEach((line, i) => text(40, 650 + i * 36, 28, line))
  out.push(`^FO80,800^BY3^BCN,220,Y,N,N${fd(d.barcode)}`)
  out.push('^XZ')
  return out.join('\n')
}

/** Helvetica with WinAnsiEncoding has ç ö ü but not ğ ı İ ş: those become their ASCII base letter. */
function pdfText(s: string): string {
  const ascii = s.replace(/[ğĞıİşŞ]/g, (ch) => ({ ğ: 'g', Ğ: 'G', ı: 'i', İ: 'I', ş: 's', Ş: 'S' })[ch] ?? '?')
  return ascii.replace(/[^\x20-\xFF]/g, '?').replace(/[\\()]/g, (ch) => `\\${ch}`)
}

/**
 * A small but valid single-page PDF 1.4 (A6, 298×420 pt) written by hand: catalog, pages, page, two
 * standard fonts and one text content stream, with a byte-exact xref table.
 */
export function buildPdfLabel(d: LabelData): Buffer {
  const lines: Array<[size: number, bold: boolean, text: string]> = [
    [16, true, d.providerName],
    [9, false, `ComToHome ${d.c2hBarcode}  #${d.consignment}`],
    [8, true, 'GÖNDEREN'],
    ...partyLines(d.consignor).map((t): [number, boolean, string] => [8, false, t]),
    [8, true, 'ALICI'],
    ...partyLines(d.consignee).map((t, i): [number, boolean, string] => [i === 0 ? 12 : 9, i === 0, t]),
    ...summaryLines(d).map((t): [number, boolean, string] => [9, false, t]),
    [20, true, d.barcode],
  ]
  let y = 395
  const content = ['BT']
  for (const [size, bold, text] of lines) {
    if (!text) continue
    content.push(`/${bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 20 ${y} Tm (${pdfText(text)}) Tj`)
    y -= size + 8
  }
  content.push('ET')
  const stream = content.join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ]
  return pdfFile(objects, '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n')
}
