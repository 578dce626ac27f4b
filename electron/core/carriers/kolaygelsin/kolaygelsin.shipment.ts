import { parseTrPhone, type Address } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { hashedReference } from '../carrier-keys'

/**
 * Our keys and the SaveRecipient / SaveIntegrationShipment bodies (docs/reference/carriers.md §7, field names
 * as [KG] api-docs.md). CustomerSpecificCode is derived from the idempotency key, so every retry
 * and every GetCorporateShipmentsStatus lookup after a lost answer names the same shipment; each
 * parcel's CustomerBarcode is that code plus its number ("Müşteri barkodu ile taşıma yapmayı
 * tercih etmekteyiz": Kolay Gelsin carries on the shipper's barcode, which our own label prints).
 */
export const CODE_LENGTH = 18
export const DEFAULT_CODE_PREFIX = 'KJ'
/** Two digits per parcel number. */
export const MAX_PARCELS = 99

const invalid = (message: string, field: string) => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })

export function checkCodePrefix(prefix: string): string {
  if (!/^[A-Z][A-Z0-9]{0,5}$/.test(prefix))
    throw invalid(`Kolay Gelsin code prefix "${prefix}" must be 1-6 capitals/digits starting with a letter`, 'codePrefix')
  return prefix
}

/** prefix + base-36 of SHA-256(idempotencyKey), 18 characters. Pure. */
export function kgCustomerSpecificCodeFor(idempotencyKey: string, prefix = DEFAULT_CODE_PREFIX): string {
  return hashedReference(idempotencyKey, checkCodePrefix(prefix), CODE_LENGTH, 'a Kolay Gelsin shipment')
}

/** Parcel `index` (0-based) → code + 2-digit number: "KJ…01", "KJ…02". */
export const kgParcelBarcode = (code: string, index: number): string => `${code}${String(index + 1).padStart(2, '0')}`

/** What a tracking input names: Kolay Gelsin's ShipmentId (digits), one of our parcel barcodes, or a CustomerSpecificCode. */
export type KgKeyKind = 'shipmentId' | 'barcode' | 'code'

export function kgKeyKind(value: string, prefix = DEFAULT_CODE_PREFIX): KgKeyKind {
  if (/^\d+$/.test(value)) return 'shipmentId'
  if (value.length === CODE_LENGTH + 2 && value.startsWith(prefix) && /^[A-Z0-9]+\d{2}$/.test(value)) return 'barcode'
  return 'code'
}

export type KgAccount = Readonly<{ customerId: number; addressId: number }>

export type KgShipmentSettings = Readonly<{
  /** 1 Dosya, 2 Koli. */
  packageType: 1 | 2
  /** 1 sender pays, 2 recipient pays. */
  payingParty: 1 | 2
  senderBrand?: string
  /** SaveOutOfCoverage: keep a recipient outside the courier area (the shipment is then refused later or handed over). */
  saveOutOfCoverage: boolean
}>

/** "Ayşe Nur Demir" → name "Ayşe Nur", surname "Demir"; a single word gets "-" as surname (both are required for individuals). */
export function splitName(full: string): { name: string; surname: string } {
  const words = full.trim().split(/\s+/).filter(Boolean)
  if (words.length <= 1) return { name: words[0] ?? '', surname: '-' }
  return { name: words.slice(0, -1).join(' '), surname: words.at(-1) as string }
}

/** SaveRecipient (individual recipient, RecipientType 1); CityId is the plate code. */
export function buildSaveRecipient(r: Address, cityId: number, s: KgShipmentSettings): Record<string, unknown> {
  const { name, surname } = splitName(r.name)
  const phone = parseTrPhone(r.phone)
  return {
    RecipientType: 1,
    RecipientName: name,
    RecipientSurname: surname,
    Email: r.email ?? '',
    Gsm: phone?.national ?? '',
    OnlyDeliverToRecipient: false,
    SaveOutOfCoverage: s.saveOutOfCoverage,
    Address: {
      AddressTypeId: 1,
      AddressText: [r.address.trim(), r.district.trim(), r.city.trim()].filter(Boolean).join(' '),
      PostalCode: r.postalCode ?? '',
      CityId: cityId,
      TownName: r.district.trim(),
    },
  }
}

/** Whole units, rounded up, at least 1: the published schema types the sizes and the weight `integer`. */
const wholeUp = (v: number) => Math.max(1, Math.ceil(v - 1e-9))

/**
 * SaveIntegrationShipment (protocols/kolaygelsin/swagger.json, SaveShipmentBodyModel) with the saved
 * RecipientId; sizes in whole cm and weight in whole kg, rounded up ([KG]: "Kilogram cinsinden").
 */
export function buildIntegrationShipment(
  request: ShipmentRequest,
  code: string,
  recipientId: number,
  account: KgAccount,
  s: KgShipmentSettings,
): Record<string, unknown> {
  const n = request.packages.length
  if (n === 0 || n > MAX_PARCELS) throw invalid(`a Kolay Gelsin shipment takes 1-${MAX_PARCELS} parcels, got ${n}`, 'packages')
  const cod = request.codAmountKurus ?? 0
  if (!Number.isInteger(cod) || cod < 0) throw invalid(`COD amount must be whole kuruş ≥ 0, got ${cod}`, 'codAmountKurus')
  const content = request.description?.trim() || `Sipariş ${request.orderNumber}`
  return {
    SenderCustomer: { CustomerId: account.customerId, Address: { AddressId: account.addressId } },
    Recipient: { RecipientId: recipientId },
    PackageType: s.packageType,
    PayingParty: s.payingParty,
    OnlyDeliverToRecipient: false,
    ...(s.senderBrand ? { SenderBrand: s.senderBrand } : {}),
    CustomerSpecificCode: code,
    ShipmentItemList: request.packages.map((p, i) => ({
      Width: wholeUp(p.widthMm / 10),
      Length: wholeUp(p.lengthMm / 10),
      Height: wholeUp(p.heightMm / 10),
      Weight: wholeUp(p.weightGrams / 1000),
      ContentText: content,
      HasCommercialValue: false,
      CustomerBarcode: kgParcelBarcode(code, i),
      // The swagger marks CustomerTrackingId required per item; the barcode is our per-parcel id.
      CustomerTrackingId: kgParcelBarcode(code, i),
    })),
    // "SAMEDAY" only when the order asks for same-day delivery; otherwise left out ([KG]).
    ...(request.serviceCode.trim().toUpperCase() === 'SAMEDAY' ? { ProductCodeList: ['SAMEDAY'] } : {}),
    ...(cod > 0 ? { SenderInvoiceAmount: cod / 100 } : {}),
  }
}
