import { createHash } from 'node:crypto'
import { AppError, ErrorCode } from '../../../shared/errors'

/**
 * `prefix` + the base-36 digits (upper case) of SHA-256(idempotencyKey), `length` characters in all: the carrier-side
 * reference a key always maps to, so a retry or a purchase resumed after a crash names the same shipment. Pure.
 * `what` names the thing numbered in the refusal of an empty key ("a HepsiJET shipment").
 */
export function hashedReference(idempotencyKey: string, prefix: string, length: number, what: string): string {
  if (idempotencyKey.trim() === '')
    throw new AppError(ErrorCode.inputInvalid, `an idempotency key is needed to number ${what}`, { meta: { field: 'idempotencyKey' } })
  const n = length - prefix.length
  const digest = BigInt(`0x${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex')}`)
  return `${prefix}${digest.toString(36).toUpperCase().padStart(n, '0').slice(-n)}`
}
