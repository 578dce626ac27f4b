import { createHash } from 'node:crypto'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { CreatedReturn, ReturnRequest } from '../carrier.port'
import { base32, CROCKFORD_ALPHABET } from './yurtici.offline'

/**
 * Returns by code, the pure part (docs/reference/carriers.md §1 saveReturnShipmentCode, "RMA"). The seller registers
 * a code; the customer quotes it at any Yurtiçi branch, which ships the parcel back under the
 * seller's contract. Yurtiçi makes no shipment number and no label for it, so the desk prints its
 * own slip with the code as a Code128 barcode. The code is derived from the idempotency key, so a
 * retry registers the same code again instead of a second one.
 */

export const RETURN_CODE_PREFIX = 'R'
/** "R" + 12 Crockford base32 characters (60 bits). */
export const RETURN_CODE_LENGTH = 13
const HASH_CHARS = RETURN_CODE_LENGTH - RETURN_CODE_PREFIX.length

/**
 * Errcodes that mean "this returnCode exists already". Yurtiçi publishes none (docs/reference/carriers.md §1
 * says nothing about repeats), so none by default: a refused repeat then stays a refusal the operator sees,
 * never a guess. A station that learns the code sets `returnCodeExistsErrCodes` in station.json.
 */
export const DEFAULT_RETURN_CODE_EXISTS_ERR_CODES: readonly number[] = []

/**
 * The return code for an idempotency key: "R" + 12 Crockford base32 characters of
 * SHA-256("return\n" + key), 13 characters. The WSDL types returnCode as a bare string and §1 gives no
 * length, so the code is short enough to read out at a branch counter, capitals and digits only
 * (Code128 subset B; no I, L, O, U to misread), and hashed apart from our invoiceKey/cargoKey ("KJ…",
 * 18/20 characters): a return never takes an outbound shipment's key, even under a reused key.
 */
export function yurticiReturnCode(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '') {
    throw new AppError(ErrorCode.inputInvalid, 'a Yurtiçi return code needs a non-empty idempotency key', { meta: { field: 'idempotencyKey' } })
  }
  return RETURN_CODE_PREFIX + base32(createHash('sha256').update(`return\n${idempotencyKey}`, 'utf8').digest(), HASH_CHARS)
}

export function isYurticiReturnCode(value: string): boolean {
  return new RegExp(`^${RETURN_CODE_PREFIX}[${CROCKFORD_ALPHABET}]{${HASH_CHARS}}$`).test(value)
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not), else input.invalid naming the field. */
function calendarDay(value: string, field: 'validFrom' | 'validUntil'): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new AppError(ErrorCode.inputInvalid, `${field} must be a calendar day written YYYY-MM-DD, got "${value}"`, { meta: { field, value } })
  }
  return value
}

export type YurticiReturnPlan = Readonly<{
  returnCode: string
  /** startDate/endDate of saveReturnShipmentCode, still YYYY-MM-DD (the adapter writes YYYYMMDD). */
  validFrom: string
  validUntil: string
  /** What createReturn hands back once Yurtiçi holds the code. */
  created: CreatedReturn
}>

/**
 * ReturnRequest → the code and its validity window, checked before any call. Only the code and the
 * window travel: saveReturnShipmentCode has no address or parcel fields (§1, WSDL), so the
 * customer's and the warehouse's addresses stay on the desk's slip.
 */
export function planYurticiReturn(request: ReturnRequest, idempotencyKey: string): YurticiReturnPlan {
  const returnCode = yurticiReturnCode(idempotencyKey)
  const validFrom = calendarDay(request.validFrom, 'validFrom')
  const validUntil = calendarDay(request.validUntil, 'validUntil')
  if (validUntil < validFrom) {
    throw new AppError(ErrorCode.inputInvalid, `the return code would expire (${validUntil}) before it starts (${validFrom})`, {
      meta: { field: 'validUntil', validFrom, validUntil },
    })
  }
  return {
    returnCode,
    validFrom,
    validUntil,
    created: { kind: 'code', returnCode, carrierShipmentId: null, trackingNumber: null, barcode: returnCode, labelFormat: null, label: null, validUntil },
  }
}

/** Whether `err` is Yurtiçi refusing to save a code it already holds for this customer. */
export function isReturnCodeExists(err: unknown, errCodes: readonly number[] = DEFAULT_RETURN_CODE_EXISTS_ERR_CODES): boolean {
  const errCode = err instanceof AppError ? err.meta.errCode : undefined
  return typeof errCode === 'number' && errCodes.includes(errCode)
}
