import { createHash } from 'node:crypto'
import { parseTrPhone, TrPhoneKind } from '../../../../shared/domain/address'
import type { MeasuredPackage } from '../../../../shared/domain/box'
import { packageDesi } from '../../../../shared/desi'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import type { SoapFields } from './surat.soap'

/**
 * The `Gonderi` of Sürat's create operations (carriers.md §5) built from a ShipmentRequest, and our
 * OzelKargoTakipNo (= WebSiparisKodu) derived from the idempotency key. Bad input is refused here,
 * before any call, with input.invalid naming the field.
 */

/** "KJ" + 16 hex digits of SHA-256(idempotency key): fixed length, letters/digits only (HT keeps keys barcode-safe). */
export function suratKeyFor(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '') throw new AppError(ErrorCode.inputInvalid, 'an idempotency key is required to create a Sürat shipment', { meta: { field: 'idempotencyKey' } })
  return `KJ${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 16).toUpperCase()}`
}

export function isSuratKey(value: string): boolean {
  return /^KJ[0-9A-F]{16}$/.test(value)
}

/** serviceCode values: OdemeTipi 1/2 and TeslimSekli 1/2 (carriers.md §5). '' means standard. */
export const SuratServiceCode = {
  /** Sender pays (OdemeTipi 1), delivery to the address (TeslimSekli 1). */
  standard: 'standard',
  /** Receiver pays (OdemeTipi 2). */
  receiverPays: 'receiverPays',
  /** Recipient collects at the branch (TeslimSekli 2). */
  branchPickup: 'branchPickup',
} as const
export type SuratServiceCode = (typeof SuratServiceCode)[keyof typeof SuratServiceCode]

export type SuratGonderiOptions = Readonly<{
  /** KargoTuru: 1 file, 2 mi, 3 box (carriers.md §5). Default 3. */
  kargoTuru?: 1 | 2 | 3
  /** KapidanOdemeTahsilatTipi for COD: cash (1) or card on POS (2). Default cash. */
  codCollection?: 'cash' | 'pos'
  /** EkHizmetler, comma-separated (e.g. "AliciyaSms"); omitted when empty. */
  ekHizmetler?: string
}>

const invalid = (field: string, message: string): AppError => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })

/**
 * Adet, BirimDesi, BirimKg: Sürat takes one unit size per shipment, as integers (carriers.md §11:
 * clients ceil Sürat's BirimDesi). Each piece's desi and kg are ceiled, then the per-unit value is
 * the ceiling of their mean, so Adet × Birim… is never below what the pieces really are.
 */
export function unitMeasures(packages: readonly MeasuredPackage[]): Readonly<{ adet: number; birimDesi: number; birimKg: number }> {
  if (packages.length === 0) throw invalid('packages', 'a Sürat shipment needs at least one package')
  let desi = 0
  let kg = 0
  for (const p of packages) {
    for (const [name, v] of [['lengthMm', p.lengthMm], ['widthMm', p.widthMm], ['heightMm', p.heightMm], ['weightGrams', p.weightGrams]] as const) {
      if (!Number.isSafeInteger(v) || v <= 0) throw invalid(`packages[${p.index}].${name}`, `package ${p.index}: ${name} must be a positive integer, got ${v}`)
    }
    desi += Math.max(1, Math.ceil(packageDesi(p)))
    kg += Math.max(1, Math.ceil(p.weightGrams / 1000))
  }
  const adet = packages.length
  return { adet, birimDesi: Math.ceil(desi / adet), birimKg: Math.ceil(kg / adet) }
}

/** "150.50": invariant-culture decimal lira (the field is a string in Sürat's model). */
export function liraText(kurus: number): string {
  return `${Math.floor(kurus / 100)}.${String(kurus % 100).padStart(2, '0')}`
}

function required(value: string | null | undefined, field: string, what: string): string {
  const v = (value ?? '').trim()
  if (v === '') throw invalid(field, `Sürat needs the recipient's ${what}`)
  return v
}

/**
 * The Gonderi children in the order of Sürat's GonderiModel (omniship's SOAP client): .NET's
 * XmlSerializer reads a sequence in order, so the order is part of the contract.
 */
export function buildGonderi(request: ShipmentRequest, key: string, options: SuratGonderiOptions = {}): SoapFields {
  const r = request.recipient
  const service = request.serviceCode.trim() === '' ? SuratServiceCode.standard : request.serviceCode.trim()
  if (!Object.values(SuratServiceCode).includes(service as SuratServiceCode)) {
    throw new AppError(ErrorCode.carrierServiceUnsupported, `Sürat has no service "${request.serviceCode}" (use ${Object.values(SuratServiceCode).join(', ')})`, { meta: { serviceCode: request.serviceCode } })
  }
  const name = required(r.name, 'recipient.name', 'name (KisiKurum)')
  const address = required(r.address, 'recipient.address', 'address (AliciAdresi)')
  const il = required(r.city, 'recipient.city', 'il')
  const ilce = required(r.district, 'recipient.district', 'ilçe')
  let telefonCep: string | undefined
  let telefonEv: string | undefined
  if ((r.phone ?? '').trim() !== '') {
    const phone = parseTrPhone(r.phone)
    if (!phone) throw invalid('recipient.phone', `"${r.phone}" is not a Turkish phone number`)
    // HT: TelefonCep must start with 05 (022) and have the trunk 0; a landline goes to TelefonEv
    // (a GonderiModel field in omniship and Sürat's Swagger, not in carriers.md's list).
    if (phone.kind === TrPhoneKind.mobile) telefonCep = `0${phone.national}`
    else telefonEv = `0${phone.national}`
  }
  const cod = request.codAmountKurus
  if (cod !== null && (!Number.isSafeInteger(cod) || cod < 0)) throw invalid('codAmountKurus', `the COD amount must be whole kuruş ≥ 0, got ${cod}`)
  const hasCod = cod !== null && cod > 0
  const { adet, birimDesi, birimKg } = unitMeasures(request.packages)
  const email = (r.email ?? '').trim()
  const content = (request.description ?? '').trim()
  return [
    ['KisiKurum', name],
    ['AliciAdresi', address],
    ['Il', il],
    ['Ilce', ilce],
    ['TelefonEv', telefonEv],
    ['TelefonCep', telefonCep],
    ['Email', email === '' ? undefined : email],
    ['KargoTuru', options.kargoTuru ?? 3],
    ['OdemeTipi', service === SuratServiceCode.receiverPays ? 2 : 1],
    ['ReferansNo', request.referenceNo.trim() || request.orderNumber],
    ['OzelKargoTakipNo', key],
    ['Adet', adet],
    ['BirimDesi', String(birimDesi)],
    ['BirimKg', String(birimKg)],
    ['KargoIcerigi', content === '' ? undefined : content],
    // 0 = no COD (what HT and omniship send); 1 cash, 2 POS (carriers.md §5).
    ['KapidanOdemeTahsilatTipi', hasCod ? (options.codCollection === 'pos' ? 2 : 1) : 0],
    ['KapidanOdemeTutari', hasCod ? liraText(cod) : undefined],
    ['EkHizmetler', options.ekHizmetler?.trim() || undefined],
    ['TeslimSekli', service === SuratServiceCode.branchPickup ? 2 : 1],
    ['Iademi', false],
  ]
}
