import { z } from 'zod'
import { looseNumber as num, looseText as text, lowerKeys } from '../http/dotnet-json.schemas'

/**
 * Sendeo answers (docs/reference/carriers.md §7, [SND] response tables). Sendeo's own samples and clients disagree
 * on casing (StatusHistories vs statusHistories, Token vs result.Token) and the service is .NET,
 * so keys are lower-cased before these schemas read them. Loose on purpose: we check what we use.
 */
export { lowerKeys }

/** {StatusCode:200, result, exceptionMessage} (+ RequestId on errors). */
export const envelopeSchema = z.object({
  statuscode: num,
  result: z.unknown().optional(),
  exceptionmessage: z.string().nullish(),
  requestid: z.string().nullish(),
})

/** LoginAES: the Token in result (Sendeo's clients read result.Token) or, as some clients expect, at the top. */
export const tokenSchema = z.object({ token: z.string().min(1) })

/** BarcodeNumbers: the doc types it "string", Sendeo's C# client List<string>. */
const barcodeNumbers = z
  .union([z.array(text), z.string()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : v.split(/[,;\s]+/)).map((s) => s.trim()).filter(Boolean))

/** SETDELIVERY and GETBARCODE results (GETBARCODE adds ShipmentId). */
export const labelResultSchema = z.object({
  trackingnumber: text,
  trackingurl: z.string().nullish(),
  barcode: z.string().nullish(),
  barcodezpl: z.string().nullish(),
  barcodezpls: z.union([z.array(z.string()), z.string().transform((s) => [s])]).nullish(),
  barcodenumbers: barcodeNumbers,
  shipmentid: text.nullish(),
})
export type LabelResult = z.infer<typeof labelResultSchema>

export const statusHistorySchema = z.object({
  statusdate: text.nullish(),
  statusid: num,
  status: z.string().nullish(),
  description: z.string().nullish(),
})
export type StatusHistory = z.infer<typeof statusHistorySchema>

/** TRACKDELIVERY result. */
export const trackResultSchema = z.object({
  trackingno: text.nullish(),
  referenceno: z.string().nullish(),
  state: num.nullish(),
  statetext: z.string().nullish(),
  updatedate: z.string().nullish(),
  deliverydescription: z.string().nullish(),
  totalprice: num.nullish(),
  deciweight: num.nullish(),
  trackingurl: z.string().nullish(),
  departurebranchname: z.string().nullish(),
  arrivalbranchname: z.string().nullish(),
  statushistories: z.array(statusHistorySchema).nullish(),
})
export type TrackResult = z.infer<typeof trackResultSchema>

/** CANCELDELIVERY: "IsSuccess = true" (a bare boolean is read the same way). */
export const cancelResultSchema = z.union([z.object({ issuccess: z.boolean() }), z.boolean().transform((b) => ({ issuccess: b }))])
