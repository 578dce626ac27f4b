import { AppError, ErrorCode } from '../errors'
import { isValidGtin } from '../gs1'
import { splitSymbologyId, type Symbology } from './aim-symbology'
import { GS, gs1Record, parseGs1ElementString, type Gs1Element } from './gs1-parse'
import { repairScan, type LayoutProfile } from './keyboard-layout'

/**
 * One entry for every scan, whatever its source: repair the keyboard layout (wedge only), strip
 * and report the AIM symbology identifier, parse GS1 element strings, validate GTIN/SSCC check
 * digits and pick the code the desk matches. Pure. Facts: docs/reference/hardware.md §5.
 */

export type NormalizeScanOptions = Readonly<{
  /** Keyboard-wedge scans only: the OS layout found by the self-test (serial and HID-POS send bytes, not keys). */
  layout?: LayoutProfile | null
  /** What the scanner sends for FNC1 (default ASCII GS 0x1D). */
  fnc1?: string
  /**
   * Data without an AIM identifier that may still be GS1:
   * - `never`: only `]C1`, `]d2`, `]Q3`, `]e0`, `]J1` scans are parsed as GS1;
   * - `ifSeparated` (default): also data that contains an FNC1 (GS or the substitute);
   * - `try`: also data that parses completely and starts with SSCC, GTIN or CONTENT (00/01/02, check
   *   digit included); catches GS1-128 read by a scanner that drops FNC1 and sends no AIM (zbar does).
   */
  gs1WithoutAim?: 'never' | 'ifSeparated' | 'try'
}>

export type NormalizedScan = Readonly<{
  /** What the desk matches: the GTIN (13-digit form when it has a leading 0) of a GS1 item label, the SSCC of a logistic label, else the data. */
  code: string
  symbology: Symbology | null
  /** AI → value of a GS1 element string, or null. */
  gs1: Readonly<Record<string, string>> | null
  /** The GTIN as 14 digits (zero-padded), check digit valid, or null. Compare GTINs in this form. */
  gtin: string | null
  /** The text as received (before repair), for logs and the audit trail. */
  raw: string
}>

/** A GTIN-8/12/13/14 as 14 digits; null unless it is one with a correct check digit. */
export function gtin14(code: string): string | null {
  return isValidGtin(code) ? code.padStart(14, '0') : null
}

function malformed(message: string, raw: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.scanMalformed, message, { meta: { raw: raw.replaceAll(GS, '<GS>'), ...extra } })
}

/** The desk's form of a GTIN-14: without the leading 0 an EAN-13 does not print (orders store EAN-13). */
function deskGtin(g14: string): string {
  return g14.startsWith('0') ? g14.slice(1) : g14
}

function fromGs1(elements: readonly Gs1Element[], symbology: Symbology | null, data: string, raw: string): NormalizedScan {
  const gs1 = gs1Record(elements)
  const gtin = gs1['01'] ?? null // check digit validated by the parser
  const code = gtin ? deskGtin(gtin) : (gs1['00'] ?? data)
  return { code, symbology, gs1, gtin, raw }
}

function tryGs1(data: string, fnc1: string): Gs1Element[] | null {
  if (!/^0[012]/.test(data)) return null
  try {
    return parseGs1ElementString(data, { fnc1 })
  } catch {
    // Not GS1 after all (an order number that starts with 01…): it stays a plain code.
    return null
  }
}

/**
 * Normalizes one scan. Throws `scan.malformed` for an empty scan, a GS1 symbol whose element string
 * is invalid, or an EAN/UPC/ITF-14 symbol with a wrong check digit (the scanner said it was one).
 * A bare number with a wrong check digit is not refused here: it may be an order number;
 * `matchItem` refuses it where a GTIN is expected.
 */
export function normalizeScan(raw: string, options: NormalizeScanOptions = {}): NormalizedScan {
  const fnc1 = options.fnc1 || GS
  // Terminators a serial scanner or the wedge left at either end (GS is not whitespace, it stays).
  const text = (options.layout ? repairScan(raw, options.layout) : raw).trim()
  const { symbology, data } = splitSymbologyId(text)
  if (data.length === 0) throw malformed('Boş okuma / Empty scan', raw)

  if (symbology?.gs1 === 'elementString') return fromGs1(parseGs1ElementString(data, { fnc1 }), symbology, data, raw)

  if (symbology?.gs1 === 'gtin') {
    // ]E3 carries a 2- or 5-digit add-on after the 13 digits; the item is the GTIN before it.
    const main = symbology.aim === ']E3' && (data.length === 15 || data.length === 18) ? data.slice(0, 13) : data
    const gtin = gtin14(main)
    if (!gtin) {
      throw malformed(`Barkod hatalı okundu (kontrol hanesi tutmuyor): ${main} / Malformed barcode (check digit): ${main}`, raw, { code: main })
    }
    return { code: main, symbology, gs1: null, gtin, raw }
  }

  const mode = options.gs1WithoutAim ?? 'ifSeparated'
  if (!symbology && mode !== 'never') {
    if (data.includes(fnc1)) return fromGs1(parseGs1ElementString(data, { fnc1 }), null, data, raw)
    const elements = mode === 'try' ? tryGs1(data, fnc1) : null
    if (elements) return fromGs1(elements, null, data, raw)
  }
  return { code: data, symbology, gs1: null, gtin: gtin14(data), raw }
}
