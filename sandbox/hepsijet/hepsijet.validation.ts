import { z } from 'zod'
import { HjDetailStatus, HjMessage, type HepsiJetAccount } from './hepsijet.config'
import { resolvePlace, type ResolvedPlace } from './hepsijet.places'

/**
 * Checks a sendDeliveryOrderEnhanced body the way docs/reference/carriers.md §6 describes it: company and sender
 * address id and XDock code must be the ones HepsiJET issued to the account, customerDeliveryNo is
 * 9–16 characters, addresses are matched by name. Field rules the document does not give (phone
 * digits, non-empty names) are the emulator's reading and only refuse what a courier could not use.
 */

/** "4" or 4: HJ-DOCS samples send numbers as strings ("totalParcels": "4", "desi": "9"); clients send both. */
const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number),
])
const named = z.object({ name: z.string().trim().min(1) })
const address = z.object({
  companyAddressId: z.string().trim().min(1),
  country: named.optional(),
  city: named,
  town: named,
  district: z.object({ name: z.string() }).optional().nullable(),
  addressLine1: z.string().trim().min(1),
})

const bodySchema = z.object({
  company: z.object({ name: z.string(), abbreviationCode: z.string() }),
  delivery: z.object({
    customerDeliveryNo: z.string().regex(/^[A-Za-z0-9_-]{9,16}$/, '9-16 karakter, harf/rakam olmalıdır'),
    customerOrderId: z.string().trim().min(1),
    totalParcels: numeric.pipe(z.number().int().min(1).max(999)),
    desi: numeric.pipe(z.number().positive()),
    deliveryType: z.literal('RETAIL'),
    deliverySlotOriginal: z.union([z.string(), z.number()]).transform(String),
    deliveryDateOriginal: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
    product: z.object({ productCode: z.string().min(1) }),
    receiver: z.object({
      companyCustomerId: z.string().trim().min(1),
      firstName: z.string().trim().min(1),
      lastName: z.string().trim().min(1),
      phone1: z.string().regex(/^\d{10}$/, '10 haneli olmalıdır'),
      email: z.string().optional().nullable(),
    }),
    recipientPerson: z.string().trim().min(1),
    recipientPersonPhone1: z.string().regex(/^\d{10}$/, '10 haneli olmalıdır'),
    recipientAddress: address,
    senderAddress: address.partial({ city: true, town: true, addressLine1: true }),
    deliveryContent: z.array(z.object({ sku: z.string().optional(), description: z.string().optional(), quantity: numeric.optional() })).optional(),
  }),
  currentXDock: z.object({ abbreviationCode: z.string() }),
})

export type DeliveryOrderBody = z.infer<typeof bodySchema>

export type ValidDelivery = Readonly<{
  body: DeliveryOrderBody
  customerDeliveryNo: string
  totalParcels: number
  desi: number
  productCode: string
  recipient: ResolvedPlace & Readonly<{ district: string | null; addressLine1: string }>
}>

export type Refusal = Readonly<{ detailStatus: string; message: string }>

export type ValidationResult = Readonly<{ ok: true; value: ValidDelivery }> | Readonly<{ ok: false; refusal: Refusal }>

const refuse = (detailStatus: string, message: string): ValidationResult => ({ ok: false, refusal: { detailStatus, message } })

export function validateDeliveryOrder(input: unknown, account: HepsiJetAccount, requireCompanyPrefix: boolean): ValidationResult {
  const parsed = bodySchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return refuse(HjDetailStatus.validation, `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'geçersiz'}`)
  }
  const b = parsed.data
  // HJ-DOCS: company name and abbreviationCode are fixed values HepsiJET issues; anything else is refused.
  if (b.company.name !== account.company.name || b.company.abbreviationCode !== account.company.abbreviationCode) {
    return refuse(HjDetailStatus.companyNotFound, HjMessage.companyNotFound)
  }
  const no = b.delivery.customerDeliveryNo
  if (requireCompanyPrefix && !no.startsWith(account.company.abbreviationCode)) {
    return refuse(HjDetailStatus.validation, `delivery.customerDeliveryNo: ${account.company.abbreviationCode} firma kodu ile başlamalıdır`)
  }
  if (!account.senderAddressIds.includes(b.delivery.senderAddress.companyAddressId)) {
    return refuse(HjDetailStatus.senderAddressNotFound, HjMessage.senderAddressNotFound(b.delivery.senderAddress.companyAddressId))
  }
  if (!account.xDockCodes.includes(b.currentXDock.abbreviationCode))
    return refuse(HjDetailStatus.xDockNotFound, HjMessage.xDockNotFound(b.currentXDock.abbreviationCode))
  const productCode = b.delivery.product.productCode
  if (!(account.productCodes ?? ['HX_STD']).includes(productCode)) return refuse(HjDetailStatus.productNotAllowed, HjMessage.productNotAllowed(productCode))
  // HJ-DOCS: standard delivery (HX_STD) is sent with slot "0"; same/next-day products carry a real slot.
  if (productCode === 'HX_STD' && b.delivery.deliverySlotOriginal !== '0') {
    return refuse(HjDetailStatus.validation, 'delivery.deliverySlotOriginal: HX_STD için "0" olmalıdır')
  }
  const ra = b.delivery.recipientAddress
  const place = resolvePlace(ra.city.name, ra.town.name)
  if (!place.ok) {
    return place.problem === 'city'
      ? refuse(HjDetailStatus.cityNotFound, HjMessage.cityNotFound(ra.city.name))
      : refuse(HjDetailStatus.townNotFound, HjMessage.townNotFound(ra.town.name, ra.city.name))
  }
  return {
    ok: true,
    value: {
      body: b,
      customerDeliveryNo: no,
      totalParcels: b.delivery.totalParcels,
      desi: b.delivery.desi,
      productCode,
      recipient: { ...place.place, district: ra.district?.name.trim() || null, addressLine1: ra.addressLine1 },
    },
  }
}

const updateSchema = z.discriminatedUnion('deliveryUpdateType', [
  z.object({
    deliveryUpdateType: z.literal('TOTAL_PARCEL'),
    customerDeliveryNo: z.string().min(1),
    totalParcelInfo: z.object({ totalParcel: numeric.pipe(z.number().int().min(1).max(999)), desi: z.array(numeric.pipe(z.number().positive())).min(1) }),
  }),
  z.object({
    deliveryUpdateType: z.literal('PRODUCT_CODE'),
    customerDeliveryNo: z.string().min(1),
    productCodeInfo: z.object({ productCode: z.string().min(1) }).loose(),
  }),
])

export type DeliveryUpdate = z.infer<typeof updateSchema>

/** delivery-update (HJ-DOCS): TOTAL_PARCEL needs one desi per parcel; PRODUCT_CODE switches the product. */
export function validateDeliveryUpdate(input: unknown): Readonly<{ ok: true; value: DeliveryUpdate }> | Readonly<{ ok: false; refusal: Refusal }> {
  const parsed = updateSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, refusal: { detailStatus: HjDetailStatus.validation, message: `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'geçersiz'}` } }
  }
  const u = parsed.data
  if (u.deliveryUpdateType === 'TOTAL_PARCEL' && u.totalParcelInfo.desi.length !== u.totalParcelInfo.totalParcel) {
    return { ok: false, refusal: { detailStatus: HjDetailStatus.validation, message: 'totalParcelInfo.desi: her paket için bir desi değeri gönderilmelidir' } }
  }
  return { ok: true, value: u }
}
