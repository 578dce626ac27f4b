import { z } from 'zod'

/**
 * Schemas of ComToHome's POST /api/v1/consignments, from ComToHome's consignment API description
 * (docs/reference/seed-001-consignment-api-yurtici-gonderi.txt, cited as "seed 001"). The
 * request schema mirrors the seed's field tables and is strict, so a typo in an order file
 * ("referance_no") is caught before anything is bought. Response schemas are loose: the service
 * may add fields; we only check what we use.
 */

const text = (max: number) => z.string().max(max)
const required = (max: number) => z.string().min(1).max(max)

const partySchema = z.strictObject({
  name: required(255),
  attention_name: text(255).optional(),
  /** ISO2 or ISO3; domestic consignments only (seed 001: both addresses inside Turkey). */
  country: z.string().min(2).max(3),
  /** İl. */
  state: required(100),
  /** İlçe. */
  city: required(100),
  postal_code: text(30).optional(),
  address: required(1000),
  phone_number: text(20).optional(),
  email: text(255).optional(),
})

const itemSchema = z.strictObject({
  unit_price: z.number().optional(),
  quantity: z.int().optional(),
  description: text(255).optional(),
  category: text(255).optional(),
  origin: z.string().min(2).max(3).optional(),
  currency_code: z.string().length(3).optional(),
})

const packageSchema = z.strictObject({
  package_type: z.int(),
  provider_packaging_type: z.string().optional(),
  post_type: z.int().optional(),
  /** Not in the seed's package table, but in every seed sample. */
  quantity: z.int().min(1).optional(),
  /** kg */
  weight: z.number().positive(),
  /** cm */
  length: z.number().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  items: z.array(itemSchema).optional(),
})

const specialServiceSchema = z.strictObject({
  service_type: z.string().min(1),
  details: z.record(z.string(), z.unknown()).optional(),
})

export const consignmentRequestSchema = z
  .strictObject({
    preference: z.int().optional(),
    provider_id: z.int().optional(),
    address_resolver_type: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    reference_no: text(255).optional(),
    invoice_number: text(255).optional(),
    specific_shipping_method: text(255).optional(),
    generate_provider_barcode: z.boolean().optional(),
    specific_provider_barcode: text(255).optional(),
    is_pickup_requested: z.boolean().optional(),
    consignor: partySchema,
    consignee: partySchema,
    packages: z.array(packageSchema).min(1),
    documents: z.array(z.strictObject({ id: z.int() })).optional(),
    special_services: z.array(specialServiceSchema).optional(),
  })
  .superRefine((body, ctx) => {
    // Seed 001: provider_id is required when preference is 0 or absent.
    if (body.provider_id === undefined && (body.preference === undefined || body.preference === 0)) {
      ctx.addIssue({ code: 'custom', path: ['provider_id'], message: 'required when preference is 0 or absent' })
    }
  })

export type ConsignmentRequest = z.output<typeof consignmentRequestSchema>

const base64 = /^[A-Za-z0-9+/]+={0,2}$/

export const consignmentSuccessSchema = z.object({
  status: z.literal(true),
  message: z.string().optional(),
  data: z.object({
    consignment: z.int(),
    /** Provider barcode, printed on the label. */
    barcode: z.string().nullish(),
    /** ComToHome's own barcode ("C2H" + digits), also used for tracking. */
    c2hBarcode: z.string().min(1),
    providerTrackingCode: z.string().nullish(),
    trackingUrl: z.string().nullish(),
    contentType: z.string(),
    base64label: z.string().regex(base64, 'not base64'),
    detail: z.object({
      total_cost: z.number(),
      currency_code: z.string(),
      currency_rate: z.number().optional(),
      reference_no: z.string().nullish(),
      packages: z.object({ desi: z.number(), weight: z.number(), quantity: z.number() }).optional(),
    }),
  }),
})

export type ConsignmentData = z.output<typeof consignmentSuccessSchema>['data']

export const fieldErrorSchema = z.object({ message: z.string(), field: z.string().nullish() })

export const consignmentErrorSchema = z.object({
  status: z.literal(false),
  errors: z.array(fieldErrorSchema),
})

export type ConsignmentFieldError = Readonly<{ field: string | null; message: string }>
