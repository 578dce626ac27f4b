import { z } from 'zod'

/**
 * The station ↔ cloud wire format (follows seed 001's conventions: APIKEY header, JSON, error
 * envelope `{status:false, errors:[{message, field}]}`). Parsed with these schemas where it enters.
 */
export const CloudAddress = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  district: z.string().min(1),
  city: z.string().min(1),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable().optional(),
})

export const CloudOrder = z.object({
  id: z.string().min(1),
  orderNumber: z.string().min(1),
  barcode: z.string().min(1),
  marketplace: z.string().nullable(),
  status: z.enum(['open', 'cancelled']),
  version: z.number().int().min(0),
  recipient: CloudAddress,
  codAmountKurus: z.number().int().min(0).nullable(),
  mandatedCarrierId: z.string().nullable(),
  marketplaceLabelZpl: z.string().nullable().optional(),
  lines: z
    .array(
      z.object({
        sku: z.string().min(1),
        gtin: z.string().nullable(),
        name: z.string().min(1),
        quantity: z.number().int().positive(),
        unitWeightGrams: z.number().int().min(0),
      }),
    )
    .min(1),
})
export type CloudOrder = z.infer<typeof CloudOrder>

export const OrdersPage = z.object({
  status: z.literal(true),
  data: z.object({ orders: z.array(CloudOrder), nextCursor: z.string(), hasMore: z.boolean() }),
})

export const CloudConfig = z.object({
  status: z.literal(true),
  data: z.object({
    packers: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), badge: z.string().min(1), role: z.enum(['packer', 'supervisor']) })),
    boxes: z.array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        lengthMm: z.number().int().positive(),
        widthMm: z.number().int().positive(),
        heightMm: z.number().int().positive(),
        tareGrams: z.number().int().min(0),
      }),
    ),
  }),
})

export const CloudEvent = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  orderId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
})
export type CloudEvent = z.infer<typeof CloudEvent>

export const EventsAccepted = z.object({ status: z.literal(true), data: z.object({ accepted: z.array(z.string()) }) })

export const CloudErrorEnvelope = z.object({ status: z.literal(false), errors: z.array(z.object({ message: z.string(), field: z.string().nullable().optional() })) })
