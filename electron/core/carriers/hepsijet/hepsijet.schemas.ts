import { z } from 'zod'

/**
 * Answers of the HepsiJET integration API (docs/reference/carriers.md §6, HJ-DOCS samples). Loose on purpose:
 * HepsiJET adds fields (the barcode sample has a dozen we do not read); we check what we use.
 */

/** Every answer: {status:"OK", data} or {status:"FAIL", message, detailStatus}, often with HTTP 200. */
export const envelopeSchema = z.object({
  status: z.string(),
  message: z.string().nullish(),
  detailStatus: z.string().nullish(),
  data: z.unknown().optional(),
})

export const tokenDataSchema = z.object({ token: z.string().min(1) })

const zplItemSchema = z.object({ zplBarcode: z.string().min(1) })

/** sendDeliveryOrderEnhanced: data.customerDeliveryNo and data.zplBarcodeDTOList[].zplBarcode. */
export const createDataSchema = z.object({
  customerDeliveryNo: z.string().nullish(),
  zplBarcodeDTOList: z.array(zplItemSchema).nullish(),
})
export type CreateData = z.infer<typeof createDataSchema>

const countSchema = z.union([z.number(), z.string()]).nullish()

/** generateZplBarcode: data[] one per parcel, with the receiver place the label shows. */
export const zplDataSchema = z
  .array(
    z.object({
      zplBarcode: z.string().min(1),
      receiver: z.string().nullish(),
      receiverCity: z.string().nullish(),
      receiverTown: z.string().nullish(),
      parcelNo: countSchema,
      totalParcels: countSchema,
      desiSize: z.string().nullish(),
    }),
  )
  .nullish()
export type ZplData = NonNullable<z.infer<typeof zplDataSchema>>

export const trackDetailSchema = z.object({
  transactionLocation: z.string().nullish(),
  /** ISO-8601 with offset, "2023-02-14T18:00:35+03:00" in the sample. */
  transactionDate: z.string(),
  integrationStatus: z.string(),
  deliveredPerson: z.string().nullish(),
})
export type TrackDetail = z.infer<typeof trackDetailSchema>

/** integration/track: data[]{barcode, trackingUrl, details[]}; barcodes without operations may be absent. */
export const trackDataSchema = z
  .array(
    z.object({
      barcode: z.string(),
      trackingUrl: z.string().nullish(),
      details: z.array(trackDetailSchema).nullish(),
    }),
  )
  .nullish()
export type TrackData = NonNullable<z.infer<typeof trackDataSchema>>

/** deleteDeliveryOrder and delivery-update: only the envelope matters. */
export const anyDataSchema = z.unknown()
