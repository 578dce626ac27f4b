import { fillTemplate } from '../../../../shared/i18n/notice-text'
import { PRINTED } from '../../../../shared/i18n/printed'
import thermal from 'node-thermal-printer'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'
import { formatTry } from '../../../../shared/money'

/**
 * A packing slip for an ESC/POS receipt printer, built with node-thermal-printer 4.6.1 (EPSON
 * command set; docs/reference/hardware.md §4): order number, items with quantities, recipient, carrier and the
 * tracking number as a CODE128 barcode, COD amount, then a full cut.
 *
 * Turkish text: node-thermal-printer sends `ESC t n` for the chosen code page and encodes each
 * non-ASCII character with iconv-lite — PC857 (`ESC t 13`, CP857) by default, WPC1254 (`ESC t 48`)
 * as an option. A character missing from that page makes the library silently switch to whatever
 * other page has it (and stay there), so text is first reduced to what the page holds: Turkish
 * letters pass, ₺ becomes "TL", other accents lose their marks, anything else becomes "?".
 * Whether a given printer has the page at all depends on the model (§4): test on the real one.
 */
export type PackingSlipItem = Readonly<{ name: string; sku?: string | null; quantity: number }>

export type PackingSlipInput = Readonly<{
  orderNumber: string
  date: Date
  items: readonly PackingSlipItem[]
  recipient: Readonly<{ name: string; address: string; district: string; city: string; phone?: string | null }>
  carrier: string
  trackingNumber: string
  /** Printed as CODE128 (subset B: printable ASCII). */
  barcode: string
  /** Cash on delivery in integer kuruş; null when prepaid. */
  codAmountKurus: number | null
  /** Shop or warehouse name at the top. */
  header?: string
}>

export type EscPosCodePage = 'PC857_TURKISH' | 'WPC1254_TURKISH'

export type PackingSlipOptions = Readonly<{
  codePage?: EscPosCodePage
  /** Characters per line: 48 for 80 mm paper with font A, 32 for 58 mm. */
  widthChars?: number
}>

/** Letters both Turkish code pages hold; everything else non-ASCII is transliterated. */
/** The slip's words (shared/i18n/printed.ts). */
const W = PRINTED.slip
const TURKISH = new Set([...'ÇçĞğİıÖöŞşÜüÂâÎîÛûÉé'])

/** Reduces text to what the code page can print (see the file comment). */
export function toCodePageText(text: string): string {
  let out = ''
  for (const ch of text.replace(/₺/g, 'TL').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-')) {
    if (/^[\x20-\x7E\n]$/.test(ch) || TURKISH.has(ch)) out += ch
    else if (/\s/.test(ch)) out += ' '
    else {
      const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      out += /^[\x20-\x7E]+$/.test(plain) ? plain : '?'
    }
  }
  return out
}

function invalid(message: string, field: string): AppError {
  return new AppError(ErrorCode.inputInvalid, msg('receipt.slipInvalid', { detail: message }), { meta: { field } })
}

function validate(input: PackingSlipInput): void {
  if (!input.orderNumber.trim()) throw invalid('order number is empty', 'orderNumber')
  if (input.items.length === 0) throw invalid('no items', 'items')
  for (const [i, item] of input.items.entries()) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw invalid(`item ${i + 1} quantity must be a positive integer`, `items.${i}.quantity`)
  }
  // GS k 73 carries the length in one byte, and {B puts the data in subset B: printable ASCII only.
  if (!/^[\x20-\x7E]{1,200}$/.test(input.barcode)) throw invalid('barcode must be 1–200 printable ASCII characters', 'barcode')
}

function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('tr-TR', {
    timeZone: 'Europe/Istanbul',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
}

/** A node-thermal-printer that only builds bytes: the interface is a stub that refuses to send. */
function builder(codePage: EscPosCodePage, width: number): InstanceType<typeof thermal.ThermalPrinter> {
  const stub = {
    execute: async () => {
      throw new Error('packing slip builder does not send; use EscPosPrinter')
    },
    isPrinterConnected: async () => false,
  }
  return new thermal.ThermalPrinter({
    type: thermal.PrinterTypes.EPSON,
    // A custom interface object is accepted as is (lib/interfaces/index.js); typed as a string in the d.ts.
    interface: stub as unknown as string,
    width,
    characterSet: thermal.CharacterSet[codePage],
    removeSpecialCharacters: false,
    breakLine: thermal.BreakLine.WORD,
  })
}

/** The whole slip as ESC/POS bytes: ESC @, ESC t n, text, GS k 73 (CODE128), GS V (cut). */
export function buildPackingSlip(input: PackingSlipInput, options: PackingSlipOptions = {}): Buffer {
  validate(input)
  const width = options.widthChars ?? 48
  const p = builder(options.codePage ?? 'PC857_TURKISH', width)
  const t = toCodePageText
  p.clear()
  // ESC @ first: whatever a previous job left (bold, double size) must not leak into this one.
  p.setBuffer(Buffer.concat([Buffer.from([0x1b, 0x40]), p.getBuffer()]))
  if (input.header) {
    p.alignCenter()
    p.println(t(input.header))
  }
  p.alignCenter()
  p.setTextDoubleHeight()
  p.bold(true)
  p.println(W.title)
  p.bold(false)
  p.setTextNormal()
  p.alignLeft()
  p.leftRight(t(fillTemplate(W.order, { orderNumber: input.orderNumber })), formatDate(input.date))
  p.drawLine()
  p.leftRight(W.item, W.quantity)
  p.drawLine()
  let total = 0
  for (const item of input.items) {
    total += item.quantity
    const qty = `${item.quantity}`
    // Name wraps by word at the line width less the quantity column.
    p.tableCustom([
      { text: t(item.sku ? `${item.name} (${item.sku})` : item.name), align: 'LEFT', cols: width - 6 },
      { text: qty, align: 'RIGHT', cols: 6 },
    ])
  }
  p.drawLine()
  p.bold(true)
  p.leftRight(W.total, fillTemplate(W.totalQuantity, { count: total }))
  p.bold(false)
  p.newLine()
  p.println(W.recipient)
  p.println(t(input.recipient.name))
  p.println(t(input.recipient.address))
  p.println(t(`${input.recipient.district} / ${input.recipient.city}`))
  if (input.recipient.phone) p.println(t(fillTemplate(W.phone, { phone: input.recipient.phone })))
  p.newLine()
  p.println(t(fillTemplate(W.carrier, { carrier: input.carrier })))
  p.println(t(fillTemplate(W.tracking, { trackingNumber: input.trackingNumber })))
  if (input.codAmountKurus !== null) {
    p.bold(true)
    p.println(t(fillTemplate(W.cod, { amount: formatTry(input.codAmountKurus) })))
    p.bold(false)
  }
  p.alignCenter()
  // GS k 73 (CODE128, subset B) with the human-readable line below (hriPos 2).
  p.printBarcode(input.barcode, 73, { hriPos: 2, hriFont: 0, width: 2, height: 80 })
  p.newLine()
  p.alignLeft()
  p.cut()
  return p.getBuffer()
}
