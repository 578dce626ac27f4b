/**
 * Options, paths and wire vocabulary of the local Sendeo emulator (docs/reference/carriers.md §7, §14; messages,
 * codes and statuses from the official doc [SND]). What the doc leaves open is an option, marked so:
 * where a documented error code travels, whether a repeated ReferenceNo is refused, the rate limit.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'
import { SENDEO_STATUSES, SendeoError, type SendeoErrorCode } from '../../protocols/sendeo/sendeo.codes'
import { SendeoPath } from '../../protocols/sendeo/sendeo.paths'

/** Paths of docs/reference/carriers.md §7 (origin https://api.sendeo.com.tr), as the connector calls them. */
export { SendeoPath }

/** The single shared test account of [SND] ("musteri": "TEST", "sifre": "TesT.43e54"). */
export const SENDEO_TEST_ACCOUNT = { musteri: 'TEST', sifre: 'TesT.43e54' } as const
export type SendeoAccount = Readonly<{ musteri: string; sifre: string }>

/** ExceptionMessage ↔ statusCode pairs of the SetDelivery and CancelDelivery error tables [SND]: protocols/sendeo/sendeo.codes.ts. */
export { SendeoError, type SendeoErrorCode }

/** The "Sendeo Statü Listesi" of [SND]: protocols/sendeo/sendeo.codes.ts, shared with the connector. */
export { SENDEO_STATUSES }

/**
 * Where a documented error code travels. [SND] pairs each ExceptionMessage with a "statusCode"
 * and shows ExceptionMessage "102" as an example, so the doc supports either reading:
 * `statusCode` → {StatusCode: 102, exceptionMessage: text}; `message` → {StatusCode: 500,
 * exceptionMessage: text}; `codeAsMessage` → {StatusCode: 500, exceptionMessage: "102"}.
 */
export const ErrorCodePlacement = { statusCode: 'statusCode', message: 'message', codeAsMessage: 'codeAsMessage' } as const
export type ErrorCodePlacement = (typeof ErrorCodePlacement)[keyof typeof ErrorCodePlacement]

export type SendeoEmulatorOptions = EmulatorOptions &
  Readonly<{
    accounts?: readonly SendeoAccount[]
    /** [SND]: 20 hours. */
    tokenTtlMs?: number
    /** Consecutive wrong passwords before an account is blocked ([SND] warns of it; the count is ours). Default 5. */
    lockoutAfter?: number
    /** Sendeo publishes no limit: off by default. 429 + Retry-After when hit. */
    rateLimit?: RateLimitOption
    /** [SND]: the same TRACKDELIVERY query within 30 minutes is answered from cache. Default 30 min; 0 turns it off. */
    trackCacheMs?: number
    errorCodePlacement?: ErrorCodePlacement
    /** The doc is silent on a repeated ReferenceNo; default false stores a second delivery (the worst case for a client). */
    rejectDuplicateReference?: boolean
    /**
     * What GETBARCODE answers for a reference it does not know; not documented. `notFound` (default):
     * 500 with the cancel table's "No Delivery Found." (702); `serverError`: 500 "Internal Server Error".
     */
    unknownReferenceAnswer?: 'notFound' | 'serverError'
  }>

export type ResolvedOptions = Required<SendeoEmulatorOptions>

export function resolveOptions(o: SendeoEmulatorOptions = {}): ResolvedOptions {
  return withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    accounts: [SENDEO_TEST_ACCOUNT],
    tokenTtlMs: 20 * 3_600_000,
    lockoutAfter: 5,
    rateLimit: null,
    trackCacheMs: 30 * 60_000,
    errorCodePlacement: ErrorCodePlacement.statusCode,
    rejectDuplicateReference: false,
    unknownReferenceAnswer: 'notFound',
  })
}
