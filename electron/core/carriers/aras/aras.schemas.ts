import { z } from 'zod'

/**
 * Shapes of Aras answers (docs/reference/carriers.md §2), checked before use. XML leaves arrive as strings (an
 * empty element as ""); the query service's JSON may carry numbers or nulls where text is meant.
 */

const emptyAsObject = (v: unknown) => (v === '' || v === null ? {} : v)
const code = z.string().trim().min(1, 'ResultCode is empty')
const optText = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '')

export const orderResultInfoSchema = z.object({ ResultCode: code, ResultMessage: optText, InvoiceKey: optText, OrgReceiverCustId: optText })
export type OrderResultInfo = z.output<typeof orderResultInfoSchema>

/** SetOrderResponse{SetOrderResult{OrderResultInfo[]}}: one result per Order sent. */
export const setOrderResponseSchema = z.object({
  SetOrderResult: z.preprocess(emptyAsObject, z.object({ OrderResultInfo: z.array(orderResultInfoSchema).default([]) })),
})

/** CancelDispatchResponse{CancelDispatchResult{ResultCode,ResultMessage,CargoKey}} (DispatchResultInfo). */
export const cancelDispatchResponseSchema = z.object({
  CancelDispatchResult: z.object({ ResultCode: code, ResultMessage: optText, CargoKey: optText }),
})

const pieceSchema = z.object({ BarcodeNumber: optText, VolumetricWeight: optText, Weight: optText })

export const storedOrderSchema = z.object({
  IntegrationCode: z.string().trim(),
  TradingWaybillNumber: optText,
  InvoiceNumber: optText,
  ReceiverName: optText,
  PieceCount: optText,
  IsCod: optText,
  CodAmount: optText,
  PieceDetails: z.preprocess(emptyAsObject, z.object({ PieceDetail: z.array(pieceSchema).default([]) })).optional(),
})
export type StoredOrder = z.output<typeof storedOrderSchema>

/** GetOrderWithIntegrationCodeResponse{GetOrderWithIntegrationCodeResult{Order[]}} (ArrayOfOrder; empty when unknown). */
export const getOrderResponseSchema = z.object({
  GetOrderWithIntegrationCodeResult: z.preprocess(emptyAsObject, z.object({ Order: z.array(storedOrderSchema).default([]) })),
})

/**
 * GetBarcodeResponse as protocols/aras/arascargoservice.wsdl declares BarcodeResult: ZebraZpl{string*},
 * BarcodeModelLst{BarcodeModel*{…, TrackingNumber, …}}, Message, ResultCode.
 */
export const getBarcodeResponseSchema = z.object({
  GetBarcodeResult: z.object({
    ResultCode: code,
    Message: optText,
    ZebraZpl: z.preprocess(emptyAsObject, z.object({ string: z.array(z.string()).default([]) })).optional(),
    BarcodeModelLst: z
      .preprocess(emptyAsObject, z.object({ BarcodeModel: z.array(z.preprocess(emptyAsObject, z.object({ TrackingNumber: optText }))).default([]) }))
      .optional(),
  }),
})
export type GetBarcodeResult = z.output<typeof getBarcodeResponseSchema>['GetBarcodeResult']

/** GetQueryJSONResponse{GetQueryJSONResult: JSON text}. */
export const getQueryJsonResponseSchema = z.object({
  GetQueryJSONResult: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
})

// DataSet → JSON: values may be strings, numbers or null; we keep text.
const scalar = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v).trim()))

/** One QueryResult.Cargo row (docs/reference/carriers.md §2 [AR-DOC models]); unlisted keys pass untouched. */
export const cargoRowSchema = z.looseObject({
  MUSTERI_OZEL_KODU: scalar,
  KARGO_TAKIP_NO: scalar,
  DURUM_KODU: scalar,
  DURUMU: scalar,
  DURUM_EN: scalar,
  TIP_KODU: scalar,
  DEVIR_KODU: scalar,
  TESLIM_ALAN: scalar,
  TESLIM_TARIHI: scalar,
  TESLIM_SAATI: scalar,
  ISLEM_TARIHI: scalar,
  TUTAR: scalar,
  ADET: scalar,
  DESI: scalar,
})
export type CargoRow = z.output<typeof cargoRowSchema>

/**
 * One movement row of QueryType 9/15. docs/reference/carriers.md §2 names the columns İŞLEM TARİHİ, BİRİM, İŞLEM,
 * AÇIKLAMA; clients read them as ISLEM_TARIHI, BIRIM, ISLEM, ACIKLAMA. Both spellings are taken.
 */
export const movementRowSchema = z
  .looseObject({
    ISLEM_TARIHI: scalar,
    BIRIM: scalar,
    ISLEM: scalar,
    ACIKLAMA: scalar,
    'İŞLEM TARİHİ': scalar,
    BİRİM: scalar,
    İŞLEM: scalar,
    AÇIKLAMA: scalar,
  })
  .transform((r) => ({
    at: r.ISLEM_TARIHI || r['İŞLEM TARİHİ'],
    unit: r.BIRIM || r['BİRİM'],
    event: r.ISLEM || r['İŞLEM'],
    description: r.ACIKLAMA || r['AÇIKLAMA'],
  }))
export type MovementRow = z.output<typeof movementRowSchema>
