import { ErrorCode } from '../../../../shared/errors'

/** Sürat's documented failure codes (docs/reference/carriers.md §5): code, the AppError it becomes, retryable. */
export const SURAT_DOCUMENTED_FAILURES: ReadonlyArray<readonly [string, ErrorCode, boolean]> = [
  ['001', ErrorCode.carrierAuth, false],
  ['002', ErrorCode.carrierValidation, false],
  ['003', ErrorCode.carrierValidation, false],
  ['004', ErrorCode.carrierAddressUnresolved, false],
  ['006', ErrorCode.carrierValidation, false],
  ['009', ErrorCode.carrierDuplicateReference, false],
  ['018', ErrorCode.carrierServiceUnsupported, false],
  ['019', ErrorCode.carrierValidation, false],
  ['020', ErrorCode.carrierValidation, false],
  ['021', ErrorCode.carrierValidation, false],
  ['022', ErrorCode.carrierValidation, false],
  ['023', ErrorCode.carrierValidation, false],
  ['024', ErrorCode.carrierValidation, false],
  ['038', ErrorCode.carrierUnavailable, true],
  ['042', ErrorCode.carrierUnavailable, true],
  ['050', ErrorCode.carrierServiceUnsupported, false],
]
