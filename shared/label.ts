import { z } from 'zod'

/**
 * Data for the desk's own shipping label (the merchant-designed label docs/reference/carriers.md §13 asks for:
 * sender, receiver name/address/phone, date, piece x/N, barcode, COD flag/amount).
 * This exact JSON shape is also the input of `station label render --input FILE.json`.
 */

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

/**
 * Code 128 data: printable ASCII only. `>` is excluded because it starts a Code 128 invocation
 * sequence inside ^FD (`>;`, `>:`, `>8`; docs/reference/hardware.md §3.5), so it could change what the bars encode.
 */
const barcodeData = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(48, 'must be at most 48 characters')
  .regex(/^[\x20-\x3D\x3F-\x7E]+$/, 'must be printable ASCII without ">"')

export const LabelSender = z.object({
  name: text(80),
  address: text(200),
  district: text(60),
  city: text(60),
  phone: text(30),
})

export const LabelRecipient = z.object({
  name: text(80),
  address: text(240),
  district: text(60),
  city: text(60),
  postalCode: text(10),
  phone: text(30),
})

export const ShippingLabelInput = z
  .object({
    orderNumber: text(40),
    carrier: text(40),
    trackingNumber: text(48),
    barcode: barcodeData,
    sender: LabelSender,
    recipient: LabelRecipient,
    packageIndex: z.number().int().min(1),
    packageCount: z.number().int().min(1).max(999),
    desi: z.number().finite().nonnegative().max(100_000),
    weightKg: z.number().finite().nonnegative().max(100_000),
    /** Cash on delivery (kapıda ödeme) in integer kuruş; null when the parcel is prepaid. */
    codAmountKurus: z.number().int().nonnegative().nullable(),
    /** The caption before the tracking number; default "TAKİP NO / TRACKING" (a return slip says "İADE KODU / RETURN CODE"). */
    trackingCaption: text(24).optional(),
    /**
     * Optional QR content where a carrier wants one (a tracking URL or the carrier's own code),
     * printed beside the Code 128. Printable ASCII: a QR's byte mode has no agreed text encoding.
     */
    qr: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(300, 'must be at most 300 characters')
      .regex(/^[\x20-\x7E]+$/, 'must be printable ASCII')
      .optional(),
  })
  .refine((v) => v.packageIndex <= v.packageCount, {
    message: 'packageIndex must not exceed packageCount',
    path: ['packageIndex'],
  })

export type ShippingLabelInput = z.infer<typeof ShippingLabelInput>
