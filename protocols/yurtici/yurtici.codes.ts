/**
 * Yurtiçi Kargo's documented errCodes, read by the connector (electron/core/carriers/yurtici) and the emulator
 * (sandbox/yurtici). Source: docs/reference/carriers.md §1 ([YK-DOC], Yurtiçi's KOPS integration document;
 * the auth codes from [HT], confidence L). Which code of a pair means "missing" and which "invalid" is our
 * reading of the document's pairs.
 */
export const YurticiErrCode = {
  ok: 0,
  unexpected: 936,
  jobId: 80057,
  cargoKeyMissing: 80859,
  cargoKeyTooLong: 82500,
  cargoKeyExists: 60020,
  invoiceKeyMissing: 60017,
  invoiceKeyInvalid: 82501,
  nameMissing: 60018,
  nameInvalid: 82503,
  addressMissing: 60019,
  addressInvalid: 82502,
  codAmountMissing: 82505,
  codAmountInvalid: 82506,
  codDocumentIdMissing: 82507,
  codDocumentSaveTypeMissing: 82508,
  installmentsMissing: 82509,
  creditRuleInvalid: 82510,
  installmentsInvalid: 82511,
  installmentsNotAllowed: 82518,
  paymentTypeMismatch: 82512,
  collectionTypeInvalid: 82513,
  documentSaveTypeInvalid: 82514,
  emailInvalid: 82515,
  phoneInvalid: 82516,
  formatInvalid: 82517,
  cargoKeyNotFound: 82519,
  alreadyCancelled: 82520,
  authUnknownUser: 1625,
  authWrongPassword: 1626,
  authNotAuthorized: 80265,
} as const
export type YurticiErrCode = (typeof YurticiErrCode)[keyof typeof YurticiErrCode]

/** The codes that refuse the credentials ([HT]). */
export const AUTH_ERR_CODES: readonly number[] = [YurticiErrCode.authUnknownUser, YurticiErrCode.authWrongPassword, YurticiErrCode.authNotAuthorized]
