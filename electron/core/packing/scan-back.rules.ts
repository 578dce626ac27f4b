import { AppError, ErrorCode, isAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { GS, gs1Record, parseGs1ElementString, parseGs1Hri } from '../../../shared/scan/gs1-parse'
import { normalizeScan, type NormalizeScanOptions } from '../../../shared/scan/normalize-scan'

/**
 * Scan-back (per-station option): after the label is printed the packer scans it, and the
 * order completes only if the scan is this shipment's barcode. Pure.
 *
 * A label can reach the desk in several spellings of the same barcode: with or without AIM prefix,
 * the GS1-128 SSCC as 20 digits `00…` or 18, the stored barcode in HRI form `(00)…`. Both sides are
 * reduced to a set of keys and the scan matches when they share one. Letters are compared without
 * case: a wedge with Caps Lock on swaps case, and two shipments never differ only in case.
 */
export function checkScanBack(expectedBarcode: string, scanned: string, options: NormalizeScanOptions = {}): AppError | null {
  const expected = expectedBarcode.trim()
  if (!expected) {
    return new AppError(ErrorCode.inputInvalid, msg('scanBack.noBarcode'))
  }
  let scanKeys: Set<string>
  let normalizedCode: string
  try {
    const n = normalizeScan(scanned, options)
    normalizedCode = n.code
    scanKeys = keysOf(n.code, n.gs1)
    // A wedge that drops FNC1 and sends no AIM still gives the SSCC when read as GS1.
    for (const key of gs1Keys(n.code)) scanKeys.add(key)
  } catch (err) {
    if (isAppError(err)) return err // scan.malformed: the packer scans again
    throw err
  }
  const expectedKeys = keysOf(expected, hriRecord(expected))
  for (const key of gs1Keys(expected)) expectedKeys.add(key)
  for (const key of scanKeys) if (expectedKeys.has(key)) return null
  return new AppError(ErrorCode.scanBackMismatch, msg('scanBack.mismatch', { code: normalizedCode, expected }), {
    meta: { expected, scanned: scanned.replaceAll(GS, '<GS>'), code: normalizedCode },
  })
}

function keysOf(code: string, gs1: Readonly<Record<string, string>> | null): Set<string> {
  const keys = new Set([code.toUpperCase()])
  if (gs1?.['00']) keys.add(gs1['00'])
  if (gs1?.['01']) keys.add(gs1['01'])
  return keys
}

function hriRecord(text: string): Readonly<Record<string, string>> | null {
  try {
    const elements = parseGs1Hri(text)
    return elements ? gs1Record(elements) : null
  } catch {
    // Brackets that are not valid GS1: the text is compared as it is.
    return null
  }
}

/** SSCC/GTIN of `text` read as a GS1 element string, when it is one; nothing otherwise. */
function gs1Keys(text: string): string[] {
  if (!/^0[01]\d/.test(text)) return []
  try {
    const r = gs1Record(parseGs1ElementString(text))
    return [r['00'], r['01']].filter((v): v is string => v !== undefined)
  } catch {
    // Not an element string (a tracking number that starts with 00/01): only the text itself counts.
    return []
  }
}
