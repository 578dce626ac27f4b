import { parseTrPhone, type Address } from '../../../../shared/domain/address'
import { packageChargeableKg, packageDesi, priceBand } from '../../../../shared/desi'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ReturnRequest, ShipmentRequest } from '../carrier.port'
import { hashedReference } from '../carrier-keys'
import type { SendeoPlaceIds } from './sendeo.places'

/**
 * ReferenceNo and the SETDELIVERY body (docs/reference/carriers.md §7, field casing as Sendeo's own DeliveryType 1
 * sample in [SND]; the service reads JSON case-insensitively, as the mixed casing of its samples
 * shows). The ReferenceNo is ours, derived from the idempotency key: Sendeo tracks, cancels and
 * re-prints by it, and its collector scans it from our label ("ReferenceNo bilgisi oluşturulan
 * barkod üzerinde bulunması gerekmektedir"), so a retry or a lookup after a lost answer meets the
 * same delivery.
 */
export const REFERENCE_NO_LENGTH = 18
export const DEFAULT_REFERENCE_PREFIX = 'KJ'
/** Doc: "Bu alan 5000 lira ile sınırlıdır" (CollectionPrice). */
export const MAX_COLLECTION_KURUS = 500_000
/** Limits written beside products[] in Sendeo's Postman collection ("deci max 500", "weigth max 100"). */
export const MAX_DECI = 500
export const MAX_WEIGHT_KG = 100

/**
 * DeliveryType (docs/reference/carriers.md §7): 1 Lokasyonunuz → Müşteriniz (sender = the account's registered
 * location), 2 Müşteriniz → Lokasyonunuz (a return: the customer sends, the location receives),
 * 3 Tedarikçiniz → Müşteriniz (sender in the body).
 */
export type SendeoDeliveryType = 1 | 2 | 3
/** CollectionType of a COD shipment: 1 cash, 2 card (0 = no collection). */
export type SendeoCollectionType = 1 | 2

const invalid = (message: string, field: string) => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })

export function checkReferencePrefix(prefix: string): string {
  if (!/^[A-Z0-9]{1,6}$/.test(prefix)) throw invalid(`Sendeo reference prefix "${prefix}" must be 1-6 capital letters or digits`, 'referencePrefix')
  return prefix
}

/** prefix + base-36 of SHA-256(idempotencyKey), 18 characters, never all digits (tracking numbers are). Pure. */
export function sendeoReferenceNoFor(idempotencyKey: string, prefix = DEFAULT_REFERENCE_PREFIX): string {
  const ref = hashedReference(idempotencyKey, checkReferencePrefix(prefix), REFERENCE_NO_LENGTH, 'a Sendeo delivery')
  // A prefix of digits only could make an all-digit reference, which reads as a tracking number.
  return /^\d+$/.test(ref) ? `R${ref.slice(1)}` : ref
}

/**
 * The ReferenceNo of a return: sendeoReferenceNoFor over "return\n" + key, so a return never meets
 * the outbound delivery's reference (GETBARCODE would then hand back the outbound one), even under a
 * reused key.
 */
export function sendeoReturnReferenceNoFor(idempotencyKey: string, prefix = DEFAULT_REFERENCE_PREFIX): string {
  if (idempotencyKey.trim() === '') throw invalid('an idempotency key is needed to number a Sendeo return', 'idempotencyKey')
  return sendeoReferenceNoFor(`return\n${idempotencyKey}`, prefix)
}

/** Sendeo tracking numbers are digits (TRACKDELIVERY TrackingNo is an integer); our references never are. */
export const isSendeoTrackingNumber = (value: string): boolean => /^\d{6,20}$/.test(value)

export type SetDeliveryProduct = { Count: number; ProductCode: string; Description: string; Deci: number; Weigth: number; DeciWeight: number; Price: number }

export type SetDeliveryBody = Record<string, string | number | SetDeliveryProduct[]>

export type SendeoDeliverySettings = Readonly<{
  deliveryType: SendeoDeliveryType
  codCollectionType: SendeoCollectionType
  /** barcodeLabelType: 2 ZPL (one parcel) or 3 ZPL array (several). */
  barcodeLabelType: 2 | 3
}>

/** 10-digit numbers, mobile into GSM and the rest into Phone ("Phone veya GSM alanlarından bir tanesi mutlaka gönderilmelidir"). */
function phones(a: Address): { phone: string; gsm: string } {
  const p = parseTrPhone(a.phone)
  if (!p) return { phone: '', gsm: '' }
  return p.kind === 'mobile' ? { phone: '', gsm: p.national } : { phone: p.national, gsm: '' }
}

const addressText = (a: Address) => [a.address.trim(), [a.district, a.city].filter((s) => s.trim() !== '').join(' / ')].filter(Boolean).join(' ')

function products(request: ShipmentRequest): SetDeliveryProduct[] {
  const cod = request.codAmountKurus ?? 0
  const n = request.packages.length
  return request.packages.map((p, i) => {
    const deci = Math.ceil(packageDesi(p))
    const kg = Math.ceil(p.weightGrams / 1000)
    if (deci > MAX_DECI || kg > MAX_WEIGHT_KG) {
      throw new AppError(
        ErrorCode.carrierValidation,
        `parcel ${i + 1} is ${deci} desi / ${kg} kg; Sendeo takes at most ${MAX_DECI} desi and ${MAX_WEIGHT_KG} kg a parcel`,
        {
          meta: { field: 'packages', parcel: i + 1, deci, kg },
        },
      )
    }
    // 410: a COD shipment needs a product price above zero; the amount is spread over the parcels.
    const shareKurus = cod > 0 ? Math.floor(cod / n) + (i === 0 ? cod % n : 0) : 0
    return { Count: 1, ProductCode: '', Description: '', Deci: deci, Weigth: kg, DeciWeight: priceBand(packageChargeableKg(p)), Price: shareKurus / 100 }
  })
}

/** The SETDELIVERY body for one order; every package is one product line with Count 1 (one barcode each). */
export function buildSetDelivery(
  request: ShipmentRequest,
  referenceNo: string,
  places: Readonly<{ sender: SendeoPlaceIds; receiver: SendeoPlaceIds }>,
  s: SendeoDeliverySettings,
): SetDeliveryBody {
  if (request.packages.length === 0) throw invalid('a Sendeo delivery needs at least one package', 'packages')
  const cod = request.codAmountKurus ?? 0
  if (!Number.isInteger(cod) || cod < 0) throw invalid(`COD amount must be whole kuruş ≥ 0, got ${cod}`, 'codAmountKurus')
  if (cod > MAX_COLLECTION_KURUS) {
    throw new AppError(ErrorCode.carrierValidation, `Sendeo collects at most 5000 TL on delivery; this order asks ${cod / 100} TL`, {
      meta: { field: 'codAmountKurus', codAmountKurus: cod },
    })
  }
  const sender = phones(request.sender)
  const receiver = phones(request.recipient)
  return {
    DeliveryType: s.deliveryType,
    ReferenceNo: referenceNo,
    Description: request.description?.trim() || `Sipariş ${request.orderNumber}`,
    Sender: request.sender.name,
    SenderAuthority: '',
    SenderAddress: addressText(request.sender),
    SenderCityId: places.sender.cityId,
    SenderDistrictId: places.sender.districtId,
    senderPhone: sender.phone,
    SenderGSM: sender.gsm,
    SenderEmail: request.sender.email ?? '',
    Receiver: request.recipient.name,
    ReceiverAuthority: '',
    ReceiverAddress: addressText(request.recipient),
    ReceiverCityId: places.receiver.cityId,
    ReceiverDistrictId: places.receiver.districtId,
    receiverPhone: receiver.phone,
    ReceiverGSM: receiver.gsm,
    ReceiverEmail: request.recipient.email ?? '',
    PaymentType: 1, // "Standart olarak 1 girilmelidir"
    CollectionType: cod > 0 ? s.codCollectionType : 0,
    CollectionPrice: cod / 100,
    ServiceType: 1, // "Özel operasyonlar dışında default 1"
    barcodeLabelType: s.barcodeLabelType,
    // "referenceNo … yeterli olmadığı durumlar için" more detail: our order number.
    customerReferenceType: request.orderNumber,
    products: products(request),
  }
}

/**
 * A return as the delivery SETDELIVERY type 2 carries: the customer as Sender, the warehouse as
 * Receiver, no collection. The customer's fields are the ones Sendeo requires for type 2 (errors
 * 301-307: name, address, phone or GSM, il/ilçe), so they are refused here, before any call; the
 * Receiver is the account's location, which Sendeo knows (its fields are sent, not required).
 */
export function returnAsDelivery(request: ReturnRequest): ShipmentRequest {
  const c = request.sender
  for (const [field, value] of [
    ['name', c.name],
    ['address', c.address],
    ['city', c.city],
    ['district', c.district],
  ] as const) {
    if (value.trim() === '') throw invalid(`the customer's ${field} is empty; Sendeo needs it to collect the return`, `sender.${field}`)
  }
  if (!parseTrPhone(c.phone))
    throw invalid(`the customer's phone "${c.phone ?? ''}" is not a Turkish number; Sendeo needs a phone or GSM to collect the return`, 'sender.phone')
  return {
    orderNumber: request.orderNumber,
    referenceNo: request.referenceNo,
    serviceCode: '',
    sender: c,
    recipient: request.recipient,
    packages: request.packages,
    codAmountKurus: null,
    labelFormat: request.labelFormat,
    description: `İade: sipariş ${request.orderNumber}`,
  }
}
