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

/**
 * operationStatus and its operationCode (docs/reference/carriers.md §1 [YK-DOC]): NOP 0 data received, not
 * processed; IND 1 issued, on its way; ISR 2 processed by the branch, no invoice yet; CNL 3 dispatch blocked (a
 * successful cancel); ISC 4 already cancelled; DLV 5 delivered; BI 6 invoice cancelled by the branch.
 */
export const YurticiOperationCode = { NOP: 0, IND: 1, ISR: 2, CNL: 3, ISC: 4, DLV: 5, BI: 6 } as const
export type YurticiOperation = keyof typeof YurticiOperationCode

/**
 * rejectStatus (§1): 0 return requested, 1 origin branch approved, 2 region approved, 3 customer approved, 4 return
 * on hold, 7 delivery cancel, 8 debit cancel, 9 returned, 10 return closed, 11 return rejected. Grouped by what it
 * means for the shipment: a return under way, the return closed (back at the sender), or back to the normal flow.
 */
export const YurticiRejectStatus = {
  returnUnderWay: ['0', '1', '2', '3', '9'],
  returnClosed: ['10'],
  normalFlow: ['4', '7', '8', '11'],
} as const
export type YurticiRejectCode = (typeof YurticiRejectStatus)[keyof typeof YurticiRejectStatus][number]

/** returnStatus (§1): 0 not delivered, no return invoice; 1 delivered, no return invoice; 2 delivered, return invoice; 3 returned to the sender. */
export const YurticiReturnStatus = { notDelivered: '0', deliveredNoInvoice: '1', deliveredWithInvoice: '2', returnedToSender: '3' } as const
export type YurticiReturnCode = (typeof YurticiReturnStatus)[keyof typeof YurticiReturnStatus]
