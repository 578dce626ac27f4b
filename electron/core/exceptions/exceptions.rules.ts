import type { ExceptionKind } from '../../../shared/contract/exceptions'
import { ErrorCode } from '../../../shared/errors'

/**
 * Which stop is which exception (pure). Not among them: a refused scan (the packer fixes it on the spot),
 * print.outcomeUnknown (the unconfirmed-labels list answers it), a scale fault, and anything that did not stop an order.
 */
const KIND_BY_CODE: ReadonlyMap<string, ExceptionKind> = new Map([
  [ErrorCode.addressUnresolved, 'address'],
  [ErrorCode.carrierAddressUnresolved, 'address'],
  [ErrorCode.weightOutOfTolerance, 'weight'],
  ...(
    [
      ErrorCode.noEligibleCarrier,
      ErrorCode.carrierValidation,
      ErrorCode.carrierAuth,
      ErrorCode.carrierRateLimited,
      ErrorCode.carrierUnavailable,
      ErrorCode.carrierTimeout,
      ErrorCode.carrierBadResponse,
      ErrorCode.carrierDuplicateReference,
      ErrorCode.carrierServiceUnsupported,
      ErrorCode.carrierProviderNotDefined,
      ErrorCode.carrierCircuitOpen,
    ] as const
  ).map((c) => [c, 'carrier'] as const),
  ...(
    [
      ErrorCode.printerOffline,
      ErrorCode.printerTimeout,
      ErrorCode.printerPaperOut,
      ErrorCode.printerHeadOpen,
      ErrorCode.printerPaused,
      ErrorCode.printerRibbonOut,
      ErrorCode.printerNotReady,
      ErrorCode.printerStatusInvalid,
      ErrorCode.labelMismatch,
    ] as const
  ).map((c) => [c, 'printer'] as const),
  [ErrorCode.syncConflict, 'syncConflict'],
])

export function exceptionKindOf(code: string): ExceptionKind | null {
  return KIND_BY_CODE.get(code) ?? null
}

/** The facts a row shows for its stop: the error's own meta, primitives only (nothing nested reaches the screen). */
export function factsOf(meta: Readonly<Record<string, unknown>>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  for (const [k, v] of Object.entries(meta))
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as string | number | boolean | null
  return out
}
