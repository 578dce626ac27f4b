import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * PTT range barcodes (docs/reference/carriers.md §4 "Barcodes" [HT]): PTT does not mint barcodes for most
 * contracts; it assigns the customer a range of 12-digit numbers. The desk takes the next number
 * of the range and appends a check digit: weights 1,3,1,3… from the left, digit =
 * (10 − sum mod 10) mod 10 (the EAN-13 rule) → 13 digits. The barcode is the shipper's key: PTT's
 * branch scans it from our own label, so a label can be printed before PTT is reached.
 */

/** 12 digits before the check digit. */
export const PTT_BARCODE_BODY_LENGTH = 12
export const PTT_BARCODE_LENGTH = 13

/** The check digit of a 12-digit body. Throws inputInvalid for anything that is not 12 digits. */
export function pttCheckDigit(body: string): string {
  if (!/^\d{12}$/.test(body)) throw new AppError(ErrorCode.inputInvalid, `a PTT barcode body is 12 digits, got "${body}"`, { meta: { field: 'barkodNo' } })
  let sum = 0
  for (let i = 0; i < PTT_BARCODE_BODY_LENGTH; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3)
  return String((10 - (sum % 10)) % 10)
}

/** Body + check digit: the 13-digit barcode PTT scans. */
export function pttBarcode(body: string): string {
  return body + pttCheckDigit(body)
}

/** Whether `code` is 13 digits whose last is the check digit of the first 12. */
export function isValidPttBarcode(code: string): boolean {
  return /^\d{13}$/.test(code) && pttCheckDigit(code.slice(0, PTT_BARCODE_BODY_LENGTH)) === code[PTT_BARCODE_BODY_LENGTH]
}

/**
 * The range PTT assigned, as written on its paper: each end either the 12-digit body or the full
 * 13-digit barcode (then its check digit must be right). Both ends are included.
 */
export type PttBarcodeRange = Readonly<{ first: string; last: string }>

export type ParsedPttRange = Readonly<{ firstBody: number; lastBody: number; size: number }>

function rangeEnd(value: string, field: 'first' | 'last'): number {
  const v = value.replace(/[\s-]/g, '')
  const bad = (why: string) =>
    new AppError(ErrorCode.inputInvalid, `PTT barcode range ${field} "${value}" ${why}`, { meta: { field: `barcodeRange.${field}` } })
  if (/^\d{12}$/.test(v)) return Number(v)
  if (/^\d{13}$/.test(v)) {
    if (!isValidPttBarcode(v)) throw bad(`has a wrong check digit (expected ${pttCheckDigit(v.slice(0, 12))})`)
    return Number(v.slice(0, 12))
  }
  throw bad('is not 12 digits (or 13 with its check digit)')
}

/** Validates a range; 12-digit numbers stay below 2^53, so plain numbers are exact. */
export function parsePttRange(range: PttBarcodeRange): ParsedPttRange {
  const firstBody = rangeEnd(range.first, 'first')
  const lastBody = rangeEnd(range.last, 'last')
  if (lastBody < firstBody) {
    throw new AppError(ErrorCode.inputInvalid, `PTT barcode range ends (${range.last}) before it starts (${range.first})`, {
      meta: { field: 'barcodeRange.last' },
    })
  }
  return { firstBody, lastBody, size: lastBody - firstBody + 1 }
}

/** The 13-digit barcode of body number `body`. */
export function barcodeOfBody(body: number): string {
  return pttBarcode(String(body).padStart(PTT_BARCODE_BODY_LENGTH, '0'))
}

/**
 * Hands out the range's barcodes. `next` is exactly-once per key: the same idempotency key always
 * gets the same barcode (a retry, a restart, an offline label and its later registration all use
 * it) and two keys never share one. When the range is spent it throws (see rangeExhausted) and
 * hands out nothing. The lead backs this with SQLite (carrier_key_allocations); the in-memory one
 * below serves tests, the CLI and demo mode.
 */
export interface PttBarcodeAllocator {
  next(idempotencyKey: string): string
}

/** The error every allocator throws when its range is spent (no dedicated ErrorCode exists; see meta.reason). */
export function rangeExhausted(range: PttBarcodeRange): AppError {
  // carrier.serviceUnsupported: the operator cannot fix it at the desk; a supervisor enters a new range PTT issues.
  return new AppError(
    ErrorCode.carrierServiceUnsupported,
    `the PTT barcode range ${range.first}–${range.last} is used up: ask PTT for a new range and enter it in the settings`,
    {
      retryable: false,
      meta: { reason: 'barcodeRangeExhausted', first: range.first, last: range.last },
    },
  )
}

export type MemoryPttBarcodeAllocator = PttBarcodeAllocator &
  Readonly<{
    /** Barcodes handed out so far, by idempotency key, in allocation order. */
    allocated: ReadonlyMap<string, string>
    /** How many barcodes are left. */
    remaining(): number
  }>

/**
 * The in-memory allocator: the range's numbers in order from `startAt` (a body inside the range,
 * default its first), one per new idempotency key.
 */
export function createMemoryPttBarcodeAllocator(range: PttBarcodeRange, options: Readonly<{ startAt?: string }> = {}): MemoryPttBarcodeAllocator {
  const parsed = parsePttRange(range)
  let nextBody = options.startAt === undefined ? parsed.firstBody : rangeEnd(options.startAt, 'first')
  if (nextBody < parsed.firstBody || nextBody > parsed.lastBody + 1) {
    throw new AppError(ErrorCode.inputInvalid, `PTT allocator start ${options.startAt} lies outside ${range.first}–${range.last}`, {
      meta: { field: 'startAt' },
    })
  }
  const allocated = new Map<string, string>()
  return {
    allocated,
    remaining: () => parsed.lastBody - nextBody + 1,
    next(idempotencyKey: string): string {
      if (idempotencyKey.trim() === '')
        throw new AppError(ErrorCode.inputInvalid, 'a PTT barcode needs a non-empty idempotency key', { meta: { field: 'idempotencyKey' } })
      const known = allocated.get(idempotencyKey)
      if (known) return known
      if (nextBody > parsed.lastBody) throw rangeExhausted(range)
      const barcode = barcodeOfBody(nextBody)
      nextBody += 1
      allocated.set(idempotencyKey, barcode)
      return barcode
    },
  }
}

/** PTT carries one parcel per barcode: parcel 1 uses the shipment's key, parcel n the key + "#n". */
export function parcelKey(idempotencyKey: string, parcelIndex: number): string {
  return parcelIndex === 0 ? idempotencyKey : `${idempotencyKey}#${parcelIndex + 1}`
}

/** One barcode per parcel, in parcel order, from the allocator. */
export function allocateParcelBarcodes(allocator: PttBarcodeAllocator, idempotencyKey: string, parcels: number): string[] {
  const out = Array.from({ length: parcels }, (_, i) => allocator.next(parcelKey(idempotencyKey, i)))
  for (const b of out) {
    // A misconfigured or buggy allocator must not reach PTT with a barcode its branch cannot scan.
    if (!isValidPttBarcode(b))
      throw new AppError(ErrorCode.internal, `the PTT barcode allocator returned "${b}", which is not a valid 13-digit PTT barcode`, { meta: { barcode: b } })
  }
  if (new Set(out).size !== out.length)
    throw new AppError(ErrorCode.internal, 'the PTT barcode allocator gave two parcels the same barcode', { meta: { barcodes: out } })
  return out
}

/** "b1" or "b1,b2" (a multi-parcel carrierShipmentId) → the barcodes; anything that is not one is refused. */
export function parseBarcodeList(trackingNumber: string): string[] {
  const list = trackingNumber
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '')
  const bad = list.find((b) => !isValidPttBarcode(b))
  if (list.length === 0 || bad !== undefined) {
    throw new AppError(ErrorCode.inputInvalid, `"${bad ?? trackingNumber}" is not a PTT barcode (13 digits with a valid check digit)`, {
      meta: { trackingNumber },
    })
  }
  return list
}
