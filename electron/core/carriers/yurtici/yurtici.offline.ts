import { createHash } from 'node:crypto'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { offlineShipment, type CreatedShipment, type ShipmentRequest } from '../carrier.port'

/**
 * Offline labels, the pure part. Yurtiçi takes the shipper's own cargoKey and its branch scans
 * that key from the parcel (docs/reference/carriers.md §1, §13), so the key, and with it the label barcode, can be
 * derived from our idempotency key before any network call: the desk prints while Yurtiçi is
 * unreachable and registers later with the same key; a repeat meets 60020 and is confirmed, never
 * doubled. Nothing here touches the network or the clock.
 */

/** docs/reference/carriers.md §1: cargoKey and invoiceKey are at most 20 characters. */
export const CARGO_KEY_MAX = 20
/** Two digits of parcel number close every cargoKey. */
export const MAX_PARCELS = 99
const PREFIX = 'KJ'
const HASH_CHARS = 16
// Crockford base32: digits and capitals without I, L, O, U, so a key read aloud or retyped from the label survives.
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ALPHABET = CROCKFORD_ALPHABET

/** The first `chars` Crockford base32 characters of `bytes` (5 bits each). Also used for return codes (yurtici.returns.ts). */
export function base32(bytes: Uint8Array, chars: number): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
    buffer &= (1 << bits) - 1
    if (out.length >= chars) break
  }
  return out
}

/**
 * The shipment's invoiceKey: "KJ" + 16 base32 chars (80 bits) of SHA-256(idempotency key), 18 chars.
 * Deterministic, so a retry, a restart or an offline registration always sends the same key.
 */
export function yurticiInvoiceKey(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '') throw new AppError(ErrorCode.inputInvalid, 'a Yurtiçi cargoKey needs a non-empty idempotency key')
  return PREFIX + base32(createHash('sha256').update(idempotencyKey, 'utf8').digest(), HASH_CHARS)
}

/** Parcel `index` (0-based) of the shipment: invoiceKey + two-digit parcel number, 20 chars. */
export function yurticiCargoKey(idempotencyKey: string, index = 0): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PARCELS) {
    throw new AppError(ErrorCode.inputInvalid, `a Yurtiçi shipment has parcels 1–${MAX_PARCELS}; parcel index ${index} is out of range`)
  }
  return yurticiInvoiceKey(idempotencyKey) + String(index + 1).padStart(2, '0')
}

/** Whether `key` has the shape of a cargoKey this desk issued (then its invoiceKey is its first 18 chars). */
export function isOwnCargoKey(key: string): boolean {
  return new RegExp(`^${PREFIX}[${ALPHABET}]{${HASH_CHARS}}(0[1-9]|[1-9]\\d)$`).test(key)
}

export type YurticiLabelPlan = Readonly<{
  idempotencyKey: string
  /** One per shipment; every parcel row carries it (docs/reference/carriers.md §1: multi-parcel shares invoiceKey). */
  invoiceKey: string
  /** One per parcel, in package order; each is printed as that parcel's barcode. */
  cargoKeys: readonly string[]
  /** What the desk stores and prints before registration: label null (the desk renders its own). */
  provisional: CreatedShipment
}>

/**
 * ShipmentRequest → the keys Yurtiçi will know it by, and the shipment as the desk can record it
 * before any call: carrierShipmentId = trackingNumber = barcode = the first parcel's cargoKey.
 */
export function planYurticiLabel(request: ShipmentRequest, idempotencyKey: string): YurticiLabelPlan {
  const count = request.packages.length
  if (count < 1 || count > MAX_PARCELS) {
    throw new AppError(ErrorCode.inputInvalid, `shipment ${request.referenceNo} has ${count} parcels; Yurtiçi takes 1–${MAX_PARCELS} per shipment here`)
  }
  const cargoKeys = request.packages.map((_, i) => yurticiCargoKey(idempotencyKey, i))
  const first = cargoKeys[0] as string
  return {
    idempotencyKey,
    invoiceKey: yurticiInvoiceKey(idempotencyKey),
    cargoKeys,
    provisional: offlineShipment(first),
  }
}
