import { createHash } from 'node:crypto'
import { z } from 'zod'
import { PACKAGE_LIMITS } from '../../shared/domain/limits'
import type { ShipmentRequest } from '../core/carriers/carrier.port'

export const addressInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  address: z.string().trim().min(1).max(1000),
  /** İlçe. */
  district: z.string().trim().min(1).max(100),
  /** İl. */
  city: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().max(10).nullable().default(null),
  phone: z.string().trim().max(30).nullable().default(null),
  email: z.string().trim().max(255).nullable().optional(),
})

/** A positive measure at most `max` (shared/domain/limits.ts), with a message that names the limit. */
const bounded = (max: number, unit: string) => z.number().positive().max(max, `must be a finite number ≤ ${max} ${unit} (the largest parcel any carrier takes)`)
const { maxSideMm, maxSideCm, maxWeightGrams, maxWeightKg } = PACKAGE_LIMITS

export const packageInputSchema = z
  .strictObject({
    lengthMm: z.int().min(10).max(maxSideMm, `must be ≤ ${maxSideMm} mm`).optional(),
    widthMm: z.int().min(10).max(maxSideMm, `must be ≤ ${maxSideMm} mm`).optional(),
    heightMm: z.int().min(10).max(maxSideMm, `must be ≤ ${maxSideMm} mm`).optional(),
    /** Centimetres are accepted too (what a packer reads off a tape): 30 → 300 mm. */
    lengthCm: bounded(maxSideCm, 'cm').optional(),
    widthCm: bounded(maxSideCm, 'cm').optional(),
    heightCm: bounded(maxSideCm, 'cm').optional(),
    weightGrams: z.int().min(1).max(maxWeightGrams, `must be ≤ ${maxWeightGrams} g (the largest parcel any carrier takes)`).optional(),
    weightKg: bounded(maxWeightKg, 'kg').optional(),
    boxCode: z.string().max(40).nullable().optional(),
  })
  .transform((p, ctx) => {
    const mm = (m: number | undefined, cm: number | undefined, name: string) => {
      const v = m ?? (cm === undefined ? undefined : Math.round(cm * 10))
      if (v === undefined) ctx.addIssue({ code: 'custom', message: `${name}Mm or ${name}Cm is required` })
      return v ?? 0
    }
    const grams = p.weightGrams ?? (p.weightKg === undefined ? undefined : Math.round(p.weightKg * 1000))
    if (grams === undefined) ctx.addIssue({ code: 'custom', message: 'weightGrams or weightKg is required' })
    return {
      boxCode: p.boxCode ?? null,
      lengthMm: mm(p.lengthMm, p.lengthCm, 'length'),
      widthMm: mm(p.widthMm, p.widthCm, 'width'),
      heightMm: mm(p.heightMm, p.heightCm, 'height'),
      weightGrams: grams ?? 0,
    }
  })

/**
 * The carrier-neutral order file of `station ship` (every carrier but a raw ComToHome body) and
 * `station quote`: who sends, who receives, the packages as measured, cash on delivery. Units are in
 * the names (mm or cm, grams or kg; money in kuruş). Strict: a misspelt key is an error, not ignored.
 */
export const orderInputSchema = z.strictObject({
  orderNumber: z.string().trim().min(1).max(64),
  /** Our reference at the carrier; default: the order number. */
  referenceNo: z.string().trim().min(1).max(64).optional(),
  /** The carrier's service/product (e.g. a ComToHome provider); default: the carrier's standard one. */
  serviceCode: z.string().trim().min(1).max(64).optional(),
  sender: addressInputSchema,
  recipient: addressInputSchema,
  packages: z.array(packageInputSchema).min(1).max(PACKAGE_LIMITS.maxPackages),
  codAmountKurus: z.int().min(1).nullable().default(null),
  description: z.string().max(255).optional(),
  /** For `station quote`: the marketplace that mandates a carrier, if any. */
  mandatedCarrierId: z.string().max(40).nullable().default(null),
})

export type OrderInput = z.output<typeof orderInputSchema>

/**
 * The parcel limits over a raw ComToHome consignment body (seed 001: kg and cm as plain Float). Its
 * own schema (comtohome.schemas.ts) checks the shape; this refuses a weight or size no carrier takes
 * before a label is bought for it. Other keys pass through.
 */
export const consignmentLimitsSchema = z.object({
  packages: z
    .array(
      z.object({ weight: bounded(maxWeightKg, 'kg'), length: bounded(maxSideCm, 'cm'), width: bounded(maxSideCm, 'cm'), height: bounded(maxSideCm, 'cm') }),
    )
    .max(PACKAGE_LIMITS.maxPackages),
})

/** The port's request for one carrier. */
export function toShipmentRequest(order: OrderInput, defaults: { serviceCode: string; labelFormat: 'zpl' | 'pdf' }): ShipmentRequest {
  return {
    orderNumber: order.orderNumber,
    referenceNo: order.referenceNo ?? order.orderNumber,
    serviceCode: order.serviceCode ?? defaults.serviceCode,
    sender: order.sender,
    recipient: order.recipient,
    packages: order.packages.map((p, i) => ({ index: i + 1, ...p })),
    codAmountKurus: order.codAmountKurus,
    labelFormat: defaults.labelFormat,
    description: order.description,
  }
}

/** Same order file and carrier → same key: running the command again finds the first shipment instead of buying a second. */
export function orderIdempotencyKey(carrierId: string, order: OrderInput): string {
  return `ship-${carrierId}-${createHash('sha256').update(JSON.stringify(order)).digest('hex').slice(0, 32)}`
}
