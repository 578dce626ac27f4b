import { fillTemplate } from '../../../../../shared/i18n/notice-text'
import { PRINTED } from '../../../../../shared/i18n/printed'
import { trUpper, normalizeTrPhone } from '../../../../../shared/domain/address'
import type { ShippingLabelInput } from '../../../../../shared/label'
import { formatTry } from '../../../../../shared/money'
import { code128Modules } from './code128-width'
import { qrMagnification, qrModulesPerSide } from './qr-size'
import { fieldData } from './zpl-escape'
import { fitHeight, fitLine, normalizeSpaces, textWidthDots, wrapFit, wrapText } from './zpl-text'

/**
 * The desk's own carrier label (docs/reference/carriers.md §13: sender, receiver name/address/phone, date,
 * piece x/N, barcode, COD amount, a carrier's QR when given), drawn for 100×150 or 100×100 mm stock at 203 or 300 dpi.
 * Text is UTF-8 under ^CI28 and every field goes through `fieldData` (^FH escaping).
 */
export type LabelDpi = 203 | 300
export type LabelSize = '100x150' | '100x100'
export const LABEL_DPIS: readonly LabelDpi[] = [203, 300]
export const LABEL_SIZES: readonly LabelSize[] = ['100x150', '100x100']

export type ShippingLabelOptions = Readonly<{
  dpi: LabelDpi
  size: LabelSize
  /** Printed as the label date (Europe/Istanbul); defaults to now. */
  date?: Date
}>

export type LabelGeometry = Readonly<{ dotsPerMm: number; widthMm: number; heightMm: number; widthDots: number; heightDots: number }>

/** 203 dpi heads are 8 dots/mm and 300 dpi heads 12 dots/mm (docs/reference/hardware.md §3.5 table). */
export function labelGeometry(dpi: LabelDpi, size: LabelSize): LabelGeometry {
  const dotsPerMm = dpi === 203 ? 8 : 12
  const heightMm = size === '100x150' ? 150 : 100
  return { dotsPerMm, widthMm: 100, heightMm, widthDots: 100 * dotsPerMm, heightDots: heightMm * dotsPerMm }
}

/** Sizes in millimetres; each stock has its own so the 100×100 label stays readable, not squeezed. */
type Spec = Readonly<{
  headerH: number
  carrierFont: number
  captionFont: number
  orderFont: number
  fromFont: number
  fromNameFont: number
  compactFrom: boolean
  toNameFont: number
  toNameLines: number
  toAddressFont: number
  toAddressMaxLines: number
  toCityFont: number
  toMetaFont: number
  codH: number
  codFont: number
  barH: number
  trackingFont: number
  footerFont: number
}>

/** The label's captions (shared/i18n/printed.ts). */
const W = PRINTED.label
const SPECS: Record<LabelSize, Spec> = {
  '100x150': {
    headerH: 14,
    carrierFont: 6.5,
    captionFont: 2.6,
    orderFont: 4.5,
    fromFont: 3,
    fromNameFont: 3.5,
    compactFrom: false,
    toNameFont: 7,
    toNameLines: 2,
    toAddressFont: 5,
    toAddressMaxLines: 4,
    toCityFont: 8,
    toMetaFont: 4.5,
    codH: 11,
    codFont: 6.5,
    barH: 24,
    trackingFont: 5,
    footerFont: 4.5,
  },
  '100x100': {
    headerH: 11,
    carrierFont: 5.5,
    captionFont: 2.3,
    orderFont: 3.8,
    fromFont: 2.6,
    fromNameFont: 2.6,
    compactFrom: true,
    toNameFont: 4.6,
    toNameLines: 1,
    toAddressFont: 3.3,
    toAddressMaxLines: 2,
    toCityFont: 4.8,
    toMetaFont: 3.2,
    codH: 7,
    codFont: 4.6,
    barH: 12,
    trackingFont: 3.6,
    footerFont: 3.4,
  },
}

const FRAME_MM = 1.5
const PAD_MM = 2.5

function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date)
}

function formatDecimal(value: number): string {
  return new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 2 }).format(value)
}

/** "0532 123 45 67" for Turkish numbers; anything else is printed as given. */
function formatPhone(raw: string): string {
  const digits = normalizeTrPhone(raw)
  if (!digits) return normalizeSpaces(raw)
  return `0${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}`
}

type TextOptions = { width?: number; align?: 'L' | 'C' | 'R'; reverse?: boolean }

/** Collects ZPL commands; positions and sizes in dots, `d()` converts millimetres. */
class Canvas {
  readonly parts: string[] = []
  constructor(readonly dotsPerMm: number) {}
  d(mm: number): number {
    return Math.round(mm * this.dotsPerMm)
  }
  text(x: number, y: number, h: number, value: string, opts: TextOptions = {}): void {
    // ^FB with one line only to align (C/R); our own fitting guarantees the text never needs a second.
    const block = opts.width !== undefined ? `^FB${opts.width},1,0,${opts.align ?? 'L'}` : ''
    this.parts.push(`^FO${x},${y}^A0N,${h},${h}${block}${opts.reverse ? '^FR' : ''}${fieldData(value)}`)
  }
  box(x: number, y: number, w: number, h: number, t: number): void {
    this.parts.push(`^FO${x},${y}^GB${w},${h},${t}^FS`)
  }
}

type Frame = Readonly<{ c: Canvas; spec: Spec; frame: number; innerW: number; left: number; right: number; textW: number; bottom: number; rule: number }>

function hline(f: Frame, y: number): void {
  f.c.box(f.frame, y, f.innerW, f.rule, f.rule)
}

/** Returns the y of the rule under the header. */
function drawHeader(f: Frame, input: ShippingLabelInput): number {
  const { c, spec, frame } = f
  const headerBottom = frame + c.d(spec.headerH)
  const carrierBarW = Math.round(f.innerW * 0.54)
  c.box(frame, frame, carrierBarW, headerBottom - frame, headerBottom - frame)
  const carrierMax = c.d(spec.carrierFont)
  const carrierName = trUpper(input.carrier)
  const carrierH = fitHeight(carrierName, carrierMax, Math.round(carrierMax * 0.6), carrierBarW - 2 * c.d(PAD_MM))
  const carrierY = frame + Math.round((headerBottom - frame - carrierH) / 2) + c.d(0.3)
  c.text(frame, carrierY, carrierH, fitLine(carrierName, carrierH, carrierBarW - 2 * c.d(PAD_MM)), { width: carrierBarW, align: 'C', reverse: true })

  const orderX = frame + carrierBarW + c.d(PAD_MM)
  const orderW = f.right - orderX
  c.text(orderX, frame + c.d(1.8), c.d(spec.captionFont), W.order, { width: orderW, align: 'R' })
  const orderMax = c.d(spec.orderFont)
  const orderH = fitHeight(input.orderNumber, orderMax, Math.min(orderMax, c.d(2.2)), orderW)
  c.text(orderX, headerBottom - orderH - c.d(1.8), orderH, fitLine(input.orderNumber, orderH, orderW), { width: orderW, align: 'R' })
  hline(f, headerBottom)
  return headerBottom
}

/** Sender block under the header; returns the y of the rule under it. */
function drawSender(f: Frame, input: ShippingLabelInput, top: number): number {
  const { c, spec, left, textW } = f
  const s = input.sender
  const captionH = c.d(spec.captionFont)
  const nameH = c.d(spec.fromNameFont)
  const fromH = c.d(spec.fromFont)
  const pitch = Math.round(fromH * 1.22)
  // District, city and phone are never cut; only the street address gives way.
  const place = `${s.district} / ${s.city}`
  const phone = `Tel: ${formatPhone(s.phone)}`
  let y = top + c.d(1.6)
  c.text(left, y, captionH, W.from)
  if (spec.compactFrom) {
    const captionW = textWidthDots(W.from, captionH) + c.d(2.5)
    c.text(left + captionW, y - Math.round((nameH - captionH) / 2), nameH, fitLine(s.name, nameH, textW - captionW))
    y += Math.round(Math.max(captionH, nameH) * 1.35)
    const suffix = `, ${place}   ${phone}`
    const address = fitLine(s.address, fromH, textW - textWidthDots(suffix, fromH))
    c.text(left, y, fromH, address + `, ${place}`)
    c.text(left, y, fromH, phone, { width: textW, align: 'R' })
    return y + pitch + c.d(0.4)
  }
  y += Math.round(captionH * 1.4)
  c.text(left, y, nameH, fitLine(s.name, nameH, textW))
  y += Math.round(nameH * 1.25)
  for (const l of wrapText(s.address, fromH, textW, 2)) {
    c.text(left, y, fromH, l)
    y += pitch
  }
  const phoneW = textWidthDots(phone, fromH)
  c.text(left, y, fromH, fitLine(place, fromH, textW - phoneW - c.d(4)))
  c.text(left, y, fromH, phone, { width: textW, align: 'R' })
  return y + pitch + c.d(0.4)
}

/** Footer cells (piece, desi, weight, date); returns the y of the rule above them. */
function drawFooter(f: Frame, input: ShippingLabelInput, date: Date): number {
  const { c, spec, frame } = f
  const captionH = c.d(spec.captionFont)
  const valueH = c.d(spec.footerFont)
  const footerH = captionH + valueH + c.d(3.6)
  const top = f.bottom - footerH
  hline(f, top)
  const cells: ReadonlyArray<readonly [string, string, number]> = [
    [W.piece, `${input.packageIndex}/${input.packageCount}`, 0.2],
    [W.desi, formatDecimal(input.desi), 0.2],
    [W.weight, `${formatDecimal(input.weightKg)} kg`, 0.26],
    [W.date, formatDate(date), 0.34],
  ]
  let x = frame
  for (const [i, [caption, value, share]] of cells.entries()) {
    const w = i === cells.length - 1 ? frame + f.innerW - x : Math.round(f.innerW * share)
    if (i > 0) c.box(x, top, f.rule, footerH, f.rule)
    c.text(x + c.d(1.5), top + c.d(1.3), captionH, caption)
    const h = fitHeight(value, valueH, Math.round(valueH * 0.6), w - c.d(3))
    c.text(x + c.d(1.5), top + c.d(1.3) + Math.round(captionH * 1.4) + valueH - h, h, fitLine(value, h, w - c.d(3)))
    x += w
  }
  return top
}

/** Tracking number row and the Code 128; returns the y of the rule above the barcode. */
function drawBarcode(f: Frame, input: ShippingLabelInput, footerTop: number, dpi: LabelDpi): number {
  const { c, spec, left, textW } = f
  const captionH = c.d(spec.captionFont)
  const caption = input.trackingCaption ?? W.tracking
  const captionW = textWidthDots(caption, captionH) + c.d(3)
  const trackingMax = c.d(spec.trackingFont)
  const trackingH = fitHeight(input.trackingNumber, trackingMax, Math.min(trackingMax, c.d(2.2)), textW - captionW)
  const trackingTop = footerTop - trackingMax - c.d(2)
  c.text(left, trackingTop + trackingMax - captionH, captionH, caption)
  c.text(left + captionW, trackingTop + trackingMax - trackingH, trackingH, fitLine(input.trackingNumber, trackingH, textW - captionW))

  // A carrier's QR sits right of the Code 128, as tall as the bar band; the Code 128 shares the rest.
  const barH = c.d(spec.barH)
  const qrBox = input.qr ? barH + c.d(3) : 0
  const qrMag = input.qr ? qrMagnification(input.qr.length, qrBox) : 0
  const qrW = input.qr ? qrModulesPerSide(input.qr.length) * qrMag : 0
  const codeW = f.innerW - (qrW > 0 ? qrW + c.d(PAD_MM) * 2 : 0)
  // Auto mode (^BC…,A) with the printer's human-readable line; the widest module (≤0.5 mm) that
  // keeps the 10-module quiet zone on both sides inside its share of the frame.
  const modules = code128Modules(input.barcode)
  let moduleDots = dpi === 203 ? 4 : 6
  while (moduleDots > 1 && (modules + 20) * moduleDots > codeW) moduleDots--
  const interpretationH = moduleDots * 9 + c.d(1.5)
  const barTop = trackingTop - c.d(1.8) - interpretationH - barH
  const barX = Math.max(f.frame, Math.round((f.frame * 2 + codeW - modules * moduleDots) / 2))
  c.parts.push(`^BY${moduleDots},3,${barH}^FO${barX},${barTop}^BCN,${barH},Y,N,N,A${fieldData(input.barcode)}`)
  if (input.qr && qrMag > 0) {
    // ^BQN,2,m: model 2; `QA,` = error level Q, automatic input (docs/reference/hardware.md §3.5). zebrash draws a
    // QR the current ^BY height below its ^FO (10 dots at the default, the known QR drop); reset the
    // height to that default and lift by it, so the Code 128's height cannot push the QR off the
    // label [unverified on hardware].
    c.parts.push(`^BY${moduleDots},3,10^FO${f.right - qrW},${Math.max(0, barTop - 10)}^BQN,2,${qrMag}${fieldData(`QA,${input.qr}`)}`)
  }
  const ruleY = barTop - c.d(2.2)
  hline(f, ruleY)
  return ruleY
}

/** Black "KAPIDA ÖDEME" band ending at `bottom`; returns its top. */
function drawCod(f: Frame, amountKurus: number, bottom: number): number {
  const { c, spec, frame } = f
  const h = c.d(spec.codH)
  const top = bottom - h
  c.box(frame, top, f.innerW, h, h)
  const fontH = c.d(spec.codFont)
  c.text(frame, top + Math.round((h - fontH) / 2) + c.d(0.3), fontH, fillTemplate(W.cod, { amount: formatTry(amountKurus) }), {
    width: f.innerW,
    align: 'C',
    reverse: true,
  })
  return top
}

/** "DISTRICT / CITY", shrunk to fit; if still too long only the district is cut, never the city. */
function placeLine(district: string, city: string, maxH: number, width: number): { text: string; h: number } {
  const cityPart = ` / ${trUpper(normalizeSpaces(city))}`
  const full = trUpper(normalizeSpaces(district)) + cityPart
  const h = fitHeight(full, maxH, Math.round(maxH * 0.7), width)
  if (textWidthDots(full, h) <= width) return { text: full, h }
  return { text: fitLine(trUpper(district), h, width - textWidthDots(cityPart, h)) + cityPart, h }
}

/** Recipient block between `top` and `bottom`: the biggest text on the label. */
function drawRecipient(f: Frame, input: ShippingLabelInput, top: number, bottom: number): void {
  const { c, spec, left, textW } = f
  const r = input.recipient
  const captionH = c.d(spec.captionFont + 0.4)
  const nameMax = c.d(spec.toNameFont)
  const addrMax = c.d(spec.toAddressFont)
  const cityMax = c.d(spec.toCityFont)
  const metaH = c.d(spec.toMetaFont)
  const name = wrapFit(trUpper(r.name), nameMax, Math.round(nameMax * 0.75), textW, spec.toNameLines)
  const namePitch = Math.round(name.heightDots * 1.12)
  const fixed = Math.round(captionH * 1.35) + name.lines.length * namePitch + Math.round(cityMax * 1.15) + metaH
  const room = bottom - top - c.d(3.2) - fixed
  const maxLines = Math.max(1, Math.min(spec.toAddressMaxLines, Math.floor(room / Math.round(addrMax * 1.2))))
  const address = wrapFit(r.address, addrMax, Math.round(addrMax * 0.8), textW, maxLines)
  const addrPitch = Math.round(address.heightDots * 1.2)
  // Spare height goes into three equal gaps so the block is spread, not bunched at the top.
  const gap = Math.max(c.d(0.6), Math.floor((room - address.lines.length * addrPitch) / 3))

  let y = top + c.d(1.6)
  c.text(left, y, captionH, W.to)
  y += Math.round(captionH * 1.35)
  for (const l of name.lines) {
    c.text(left, y + nameMax - name.heightDots, name.heightDots, l)
    y += namePitch
  }
  y += gap
  for (const l of address.lines) {
    c.text(left, y, address.heightDots, l)
    y += addrPitch
  }
  y += gap
  const place = placeLine(r.district, r.city, cityMax, textW)
  c.text(left, y + cityMax - place.h, place.h, place.text)
  y += Math.round(cityMax * 1.15)
  const postal = `Posta Kodu: ${r.postalCode}`
  const phone = `Tel: ${formatPhone(r.phone)}`
  c.text(left, y, metaH, fitLine(postal, metaH, textW - textWidthDots(phone, metaH) - c.d(4)))
  c.text(left, y, metaH, phone, { width: textW, align: 'R' })
}

/** Builds one complete ^XA…^XZ label format (UTF-8 text, ^CI28). */
export function buildShippingLabel(input: ShippingLabelInput, options: ShippingLabelOptions): string {
  const geo = labelGeometry(options.dpi, options.size)
  const c = new Canvas(geo.dotsPerMm)
  const frame = c.d(FRAME_MM)
  const f: Frame = {
    c,
    spec: SPECS[options.size],
    frame,
    innerW: geo.widthDots - 2 * frame,
    left: frame + c.d(PAD_MM),
    right: geo.widthDots - frame - c.d(PAD_MM),
    textW: geo.widthDots - 2 * frame - 2 * c.d(PAD_MM),
    bottom: geo.heightDots - frame,
    rule: Math.max(2, c.d(0.35)),
  }
  c.box(frame, frame, f.innerW, f.bottom - frame, f.rule)
  const headerBottom = drawHeader(f, input)
  const senderBottom = drawSender(f, input, headerBottom)
  hline(f, senderBottom)
  const footerTop = drawFooter(f, input, options.date ?? new Date())
  let recipientBottom = drawBarcode(f, input, footerTop, options.dpi)
  if (input.codAmountKurus !== null) recipientBottom = drawCod(f, input.codAmountKurus, recipientBottom)
  drawRecipient(f, input, senderBottom, recipientBottom)
  return ['^XA', '^CI28', `^PW${geo.widthDots}`, `^LL${geo.heightDots}`, '^LH0,0', ...c.parts, '^XZ', ''].join('\n')
}
