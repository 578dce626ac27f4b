import { z } from 'zod'
import type { SoapFault as BaseSoapFault } from '../../../../protocols/soap/soap-fault'

/**
 * Response schemas of ShippingOrderDispatcherServices, from the XSD in
 * protocols/yurtici/KOPSWebServices.wsdl. The parser keeps every leaf as a string, so
 * numbers are checked here; elements with minOccurs="0" may be missing, elements without it
 * (count, jobId, senderCustId, docId) must be there. Objects are loose: Yurtiçi may add elements.
 */

/** Absent or empty → ''. */
const text = z
  .string()
  .optional()
  .transform((v) => v ?? '')
const integer = z
  .string()
  .trim()
  .regex(/^-?\d+$/, 'not an integer')
  .transform(Number)
/** xs:int minOccurs="0": absent (or empty) reads as `fallback`; an absent row errCode as 0 (Java's default). */
const optionalInt = (fallback: number) =>
  z
    .union([z.literal(''), integer])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v))
const outFlag = z.enum(['0', '1', '2']).transform(Number)

/** maxOccurs="unbounded" nillable rows: the parser yields '' for an xsi:nil row; those are dropped. */
function rows<T extends z.ZodType>(row: T) {
  return z
    .array(z.union([row, z.literal('')]))
    .optional()
    .transform((a) => (a ?? []).filter((r): r is Exclude<typeof r, ''> => r !== ''))
}

const baseResult = {
  outFlag,
  outResult: text,
  /** extendedBaseResultVO.errCode (a string in the XSD); result-level errors such as auth. */
  errCode: text,
}

/** The fields every per-shipment detail row carries (shippingOrderDetailVO and the rows below). */
const detailRow = {
  cargoKey: text,
  errCode: optionalInt(0),
  errMessage: text,
  invoiceKey: text,
}

/** shippingCancelDetailVO and shippingDeliveryDetailVO: a detail row with the job and the operation's outcome. */
const operationRow = {
  ...detailRow,
  jobId: integer,
  operationCode: optionalInt(-1),
  operationMessage: text,
  operationStatus: text,
}

/** shippingCancelResultVO and shippingDeliveryResultVO: the result with count and senderCustId. */
const customerResult = {
  ...baseResult,
  count: integer,
  senderCustId: integer,
}

export const shippingOrderDetailSchema = z.object(detailRow)
export type ShippingOrderDetail = z.output<typeof shippingOrderDetailSchema>

export const createShipmentResponseSchema = z.object({
  ShippingOrderResultVO: z.object({
    ...baseResult,
    count: integer,
    jobId: integer,
    shippingOrderDetailVO: rows(shippingOrderDetailSchema),
  }),
})

export const shippingCancelDetailSchema = z.object({
  ...operationRow,
  docId: integer,
})
export type ShippingCancelDetail = z.output<typeof shippingCancelDetailSchema>

export const cancelShipmentResponseSchema = z.object({
  ShippingOrderResultVO: z.object({
    ...customerResult,
    shippingCancelDetailVO: rows(shippingCancelDetailSchema),
  }),
})

export const invDocCargoSchema = z.object({
  unitId: text,
  unitName: text,
  eventId: text,
  eventName: text,
  reasonId: text,
  reasonName: text,
  /** YYYYMMDD */
  eventDate: text,
  /** HHMMSS */
  eventTime: text,
  cityName: text,
  townName: text,
})
export type InvDocCargo = z.output<typeof invDocCargoSchema>

export const deliveryItemSchema = z.object({
  cargoKey: text,
  /** 12 digits once the branch has issued the waybill (IND). */
  docId: text,
  docNumber: text,
  docType: text,
  documentDate: text,
  documentTime: text,
  trackingUrl: text,
  cargoEventId: text,
  cargoEventExplanation: text,
  cargoReasonId: text,
  cargoReasonExplanation: text,
  deliveryDate: text,
  deliveryTime: text,
  receiverInfo: text,
  arrivalUnitName: text,
  departureUnitName: text,
  totalDesi: text,
  totalKg: text,
  totalPrice: text,
  totalAmount: text,
  rejectStatus: text,
  rejectStatusExplanation: text,
  rejectDescription: text,
  rejectReasonExplanation: text,
  returnDocId: text,
  returnDocumentDate: text,
  returnDeliveryDate: text,
  returnStatus: text,
  returnStatusExplanation: text,
  invDocFieldVOArray: rows(z.object({ docId: text, fieldName: text, fieldNameExplanation: text, fieldValue: text })),
  invDocCargoVOArray: rows(invDocCargoSchema),
})
export type DeliveryItem = z.output<typeof deliveryItemSchema>

export const shippingDeliveryDetailSchema = z.object({
  ...operationRow,
  shippingDeliveryItemDetailVO: z
    .union([deliveryItemSchema, z.literal('')])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
})
export type ShippingDeliveryDetail = z.output<typeof shippingDeliveryDetailSchema>

export const queryShipmentResponseSchema = z.object({
  ShippingDeliveryVO: z.object({
    ...customerResult,
    shippingDeliveryDetailVO: rows(shippingDeliveryDetailSchema),
  }),
})

export const saveReturnShipmentCodeResponseSchema = z.object({
  ExtendedBaseResultVO: z.object(baseResult),
})

export const operationResponseSchemas = {
  createShipment: createShipmentResponseSchema,
  cancelShipment: cancelShipmentResponseSchema,
  queryShipment: queryShipmentResponseSchema,
  saveReturnShipmentCode: saveReturnShipmentCodeResponseSchema,
} as const

/**
 * A SOAP 1.1 Fault's detail. The WSDL declares YurticikargoWSException{errorCode, errText} there;
 * an Odoo client reads `code`/`message` instead (docs/reference/carriers.md §1 [YK-ODOO]), so both are read.
 */
export const faultDetailSchema = z
  .union([
    z.object({
      YurticikargoWSException: z.object({ errorCode: z.string().optional(), errText: z.string().optional() }).optional(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
    z.literal(''),
  ])
  .optional()
  .transform((d) => {
    const detail = d === '' ? undefined : d
    const code = detail?.YurticikargoWSException?.errorCode ?? detail?.code
    return {
      errorCode: code !== undefined && /^-?\d+$/.test(code.trim()) ? Number(code) : null,
      errText: detail?.YurticikargoWSException?.errText ?? detail?.message ?? null,
    }
  })

/** A SOAP Fault with what its detail says. */
export type SoapFault = BaseSoapFault & z.output<typeof faultDetailSchema>
