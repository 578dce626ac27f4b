/**
 * Aras Kargo's result and status codes, read by the connector (electron/core/carriers/aras) and the emulator
 * (sandbox/aras). Source: docs/reference/carriers.md §2 (Aras's integration documents [AR-DOC]; GetBarcode's codes
 * from a published client [HT]). Result codes travel as text ("0", "-1", "1004"); one number can mean different
 * things in two operations (936), so each operation has its own table.
 */

/** SetOrder OrderResultInfo.ResultCode. */
export const ArasSetOrderCode = {
  ok: '0',
  /** ReceiverName longer than 100. */
  receiverNameTooLong: '934',
  /** IntegrationCode empty or of a wrong length, more than 20 sends of one order, ReceiverPhone1 missing or not digits. */
  integrationCode: '935',
  /** Address or name missing or slang, city/town missing, PayorTypeCode/IsCod/CodCollectionType, receiver-pays COD. */
  receiverData: '936',
  badCredentials: '1000',
  /** "Entegrasyon bilgi hatası", grouped with 1000 in the document. */
  integrationInfo: '1002',
  /** Account setup at Aras: no branch. */
  noBranch: '1003',
  /** Account setup at Aras: no active dispatch address. */
  noDispatchAddress: '1006',
  /** At least one order must be sent. */
  noOrder: '60020',
  /** The waybill is cut: the order can no longer be changed. */
  waybillCut: '60022',
  addressTooLong: '70018',
  invoiceTooLong: '70019',
  /** Piece count 0, or not the number of pieces. */
  pieceCount: '70021',
  pieceBarcodeMissing: '70022',
  volumeMissing: '70023',
  weightMissing: '70024',
  /** A document is one piece. */
  documentOnePiece: '70025',
  /** Volume not decimal, a piece barcode sent before, COD outside 5–5000 TL, branch closed. */
  pieceInvalid: '70026',
  /** Weight not decimal, or already invoiced. */
  weightOrInvoiced: '70027',
  duplicatePieceBarcodes: '70028',
  /** TradingWaybillNumber longer than 16. */
  waybillTooLong: '70121',
} as const
export type ArasSetOrderCode = (typeof ArasSetOrderCode)[keyof typeof ArasSetOrderCode]

/** SetOrder's generic server-side codes, 5000 to 5008 ("Bir hata oluştu", "Kayıt yapılamadı"). */
export const ARAS_SET_ORDER_SERVER_CODES: readonly string[] = ['5000', '5001', '5002', '5003', '5004', '5005', '5006', '5007', '5008']

/**
 * CancelDispatch ResultCode: 0 done, 1 deleted (the SetOrder document's "[kod] Başarılı bir şekilde silindi"), 405 already
 * cancelled (at the date in the message), 999 the waybill is cut (cannot cancel), 936 an error, -1 not found, -2 bad
 * credentials. HT reads 0, 1 and 405 as done.
 */
export const ArasCancelCode = { ok: '0', deleted: '1', alreadyCancelled: '405', waybillCut: '999', error: '936', notFound: '-1', badCredentials: '-2' } as const
export type ArasCancelCode = (typeof ArasCancelCode)[keyof typeof ArasCancelCode]

/** GetBarcode ResultCode [HT]: 1004 = the branch is not resolved yet, ask again in a few seconds. */
export const ArasBarcodeCode = { ok: '0', badCredentials: '1000', notReady: '1004' } as const
export type ArasBarcodeCode = (typeof ArasBarcodeCode)[keyof typeof ArasBarcodeCode]

/**
 * DURUM_KODU of a query-service Cargo row: 1 at the origin branch, 2 on the way, 3 at the delivery branch, 4 out for
 * delivery ("Teslimatta"), 5 partially delivered, 6 delivered, 7 redirected.
 */
export const ArasDurum = { atOrigin: '1', onTheWay: '2', atDeliveryBranch: '3', outForDelivery: '4', partial: '5', delivered: '6', redirected: '7' } as const
export type ArasDurum = (typeof ArasDurum)[keyof typeof ArasDurum]

/** TIP_KODU of a Cargo row. */
export const ArasTip = { normal: '1', redirected: '2', returned: '3' } as const
export type ArasTip = (typeof ArasTip)[keyof typeof ArasTip]

/** DEVIR_KODU, the non-delivery reasons, with their meaning in §2. */
export const ArasDevir = {
  AY: 'wrong address',
  NT: 'notice left',
  MD: 'mobile distribution day',
  TL: 'holiday',
  ŞA: 'customer will collect at the branch',
  AD: 'outside the distribution area',
  TG: 'not delivered today',
  AA: 'recipient unknown',
  HT: 'damaged / refused',
  KG: 'in customs',
  PR: 'Pratik 7/24 locker',
  ÜR: 'refused to pay the fee',
  KE: 'refused the parcel',
  TT: 'preferred delivery',
  PS: 'piece problem',
  TO: 'civil unrest',
} as const
export type ArasDevirCode = keyof typeof ArasDevir
