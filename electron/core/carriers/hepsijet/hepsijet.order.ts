import { createHash } from 'node:crypto'
import { normalizeTrPhone, type Address } from '../../../../shared/domain/address'
import { packageChargeableKg, priceBand } from '../../../../shared/desi'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { hashedReference } from '../carrier-keys'

/**
 * customerDeliveryNo and the sendDeliveryOrderEnhanced body (docs/reference/carriers.md §6, HJ-DOCS). The number
 * is ours: 9–16 characters, unique, "prefixed with the company code" (HJ-DOCS example
 * HJT1234567890123), and it is the barcode and the tracking number. We derive it from the
 * idempotency key, so every retry and every lookup after a lost answer uses the same one.
 */
export const CUSTOMER_DELIVERY_NO_LENGTH = 16
/** Leaves at least 8 hash characters (36^8 ≈ 2.8e12 values) after the prefix. */
export const MAX_PREFIX_LENGTH = 8

/** Settings HepsiJET issues with the account (§6), plus the product we ship with. */
export type HepsiJetAccountSettings = Readonly<{
  company: Readonly<{ name: string; abbreviationCode: string }>
  senderAddressId: string
  xDockCode: string
  productCode: string
}>

const invalid = (message: string, field: string) => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })

export function checkBarcodePrefix(prefix: string): string {
  if (!/^[A-Za-z0-9]+$/.test(prefix) || prefix.length > MAX_PREFIX_LENGTH) {
    throw invalid(
      `HepsiJET barcode prefix "${prefix}" must be 1-${MAX_PREFIX_LENGTH} letters or digits; set barcodePrefix when the company code does not fit`,
      'barcodePrefix',
    )
  }
  return prefix
}

/** prefix + base-36 digits of SHA-256(idempotencyKey), 16 characters in all. Pure and deterministic. */
export function customerDeliveryNoFor(idempotencyKey: string, prefix: string): string {
  return hashedReference(idempotencyKey, checkBarcodePrefix(prefix), CUSTOMER_DELIVERY_NO_LENGTH, 'a HepsiJET shipment')
}

/** A customerDeliveryNo as HepsiJET accepts it: 9–16 letters/digits (§6). */
export function isCustomerDeliveryNo(value: string): boolean {
  return /^[A-Za-z0-9_-]{9,16}$/.test(value)
}

export type HjSenderAddress = { companyAddressId: string; country: { name: string }; city?: { name: string }; town?: { name: string }; addressLine1?: string }

export type HjAddress = {
  companyAddressId: string
  country: { name: string }
  city: { name: string }
  town: { name: string }
  district?: { name: string }
  addressLine1: string
}

/** The body of POST /rest/delivery/sendDeliveryOrderEnhanced, field names as docs/reference/carriers.md §6. */
export type DeliveryOrderRequest = {
  company: { name: string; abbreviationCode: string }
  delivery: {
    customerDeliveryNo: string
    customerOrderId: string
    totalParcels: string
    desi: string
    deliveryType: 'RETAIL'
    deliverySlotOriginal: string
    deliveryDateOriginal: string
    product: { productCode: string }
    receiver: { companyCustomerId: string; firstName: string; lastName: string; phone1: string; email?: string }
    recipientPerson: string
    recipientPersonPhone1: string
    recipientAddress: HjAddress
    senderAddress: HjSenderAddress
    deliveryContent: { sku: string; description: string; quantity: number }[]
  }
  currentXDock: { abbreviationCode: string }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

/** "Hürriyet Mah. 1662. Sk." → "Hürriyet": the mahalle HepsiJET calls district, when the address names one. */
export function mahalleOf(address: string): string | null {
  const m = /(?:^|[\s,.;:/])(\p{L}+(?:\s\p{L}+)?)\s+(?:mahallesi|mahalle|mah\.?|mh\.?)(?=[\s,.;:/]|$)/iu.exec(oneLine(address))
  return m?.[1] ?? null
}

/** "Ayşe Nur Yılmaz" → first "Ayşe Nur", last "Yılmaz"; one word → last name "." (HepsiJET wants both). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = oneLine(name).split(' ').filter(Boolean)
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '.' }
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' }
}

function place(a: Address, role: 'recipient', companyAddressId: string): HjAddress {
  const [city, town, line] = [oneLine(a.city), oneLine(a.district), oneLine(a.address)]
  if (city === '' || town === '')
    throw invalid(`${role} address needs il and ilçe: HepsiJET matches places by name`, `${role}.${city === '' ? 'city' : 'district'}`)
  if (line === '') throw invalid(`${role} address line is empty`, `${role}.address`)
  const mahalle = mahalleOf(line)
  return {
    companyAddressId,
    country: { name: 'Türkiye' },
    city: { name: city },
    town: { name: town },
    ...(mahalle ? { district: { name: mahalle } } : {}),
    addressLine1: line,
  }
}

/** The sender is known to HepsiJET by its address id (§6); the names travel along when we have them. */
function senderPlace(a: Address, companyAddressId: string): HjSenderAddress {
  const [city, town, line] = [oneLine(a.city), oneLine(a.district), oneLine(a.address)]
  return {
    companyAddressId,
    country: { name: 'Türkiye' },
    ...(city ? { city: { name: city } } : {}),
    ...(town ? { town: { name: town } } : {}),
    ...(line ? { addressLine1: line } : {}),
  }
}

/** Per parcel: ceil(max(kg, desi)), the integer HepsiJET's samples use (docs/reference/carriers.md §11). */
export function parcelDesi(request: Pick<ShipmentRequest, 'packages'>): number[] {
  if (request.packages.length === 0) throw invalid('a HepsiJET shipment needs at least one package', 'packages')
  return request.packages.map((p) => {
    const values = [p.lengthMm, p.widthMm, p.heightMm, p.weightGrams]
    if (!values.every((v) => Number.isInteger(v) && v >= 0)) throw invalid(`package ${p.index} has a negative or fractional measure`, `packages.${p.index}`)
    return priceBand(packageChargeableKg(p))
  })
}

/** Turkey's date (UTC+3 all year) as YYYY-MM-DD: deliveryDateOriginal is the day the shipment is created. */
export function trDate(ms: number): string {
  return new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10)
}

const STANDARD_SERVICE = new Set(['', 'HX_STD', 'STANDARD'])

/** The request body for one shipment; checks our data first so a bad order costs no request. */
export function buildDeliveryOrder(request: ShipmentRequest, customerDeliveryNo: string, s: HepsiJetAccountSettings, nowMs: number): DeliveryOrderRequest {
  const service = request.serviceCode.trim().toUpperCase()
  if (!STANDARD_SERVICE.has(service) && service !== s.productCode.toUpperCase()) {
    throw new AppError(
      ErrorCode.carrierServiceUnsupported,
      `HepsiJET service "${request.serviceCode}" is not configured; this connector ships ${s.productCode}`,
      { meta: { serviceCode: request.serviceCode } },
    )
  }
  if (request.codAmountKurus !== null && request.codAmountKurus > 0) {
    // sendDeliveryOrderEnhanced as documented (§6) has no cash-on-delivery field.
    throw new AppError(ErrorCode.carrierServiceUnsupported, 'HepsiJET integration has no cash-on-delivery: choose another carrier for COD orders', {
      meta: { codAmountKurus: request.codAmountKurus },
    })
  }
  const r = request.recipient
  const phone = normalizeTrPhone(r.phone)
  if (!phone) throw invalid(`recipient phone "${r.phone ?? ''}" is not a Turkish number; HepsiJET needs one to deliver`, 'recipient.phone')
  const name = oneLine(r.name)
  if (name === '') throw invalid('recipient name is empty', 'recipient.name')
  const desi = parcelDesi(request)
  const email = r.email?.trim()
  return {
    company: { name: s.company.name, abbreviationCode: s.company.abbreviationCode },
    delivery: {
      customerDeliveryNo,
      customerOrderId: request.orderNumber,
      // HJ-DOCS samples send these as strings ("totalParcels": "4", "desi": "9").
      totalParcels: String(request.packages.length),
      desi: String(desi.reduce((a, b) => a + b, 0)),
      deliveryType: 'RETAIL',
      // HJ-DOCS: "0" for standard delivery (HX_STD); same/next-day slots are not supported here.
      deliverySlotOriginal: '0',
      deliveryDateOriginal: trDate(nowMs),
      product: { productCode: s.productCode },
      receiver: {
        companyCustomerId: `KJ${createHash('sha256').update(`${name}|${phone}`).digest('hex').slice(0, 14).toUpperCase()}`,
        ...splitName(name),
        phone1: phone,
        ...(email ? { email } : {}),
      },
      recipientPerson: name,
      recipientPersonPhone1: phone,
      // One address id per delivery, so HepsiJET never reuses an older address stored under the same id.
      recipientAddress: place(r, 'recipient', `A${customerDeliveryNo}`),
      senderAddress: senderPlace(request.sender, s.senderAddressId),
      deliveryContent: [{ sku: request.orderNumber, description: request.description?.trim() || `Sipariş ${request.orderNumber}`, quantity: 1 }],
    },
    currentXDock: { abbreviationCode: s.xDockCode },
  }
}
