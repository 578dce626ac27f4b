/**
 * AIM symbology identifiers (ISO/IEC 15424): a scanner configured for them sends `]` + a code
 * character + a modifier before the data, e.g. `]C1` GS1-128, `]E0` EAN-13. The GS1 meanings come
 * from the GS1 General Specifications figure 5.1.2-2 (as listed in jodal/biip:src/biip/gs1/_symbology.py). Pure.
 */

export type SymbologyGs1Content =
  /** The data is a GS1 element string: AIs, FNC1 in first position implied by the identifier. */
  | 'elementString'
  /** The data is a bare GTIN (EAN/UPC, ITF-14), possibly followed by an add-on. */
  | 'gtin'

export type Symbology = Readonly<{
  /** The identifier as received, e.g. `]C1`. */
  aim: string
  /** A stable name for logs and UI, e.g. `gs1-128`, `code128`, `ean13`. */
  name: string
  gs1: SymbologyGs1Content | null
}>

/** ISO/IEC 15424 table 1: the code character names the symbology family. */
const FAMILY: Readonly<Record<string, string>> = {
  A: 'code39',
  B: 'telepen',
  C: 'code128',
  D: 'code-one',
  E: 'ean-upc',
  F: 'codabar',
  G: 'code93',
  H: 'code11',
  I: 'itf',
  J: 'dotcode',
  K: 'code16k',
  L: 'pdf417',
  M: 'msi',
  N: 'anker',
  O: 'codablock',
  P: 'plessey',
  Q: 'qr',
  R: 'straight-2of5',
  S: 'straight-2of5',
  T: 'code49',
  U: 'maxicode',
  X: 'other',
  Z: 'non-barcode',
  c: 'channel-code',
  d: 'datamatrix',
  e: 'gs1-databar',
  o: 'ocr',
  p: 'posicode',
  s: 'supercode',
  z: 'aztec',
}

/** Code character + modifier pairs with a GS1 meaning (GS1 General Specifications figure 5.1.2-2). */
const GS1_IDS: Readonly<Record<string, readonly [string, SymbologyGs1Content]>> = {
  C1: ['gs1-128', 'elementString'],
  e0: ['gs1-databar', 'elementString'],
  // Composite: the 2D part follows a separator or an escape character; parsed as one element string.
  e1: ['gs1-composite', 'elementString'],
  e2: ['gs1-composite', 'elementString'],
  d2: ['gs1-datamatrix', 'elementString'],
  Q3: ['gs1-qr', 'elementString'],
  J1: ['gs1-dotcode', 'elementString'],
  E0: ['ean13', 'gtin'], // also UPC-A and UPC-E, sent as 13 digits
  E3: ['ean13-addon', 'gtin'],
  E4: ['ean8', 'gtin'],
  I1: ['itf14', 'gtin'],
}

/** Non-GS1 names that matter at a packing desk. */
const PLAIN_IDS: Readonly<Record<string, string>> = {
  C0: 'code128',
  C2: 'code128-fnc1-second', // AIM-128: FNC1 in the second position, not GS1
  C4: 'isbt128',
  E1: 'ean-addon2',
  E2: 'ean-addon5',
  Q1: 'qr',
  d1: 'datamatrix',
}

/**
 * Splits a leading AIM symbology identifier off `raw`. A `]` followed by an unknown code character
 * is left alone: without an identifier, a code starting with `]` is data.
 */
export function splitSymbologyId(raw: string): { symbology: Symbology | null; data: string } {
  const m = /^\](.)([0-9A-Za-z])/.exec(raw)
  const family = m ? FAMILY[m[1]!] : undefined
  if (!m || !family) return { symbology: null, data: raw }
  const key = m[1]! + m[2]!
  const gs1 = GS1_IDS[key]
  const symbology: Symbology = gs1 ? { aim: m[0], name: gs1[0], gs1: gs1[1] } : { aim: m[0], name: PLAIN_IDS[key] ?? family, gs1: null }
  return { symbology, data: raw.slice(m[0].length) }
}
