import { normalizeTrPhone, trUpper } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import type { ArasLabelPlan } from './aras.keys'
import type { ArasOrder, PieceDetail } from './aras.soap'

/**
 * ShipmentRequest → SetOrder Order (docs/reference/carriers.md §2), with the documented limits checked first so a
 * bad order costs no request and the message names the field (the codes Aras would answer are noted).
 */

/** PayorTypeCode: 1 sender pays, 2 receiver pays (docs/reference/carriers.md §2). */
export const PayorType = { sender: '1', receiver: '2' } as const

const PAYOR_BY_SERVICE: Readonly<Record<string, string>> = {
  '': PayorType.sender,
  standard: PayorType.sender,
  GO: PayorType.sender,
  senderPays: PayorType.sender,
  codCash: PayorType.sender,
  codCard: PayorType.sender,
  AO: PayorType.receiver,
  receiverPays: PayorType.receiver,
}

/** COD limits of 70026: 5–5000 TL. */
export const COD_MIN_KURUS = 500
export const COD_MAX_KURUS = 500_000

function invalid(message: string, field: string): never {
  throw new AppError(ErrorCode.inputInvalid, message, { meta: { field } })
}

const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()

/**
 * A Double(9,3) / String(6) measure as text: up to 3 decimals, fewer when the text would pass
 * `maxChars`, never 0 (a zero reads as "not sent").
 */
export function formatMeasure(value: number, maxChars: number): string {
  for (let decimals = 3; decimals >= 0; decimals--) {
    let text = Math.max(value, 10 ** -decimals).toFixed(decimals)
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
    if (text.length <= maxChars) return text
  }
  return invalid(`measure ${value} does not fit Aras's ${maxChars}-character field`, 'packages')
}

/** Domestic desi = L×W×H (cm) / 3000 (docs/reference/carriers.md §11), from millimetres. */
export function desiOf(p: Readonly<{ lengthMm: number; widthMm: number; heightMm: number }>): number {
  return (p.lengthMm * p.widthMm * p.heightMm) / 3_000_000
}

export type OrderOptions = Readonly<{ payorTypeCode?: '1' | '2' }>

/** The Order for one shipment; the credentials are added by the envelope builder. */
export function buildArasOrder(request: ShipmentRequest, plan: ArasLabelPlan, options: OrderOptions = {}): ArasOrder {
  const r = request.recipient
  const name = oneLine(r.name)
  if (name === '') invalid('Aras needs the recipient name (936)', 'recipient.name')
  if (name.length > 100) invalid(`recipient name is ${name.length} characters; Aras takes at most 100 (934)`, 'recipient.name')
  const address = oneLine(r.address)
  if (address === '') invalid('Aras needs the recipient address (936)', 'recipient.address')
  if (address.length > 250) invalid(`recipient address is ${address.length} characters; Aras takes at most 250 (70018)`, 'recipient.address')
  const city = trUpper(oneLine(r.city))
  const town = trUpper(oneLine(r.district))
  // 936: "Şehir/İlçe adı girilmeli (Maks 32 karakter)".
  if (city === '' || city.length > 32) invalid(`recipient il "${city}" must be 1–32 characters for Aras (936)`, 'recipient.city')
  if (town === '' || town.length > 32) invalid(`recipient ilçe "${town}" must be 1–32 characters for Aras (936)`, 'recipient.district')
  const phone = normalizeTrPhone(r.phone)
  if (!phone) invalid(`recipient phone "${r.phone ?? ''}" is not a 10-digit Turkish number; Aras requires one (935)`, 'recipient.phone')

  const service = request.serviceCode.trim()
  const payor = options.payorTypeCode ?? PAYOR_BY_SERVICE[service]
  if (!payor) invalid(`Aras service code must be GO, AO, codCash or codCard, got "${request.serviceCode}"`, 'serviceCode')
  const cod = request.codAmountKurus !== null && request.codAmountKurus > 0
  if ((service === 'codCash' || service === 'codCard') && !cod) invalid(`shipment ${request.referenceNo}: ${service} needs a COD amount`, 'codAmountKurus')
  if (cod && payor === PayorType.receiver) invalid(`shipment ${request.referenceNo}: Aras does not take receiver-pays cash on delivery (936)`, 'serviceCode')
  const codKurus = request.codAmountKurus ?? 0
  if (cod && (!Number.isInteger(codKurus) || codKurus < COD_MIN_KURUS || codKurus > COD_MAX_KURUS)) {
    invalid(`COD amount must be 5–5000 TL for Aras (70026), got ${codKurus / 100} TL`, 'codAmountKurus')
  }

  request.packages.forEach((p, i) => {
    if (![p.lengthMm, p.widthMm, p.heightMm, p.weightGrams].every((v) => Number.isFinite(v) && v > 0)) {
      invalid(`parcel ${i + 1} of ${request.referenceNo} needs positive dimensions and weight`, `packages.${i}`)
    }
  })
  const pieces: PieceDetail[] = request.packages.map((p, i) => ({
    VolumetricWeight: formatMeasure(desiOf(p), 6), // PieceDetail String(6)
    Weight: formatMeasure(p.weightGrams / 1000, 6),
    BarcodeNumber: plan.pieceBarcodes[i] as string,
  }))
  const totalDesi = request.packages.reduce((s, p) => s + desiOf(p), 0)
  const totalKg = request.packages.reduce((s, p) => s + p.weightGrams / 1000, 0)
  const orderNumber = oneLine(request.orderNumber)
  const description = oneLine(request.description)

  return {
    // Required String(16): our 16-digit code is unique and stable, the order number may not fit.
    TradingWaybillNumber: plan.integrationCode,
    InvoiceNumber: orderNumber !== '' && orderNumber.length <= 20 ? orderNumber : undefined,
    ReceiverName: name,
    ReceiverAddress: address,
    ReceiverPhone1: phone,
    ReceiverCityName: city,
    ReceiverTownName: town,
    VolumetricWeight: formatMeasure(totalDesi, 12), // Double(9,3)
    Weight: formatMeasure(totalKg, 12),
    PieceCount: String(request.packages.length),
    SpecialField1: orderNumber === '' ? undefined : orderNumber.slice(0, 200),
    CodAmount: cod ? (codKurus / 100).toFixed(2) : undefined,
    CodCollectionType: cod ? (service === 'codCard' ? '1' : '0') : undefined,
    CodBillingType: cod ? '0' : undefined, // doc: always "0"
    IntegrationCode: plan.integrationCode,
    Description: description === '' ? undefined : description.slice(0, 255),
    PayorTypeCode: payor,
    IsWorldWide: '0',
    IsCod: cod ? '1' : '0',
    PieceDetails: pieces,
  }
}
