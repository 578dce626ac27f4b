import { createHash } from 'node:crypto'
import { normalizeTrPhone, type Address } from '../../../../shared/domain/address'
import type { MeasuredPackage } from '../../../../shared/domain/box'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { liraFromKurus } from '../../../../shared/money'
import type { ShipmentRequest } from '../carrier.port'
import type { MngPlaceCodes } from './mng.places'

/**
 * Request bodies of docs/reference/carriers.md §3 (createOrder, createbarcode, calculate) from a ShipmentRequest,
 * and the referenceId we derive from the idempotency key. Our own data is checked here, before any
 * call: a bad order costs no request and loses nothing.
 */

/** Enums as clients use them (§3, M confidence): paymentType 1 sender / 2 receiver / 3 platform; packagingType 3 koli; deliveryType 1 to address. */
export const MngPaymentType = { sender: 1, receiver: 2, platform: 3 } as const
export type MngPaymentType = (typeof MngPaymentType)[keyof typeof MngPaymentType]

export type MngOrderSettings = Readonly<{ paymentType: MngPaymentType; packagingType: number; deliveryType: number }>

export const DEFAULT_ORDER_SETTINGS: MngOrderSettings = { paymentType: MngPaymentType.sender, packagingType: 3, deliveryType: 1 }

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * "KJ" + 18 Crockford base-32 characters of SHA-256(idempotencyKey): 20 upper-case ASCII characters
 * (§3: referenceId upper-case ASCII, barcode = referenceId; no length is documented, 20 stays well
 * inside every limit clients use). Deterministic, so every retry and every later session finds the
 * same order at MNG.
 */
export function mngReferenceId(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '')
    throw new AppError(ErrorCode.inputInvalid, 'an idempotency key is needed to ship with MNG Kargo', { meta: { field: 'idempotencyKey' } })
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest()
  let out = 'KJ'
  for (let i = 0; out.length < 20; i++) out += CROCKFORD[(digest[i] ?? 0) % 32]
  return out
}

export function isMngReferenceId(value: string): boolean {
  return /^KJ[0-9A-HJKMNP-TV-Z]{18}$/.test(value)
}

/** §3 skeleton: orderPieceList[{barcode:"REF_PARCA1",…}]. */
export const pieceBarcode = (referenceId: string, pieceNumber: number): string => `${referenceId}_PARCA${pieceNumber}`

/** §11: desi = L×W×H cm / 3000, sent as an integer rounded up (MNG wants ints); at least 1. */
export function desiOf(p: MeasuredPackage): number {
  return Math.max(1, Math.ceil((p.lengthMm * p.widthMm * p.heightMm) / 3_000_000))
}

/** Weight in whole kg, rounded up; at least 1. */
export function kgOf(p: MeasuredPackage): number {
  return Math.max(1, Math.ceil(p.weightGrams / 1000))
}

/** serviceCode → shipmentServiceType: "1" (standard, the default) or another number MNG gave the account. */
export function shipmentServiceTypeOf(serviceCode: string): number {
  const s = serviceCode.trim()
  if (s === '' || /^standar[dt]$/i.test(s)) return 1
  if (/^[1-9]\d{0,2}$/.test(s)) return Number(s)
  throw new AppError(ErrorCode.inputInvalid, `MNG Kargo service code must be a shipmentServiceType number such as "1" (standard), got "${serviceCode}"`, {
    meta: { field: 'serviceCode' },
  })
}

const invalid = (message: string, field: string) => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

export function checkPackages(packages: readonly MeasuredPackage[]): void {
  if (packages.length === 0) throw invalid('an MNG Kargo shipment needs at least one package', 'packages')
  for (const [i, p] of packages.entries()) {
    for (const key of ['lengthMm', 'widthMm', 'heightMm', 'weightGrams'] as const) {
      if (!Number.isInteger(p[key]) || p[key] <= 0) throw invalid(`package ${i + 1}: ${key} must be a positive integer, got ${p[key]}`, `packages.${i}.${key}`)
    }
  }
}

/** The recipient fields we can check without MNG: name, address, il/ilçe and a 10-digit phone (§3). */
export function checkRecipient(a: Address): { fullName: string; address: string; phone: string } {
  const fullName = oneLine(a.name)
  if (fullName === '') throw invalid('the recipient has no name', 'recipient.name')
  const address = oneLine(a.address)
  if (address === '') throw invalid('the recipient has no address', 'recipient.address')
  if (oneLine(a.city) === '' || oneLine(a.district) === '') throw invalid('the recipient needs both il and ilçe', 'recipient.city')
  const phone = normalizeTrPhone(a.phone)
  if (!phone) throw invalid(`recipient phone "${a.phone ?? ''}" is not a 10-digit Turkish number (MNG Kargo requires one)`, 'recipient.phone')
  return { fullName, address, phone }
}

function codOf(request: ShipmentRequest): { isCOD: 0 | 1; codAmount: number } {
  const kurus = request.codAmountKurus
  if (kurus === null || kurus === 0) return { isCOD: 0, codAmount: 0 }
  if (!Number.isInteger(kurus) || kurus < 0) throw invalid(`COD amount must be a positive number of kuruş, got ${kurus}`, 'codAmountKurus')
  return { isCOD: 1, codAmount: liraFromKurus(kurus) }
}

/** Everything createShipment can check before its first call. */
export function checkShipmentRequest(request: ShipmentRequest): void {
  checkPackages(request.packages)
  checkRecipient(request.recipient)
  shipmentServiceTypeOf(request.serviceCode)
  codOf(request)
}

const pieces = (referenceId: string, packages: readonly MeasuredPackage[], content: string) =>
  packages.map((p, i) => ({ barcode: pieceBarcode(referenceId, i + 1), desi: desiOf(p), kg: kgOf(p), content }))

const contentOf = (request: ShipmentRequest) => oneLine(request.description ?? '') || 'Paket'

export function buildCreateOrderBody(request: ShipmentRequest, referenceId: string, place: MngPlaceCodes, settings: MngOrderSettings = DEFAULT_ORDER_SETTINGS) {
  checkPackages(request.packages)
  const r = checkRecipient(request.recipient)
  const content = contentOf(request)
  return {
    order: {
      referenceId,
      barcode: referenceId, // §3: "barcode must equal referenceId"
      billOfLandingId: '',
      ...codOf(request),
      shipmentServiceType: shipmentServiceTypeOf(request.serviceCode),
      packagingType: settings.packagingType,
      content,
      smsPreference1: 0,
      smsPreference2: 0,
      smsPreference3: 0,
      paymentType: settings.paymentType,
      deliveryType: settings.deliveryType,
      description: `Sipariş ${oneLine(request.orderNumber)}`,
      marketPlaceShortCode: '',
      marketPlaceSaleCode: '',
      pudoId: '',
    },
    orderPieceList: pieces(referenceId, request.packages, content),
    recipient: {
      // §3: never customerId and fullName together; we always send the person, so customerId stays empty.
      customerId: '',
      refCustomerId: '',
      cityCode: place.cityCode,
      cityName: place.cityName,
      districtCode: place.districtCode,
      districtName: place.districtName,
      address: r.address,
      fullName: r.fullName,
      mobilePhoneNumber: r.phone,
      homePhoneNumber: '',
      bussinessPhoneNumber: '', // sic: the spec's spelling
      email: request.recipient.email?.trim() ?? '',
      taxOffice: '',
      taxNumber: '',
    },
  }
}
export type MngCreateOrderBody = ReturnType<typeof buildCreateOrderBody>

/** §3: createbarcode repeats referenceId, billOfLandingId, isCOD, codAmount, packagingType, … and the pieces. */
export function buildCreateBarcodeBody(request: ShipmentRequest, referenceId: string, settings: MngOrderSettings = DEFAULT_ORDER_SETTINGS) {
  const content = contentOf(request)
  return {
    referenceId,
    billOfLandingId: '',
    ...codOf(request),
    packagingType: settings.packagingType,
    printReferenceBarcodeOnError: 0,
    message: '',
    additionalContent1: '',
    additionalContent2: '',
    additionalContent3: '',
    additionalContent4: '',
    orderPieceList: pieces(referenceId, request.packages, content),
  }
}

export type MngQuoteInput = Readonly<{
  /** Recipient il/ilçe (resolved to CBS codes). */
  city: string
  district: string
  packages: readonly MeasuredPackage[]
  serviceCode?: string
  paymentType?: MngPaymentType
  /** Not documented beyond its name (§13 "pickUpType only in calculate"); default from the connector options. */
  pickUpType?: number
}>

export function buildCalculateBody(input: MngQuoteInput, place: MngPlaceCodes, settings: MngOrderSettings, pickUpType: number) {
  checkPackages(input.packages)
  return {
    shipmentServiceType: shipmentServiceTypeOf(input.serviceCode ?? '1'),
    packagingType: settings.packagingType,
    paymentType: input.paymentType ?? settings.paymentType,
    pickUpType: input.pickUpType ?? pickUpType,
    deliveryType: settings.deliveryType,
    cityCode: place.cityCode,
    districtCode: place.districtCode,
    orderPieceList: input.packages.map((p) => ({ desi: desiOf(p), kg: kgOf(p) })),
  }
}
