import { createHash } from 'node:crypto'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { offlineShipment, type CreatedShipment, type ShipmentRequest } from '../carrier.port'

/**
 * Aras keys, the pure part (docs/reference/carriers.md §2, §13). The IntegrationCode ("MÖK") is ours: we derive it
 * from the idempotency key, print it as the label barcode, and Aras's branch scans it from the
 * parcel. So the desk can label a parcel before Aras is reachable, and SetOrder with the same key
 * later registers exactly that code (a re-send updates the order, it never makes a second one).
 */

/** docs/reference/carriers.md §2: 16 digits fit TradingWaybillNumber (≤16) too, and stay clear of the 13-digit tracking numbers. */
export const INTEGRATION_CODE_LENGTH = 16
/** PieceCount is Integer(2) (SetOrder doc): at most 99 parcels per order. */
export const MAX_PIECES = 99

/**
 * The IntegrationCode for an idempotency key: 16 decimal digits from SHA-256, first digit 1–9 (no
 * leading zero for systems that read it as a number). Digits only and ≥6 characters, as the test
 * scenarios demand (docs/reference/carriers.md §2); within the documented 2–32 characters.
 */
export function arasOfflineKey(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '')
    throw new AppError(ErrorCode.inputInvalid, 'an Aras integration code needs a non-empty idempotency key', { meta: { field: 'idempotencyKey' } })
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest()
  const n = digest.readBigUInt64BE(0) % 9_000_000_000_000_000n
  return String(n + 1_000_000_000_000_000n)
}

/** Whether `key` has the shape of an integration code this desk issued. */
export function isOwnIntegrationCode(key: string): boolean {
  return /^[1-9]\d{15}$/.test(key)
}

/** A 13-digit Aras tracking number ("kargo takip no", GetBarcode BarcodeModel.TrackingNumber, docs/reference/carriers.md §2). */
export function isArasTrackingNumber(key: string): boolean {
  return /^\d{13}$/.test(key)
}

/**
 * Piece BarcodeNumbers (≤64, unique, digits): a single piece reuses the IntegrationCode, several
 * pieces get IntegrationCode + two-digit piece number (`123456` → `12345601`, `12345602`), as the
 * test scenarios of docs/reference/carriers.md §2 describe.
 */
export function arasPieceBarcodes(integrationCode: string, pieceCount: number): string[] {
  if (!Number.isInteger(pieceCount) || pieceCount < 1 || pieceCount > MAX_PIECES) {
    throw new AppError(ErrorCode.inputInvalid, `an Aras order has 1–${MAX_PIECES} pieces; got ${pieceCount}`, { meta: { field: 'packages' } })
  }
  if (pieceCount === 1) return [integrationCode]
  return Array.from({ length: pieceCount }, (_, i) => integrationCode + String(i + 1).padStart(2, '0'))
}

export type ArasLabelPlan = Readonly<{
  integrationCode: string
  /** One per package, in package order. */
  pieceBarcodes: readonly string[]
  /** What the desk records and prints before (or without) Aras's own label: label null. */
  provisional: CreatedShipment
}>

/**
 * The shipment as the desk can label it with no call: carrierShipmentId = trackingNumber = barcode
 * = the IntegrationCode (the real tracking number only exists once the branch cuts the waybill).
 */
export function planArasLabel(request: Pick<ShipmentRequest, 'packages'>, idempotencyKey: string): ArasLabelPlan {
  const integrationCode = arasOfflineKey(idempotencyKey)
  return {
    integrationCode,
    pieceBarcodes: arasPieceBarcodes(integrationCode, request.packages.length),
    provisional: offlineShipment(integrationCode),
  }
}
