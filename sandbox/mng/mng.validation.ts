import { z } from 'zod'
import { findDistrict } from './mng.places'

/**
 * Request bodies as the emulator checks them (docs/reference/carriers.md §3 skeletons and "Facts"): barcode =
 * referenceId, referenceId upper-case ASCII, desi/kg integers, a 10-digit phone, customerId or
 * fullName but not both, CBS codes that exist and belong together. Field lengths are not documented
 * and are not checked. A problem comes back as one MNG-style message naming the field.
 */
export type Problem = Readonly<{ field: string; message: string }>
export type Checked<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; problem: Problem }>

const int = z.number().int()
const text = z.string()
const id = z.union([z.string(), z.number()]).transform(String)

const pieceSchema = z.object({
  barcode: text.min(1),
  desi: int.min(0),
  kg: int.min(0),
  content: text.optional().default(''),
})
export type ValidPiece = z.infer<typeof pieceSchema>

const orderSchema = z.object({
  order: z.object({
    // §3: referenceId upper-case ASCII (clients strip Turkish letters); the documented barcode rule is checked below.
    referenceId: text.regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'BÜYÜK HARF ASCII OLMALIDIR'),
    barcode: text,
    billOfLandingId: text.optional().default(''),
    isCOD: z.union([z.literal(0), z.literal(1)]),
    codAmount: z.number().min(0).optional().default(0),
    shipmentServiceType: int,
    packagingType: int,
    content: text.optional().default(''),
    smsPreference1: int.optional(),
    smsPreference2: int.optional(),
    smsPreference3: int.optional(),
    paymentType: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    deliveryType: int,
    description: text.optional().default(''),
    marketPlaceShortCode: text.optional().default(''),
    marketPlaceSaleCode: text.optional().default(''),
    pudoId: text.optional().default(''),
  }),
  orderPieceList: z.array(pieceSchema).min(1),
  recipient: z.object({
    customerId: id.optional().default(''),
    refCustomerId: id.optional().default(''),
    cityCode: int,
    cityName: text.optional().default(''),
    districtCode: int,
    districtName: text.optional().default(''),
    address: text.min(1),
    fullName: text.optional().default(''),
    mobilePhoneNumber: text.optional().default(''),
    homePhoneNumber: text.optional().default(''),
    bussinessPhoneNumber: text.optional().default(''),
    email: text.optional().default(''),
    taxOffice: text.optional().default(''),
    taxNumber: text.optional().default(''),
  }),
})
export type ValidOrder = z.infer<typeof orderSchema>

const barcodeSchema = z.object({
  referenceId: text.min(1),
  billOfLandingId: text.optional(),
  isCOD: int.optional(),
  codAmount: z.number().optional(),
  packagingType: int.optional(),
  printReferenceBarcodeOnError: int.optional(),
  message: text.optional(),
  orderPieceList: z.array(pieceSchema).optional(),
})
export type ValidBarcodeRequest = z.infer<typeof barcodeSchema>

const cancelShipmentSchema = z.object({ referenceId: text.min(1), shipmentId: id })
export type ValidCancelShipment = z.infer<typeof cancelShipmentSchema>

const updateShipmentSchema = z.object({ referenceId: text.min(1), shipmentId: id.optional(), orderPieceList: z.array(pieceSchema).min(1) })
export type ValidUpdateShipment = z.infer<typeof updateShipmentSchema>

const calculateSchema = z.object({
  shipmentServiceType: int,
  packagingType: int,
  paymentType: int,
  pickUpType: int,
  deliveryType: int,
  cityCode: int,
  districtCode: int,
  orderPieceList: z.array(z.object({ desi: int.min(0), kg: int.min(0) })).min(1),
})
export type ValidCalculate = z.infer<typeof calculateSchema>

function parse<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  const r = schema.safeParse(body)
  if (r.success) return { ok: true, value: r.data }
  const issue = r.error.issues[0]
  const field = issue?.path.join('.') || 'body'
  return { ok: false, problem: { field, message: `GEÇERSİZ ALAN: ${field} (${issue?.message ?? 'hatalı'})` } }
}

const fail = (field: string, message: string): Checked<never> => ({ ok: false, problem: { field, message } })

function checkPlace(cityCode: number, districtCode: number, prefix: string): Problem | null {
  if (!findDistrict(cityCode, Math.trunc(districtCode))) {
    return { field: `${prefix}districtCode`, message: `İL/İLÇE KODU GEÇERSİZ: ${cityCode}/${districtCode} (cbsinfoapi kodları kullanılmalıdır)` }
  }
  return null
}

export function checkCreateOrder(body: unknown): Checked<ValidOrder> {
  const r = parse(orderSchema, body)
  if (!r.ok) return r
  const { order, orderPieceList, recipient } = r.value
  if (order.barcode !== order.referenceId) return fail('order.barcode', 'BARCODE ALANI REFERENCEID İLE AYNI OLMALIDIR!')
  if (order.isCOD === 1 && !(order.codAmount > 0)) return fail('order.codAmount', 'KAPIDA ÖDEME TUTARI GİRİLMELİDİR!')
  const barcodes = orderPieceList.map((p) => p.barcode)
  if (new Set(barcodes).size !== barcodes.length) return fail('orderPieceList.barcode', 'PARÇA BARKODLARI TEKİL OLMALIDIR!')
  // §3: "don't send both customerId and fullName".
  if (recipient.customerId !== '' && recipient.fullName !== '') return fail('recipient.customerId', 'CUSTOMERID VE FULLNAME BİRLİKTE GÖNDERİLEMEZ!')
  if (recipient.customerId === '') {
    if (recipient.fullName.trim() === '') return fail('recipient.fullName', 'ALICI ADI ZORUNLUDUR!')
    if (!/^\d{10}$/.test(recipient.mobilePhoneNumber)) return fail('recipient.mobilePhoneNumber', 'TELEFON NUMARASI 10 HANE OLMALIDIR!')
  }
  const place = checkPlace(recipient.cityCode, recipient.districtCode, 'recipient.')
  return place ? { ok: false, problem: place } : r
}

export function checkCreateBarcode(body: unknown): Checked<ValidBarcodeRequest> {
  return parse(barcodeSchema, body)
}

export function checkCancelShipment(body: unknown): Checked<ValidCancelShipment> {
  return parse(cancelShipmentSchema, body)
}

export function checkUpdateShipment(body: unknown): Checked<ValidUpdateShipment> {
  return parse(updateShipmentSchema, body)
}

export function checkCalculate(body: unknown): Checked<ValidCalculate> {
  const r = parse(calculateSchema, body)
  if (!r.ok) return r
  const place = checkPlace(r.value.cityCode, r.value.districtCode, '')
  return place ? { ok: false, problem: place } : r
}
