import { z } from 'zod'

/**
 * MNG Apizone answers as docs/reference/carriers.md §3 shows them, validated before use. Where §3 says "object or
 * 1-elem array" (and MNG-KUKA saw the same for create and query answers) both are accepted; ids
 * come as strings or numbers and are read as strings. Unknown fields pass untouched.
 */
const idText = z.union([z.string(), z.number()]).transform((v) => String(v).trim())
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v).trim()))
const flag = z
  .union([z.number(), z.string(), z.boolean(), z.null()])
  .optional()
  .transform((v) => v === true || Number(v) === 1)
const money = z
  .union([z.number(), z.string().regex(/^\s*\d+([.,]\d+)?\s*$/)])
  .transform((v) => (typeof v === 'number' ? v : Number(v.trim().replace(',', '.'))))

/** One object, also when wrapped in a one-element array. */
const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) && v.length === 1 ? v[0] : v), schema)
/** A non-empty list, also when a single object came instead. */
const many = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(schema).min(1))

/** POST /token → {jwt, refreshToken, jwtExpireDate "dd.MM.yyyy HH:mm:ss", refreshTokenExpireDate}. */
export const tokenSchema = one(
  z.object({ jwt: z.string().min(1), refreshToken: optionalText, jwtExpireDate: optionalText, refreshTokenExpireDate: optionalText }),
)
export type MngToken = z.infer<typeof tokenSchema>

/** POST createOrder → [{referenceId, orderInvoiceId, orderInvoiceDetailId, shipperBranchCode}]. */
export const createOrderSchema = many(
  z.object({ referenceId: idText, orderInvoiceId: optionalText, orderInvoiceDetailId: optionalText, shipperBranchCode: optionalText }),
)

/** POST createbarcode → [{referenceId, invoiceId, shipmentId, barcodes[{pieceNumber, value}]}], possibly one element per piece. */
export const createBarcodeSchema = many(
  z.object({
    referenceId: optionalText,
    invoiceId: optionalText,
    shipmentId: idText.pipe(z.string().min(1)),
    barcodes: z
      .array(z.object({ pieceNumber: z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int().min(1)), value: z.string() }))
      .nullish()
      .transform((v) => v ?? []),
  }),
)
export type MngBarcodeElement = z.infer<typeof createBarcodeSchema>[number]

/** GET getorder/{ref} → {order:{referenceId, shipmentId?, isTransformedToShipment?, …}, …} (MNG-KUKA reads these fields). */
export const getOrderSchema = one(z.object({ order: z.object({ referenceId: idText, shipmentId: optionalText, isTransformedToShipment: flag }) }))
export type MngOrderInfo = z.infer<typeof getOrderSchema>

/** GET getshipment/{ref} → {shipment:{referenceId, shipmentId, shipmentStatusCode, isDelivered, finalTotal, …}}. */
export const getShipmentSchema = one(
  z.object({
    shipment: z.object({
      referenceId: optionalText,
      shipmentId: idText.pipe(z.string().min(1)),
      shipmentStatusCode: optionalText,
      isDelivered: flag,
      finalTotal: money.nullish(),
    }),
  }),
)
export type MngShipmentInfo = z.infer<typeof getShipmentSchema>

/** GET getshipmentstatus/{ref} → {shipmentId, shipmentStatusCode, shipmentStatus, isDelivered, deliveryDateTime, trackingUrl}. */
export const shipmentStatusSchema = one(
  z.object({
    shipmentId: optionalText,
    shipmentStatusCode: optionalText,
    shipmentStatus: optionalText,
    isDelivered: flag,
    deliveryDateTime: optionalText,
    trackingUrl: optionalText,
  }),
)
export type MngShipmentStatusBody = z.infer<typeof shipmentStatusSchema>

/** GET trackshipment/{ref} → [{eventStatus, eventStatusEn, eventDateTime "dd-MM-yyyy HH:mm[:ss]", location, description}]. */
export const trackSchema = z.array(
  z.object({ eventStatus: optionalText, eventStatusEn: optionalText, eventDateTime: optionalText, location: optionalText, description: optionalText }),
)
export type MngTrackEventBody = z.infer<typeof trackSchema>[number]

/** POST calculate → {finalTotal} (lira). */
export const calculateSchema = one(z.object({ finalTotal: money }))

/** GET cbsinfoapi/getcities, getdistricts/{cityCode} → [{code, name}]. */
export const placesSchema = z.array(z.object({ code: idText.pipe(z.string().min(1)), name: z.string().min(1) }))
export type MngPlace = z.infer<typeof placesSchema>[number]
