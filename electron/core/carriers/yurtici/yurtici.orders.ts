import { createHash } from 'node:crypto'
import { normalizeTrPhone } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import type { YurticiLabelPlan } from './yurtici.offline'
import type { ShippingOrderVO } from './yurtici.soap'

/**
 * ShipmentRequest → ShippingOrderVO rows (docs/reference/carriers.md §1), with the doc's rules checked first so a
 * bad order costs no request and gets a message that names the field.
 */

/** Yurtiçi issues one WS user per payment type; payment is not a field of the request (docs/reference/carriers.md §1). */
export const YurticiPaymentType = {
  /** GÖ: gönderici ödemeli. */
  senderPays: 'senderPays',
  /** AÖ: alıcı ödemeli. */
  receiverPays: 'receiverPays',
  /** Kapıda ödeme, cash (ttCollectionType 0). */
  codCash: 'codCash',
  /** Kapıda ödeme, card (ttCollectionType 1). */
  codCard: 'codCard',
} as const
export type YurticiPaymentType = (typeof YurticiPaymentType)[keyof typeof YurticiPaymentType]

const SERVICE_CODES: Readonly<Record<string, YurticiPaymentType>> = {
  '': YurticiPaymentType.senderPays,
  standard: YurticiPaymentType.senderPays,
  GO: YurticiPaymentType.senderPays,
  senderPays: YurticiPaymentType.senderPays,
  AO: YurticiPaymentType.receiverPays,
  receiverPays: YurticiPaymentType.receiverPays,
  codCash: YurticiPaymentType.codCash,
  codCard: YurticiPaymentType.codCard,
}

function invalid(message: string, field: string): never {
  throw new AppError(ErrorCode.inputInvalid, message, { meta: { field } })
}

/**
 * serviceCode "GO"/"senderPays" (default), "AO"/"receiverPays", "codCash", "codCard". A COD amount
 * makes the shipment COD (cash unless codCard was asked for); a COD service without an amount, or
 * receiver-pays with one, is refused.
 */
export function paymentTypeFor(request: Pick<ShipmentRequest, 'serviceCode' | 'codAmountKurus' | 'referenceNo'>): YurticiPaymentType {
  const asked = SERVICE_CODES[request.serviceCode.trim()]
  if (!asked) invalid(`Yurtiçi service code must be GO, AO, codCash or codCard, got "${request.serviceCode}"`, 'serviceCode')
  const cod = request.codAmountKurus !== null && request.codAmountKurus > 0
  if (asked === YurticiPaymentType.codCard || asked === YurticiPaymentType.codCash) {
    if (!cod) invalid(`shipment ${request.referenceNo}: ${asked} needs a COD amount`, 'codAmountKurus')
    return asked
  }
  if (!cod) return asked
  if (asked === YurticiPaymentType.receiverPays)
    invalid(`shipment ${request.referenceNo}: receiver-pays and cash on delivery are separate Yurtiçi contracts; choose one`, 'serviceCode')
  return YurticiPaymentType.codCash
}

export type CardCodOptions = Readonly<{
  /** dcSelectedCredit: number of installments offered. */
  installments: number
  /** dcCreditRule: 0 the customer must choose, 1 a single payment is allowed (docs/reference/carriers.md §1). */
  creditRule: 0 | 1
}>

export type OrderMappingOptions = Readonly<{
  /** desi/kg are honoured only if the WS user has the right, else the branch measures (§1). Default true. */
  sendMeasurements?: boolean
  card?: CardCodOptions
}>

/** ttDocumentId (xs:long, mandatory for COD): 12 decimal digits derived from the idempotency key, stable across retries. */
export function codDocumentId(idempotencyKey: string): number {
  const n = Number.parseInt(createHash('sha256').update(`cod:${idempotencyKey}`, 'utf8').digest('hex').slice(0, 12), 16)
  return 100_000_000_000 + (n % 900_000_000_000)
}

/** specialField1 "fieldNo$value#" with field 3 = Sipariş No (§1); $ and # would break the format (82517). */
export function orderNumberField(orderNumber: string): string | undefined {
  const clean = orderNumber.replace(/[$#]/g, '').trim()
  return clean === '' ? undefined : `3$${clean}#`
}

/** Domestic desi = L×W×H (cm) / 3000 (docs/reference/carriers.md §11), from millimetres, Double(9,3). */
export function desiOf(p: Readonly<{ lengthMm: number; widthMm: number; heightMm: number }>): number {
  // mm³ / 3 000 000 = desi; rounded to 3 decimals, never 0 (a zero desi reads as "not sent").
  return Math.max(0.001, Math.round((p.lengthMm * p.widthMm * p.heightMm) / 3_000) / 1000)
}

function receiver(request: ShipmentRequest) {
  const r = request.recipient
  const name = r.name.replace(/\s+/g, ' ').trim()
  const letters = name.match(/\p{L}/gu)?.length ?? 0
  // §1: receiverCustName ≤200, at least 5 characters of which 4 letters.
  if (name.length < 5 || letters < 4 || name.length > 200) {
    invalid(`recipient name "${name}" must be 5–200 characters with at least 4 letters for Yurtiçi`, 'recipient.name')
  }
  const address = r.address.replace(/\s+/g, ' ').trim()
  // §1: receiverAddress 10–500; il/ilçe go in cityName/townName, not repeated here.
  if (address.length < 10 || address.length > 500)
    invalid(`recipient address must be 10–500 characters for Yurtiçi (has ${address.length})`, 'recipient.address')
  const city = r.city.trim()
  const town = r.district.trim()
  if (city === '' || city.length > 40) invalid(`recipient il "${city}" must be 1–40 characters`, 'recipient.city')
  if (town === '' || town.length > 40) invalid(`recipient ilçe "${town}" must be 1–40 characters`, 'recipient.district')
  // §1: area code + number, 10 digits.
  const phone = normalizeTrPhone(r.phone)
  if (!phone) invalid(`recipient phone "${r.phone ?? ''}" is not a 10-digit Turkish number; Yurtiçi requires one`, 'recipient.phone')
  const email = r.email?.trim() || undefined
  return { name, address, city, town, phone, email }
}

/**
 * One ShippingOrderVO per parcel: distinct cargoKey, shared invoiceKey (§1 multi-parcel). The schema's
 * required numbers are always sent (0 when unused). How Yurtiçi collects COD over several parcels is
 * not documented: every row carries the same amount and document id, saved on one document (type 0).
 */
export function buildShippingOrders(
  request: ShipmentRequest,
  plan: YurticiLabelPlan,
  paymentType: YurticiPaymentType,
  options: OrderMappingOptions = {},
): ShippingOrderVO[] {
  const to = receiver(request)
  const cod = paymentType === YurticiPaymentType.codCash || paymentType === YurticiPaymentType.codCard
  const card = paymentType === YurticiPaymentType.codCard ? (options.card ?? { installments: 1, creditRule: 1 }) : null
  const measure = options.sendMeasurements ?? true
  const description = request.description?.replace(/\s+/g, ' ').trim() || undefined
  request.packages.forEach((p, i) => {
    const sizes = [p.lengthMm, p.widthMm, p.heightMm, p.weightGrams]
    if (!sizes.every((v) => Number.isFinite(v) && v > 0))
      invalid(`parcel ${i + 1} of ${request.referenceNo} needs positive dimensions and weight`, `packages.${i}`)
  })
  return request.packages.map((p, i) => ({
    cargoKey: plan.cargoKeys[i],
    invoiceKey: plan.invoiceKey,
    receiverCustName: to.name,
    receiverAddress: to.address,
    cityName: to.city,
    townName: to.town,
    receiverPhone1: to.phone,
    emailAddress: to.email,
    taxOfficeId: 0,
    desi: measure ? desiOf(p) : undefined,
    kg: measure ? p.weightGrams / 1000 : undefined,
    cargoCount: 1,
    specialField1: orderNumberField(request.orderNumber),
    ttInvoiceAmount: cod ? (request.codAmountKurus ?? 0) / 100 : undefined,
    ttDocumentId: cod ? codDocumentId(plan.idempotencyKey) : 0,
    ttCollectionType: cod ? (card ? '1' : '0') : undefined,
    ttDocumentSaveType: cod ? '0' : undefined,
    dcSelectedCredit: card?.installments ?? 0,
    dcCreditRule: card?.creditRule ?? 0,
    description,
  }))
}
