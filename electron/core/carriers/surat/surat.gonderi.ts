import { createHash } from 'node:crypto'
import { parseTrPhone, TrPhoneKind, type Address } from '../../../../shared/domain/address'
import type { MeasuredPackage } from '../../../../shared/domain/box'
import { packageDesi } from '../../../../shared/desi'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ReturnRequest, ShipmentRequest } from '../carrier.port'
import type { SoapFields } from './surat.soap'

/**
 * The `Gonderi` of Sürat's create operations (docs/reference/carriers.md §5) built from a ShipmentRequest, and our
 * OzelKargoTakipNo (= WebSiparisKodu) derived from the idempotency key. Bad input is refused here,
 * before any call, with input.invalid naming the field.
 */

/** "KJ" + 16 hex digits of SHA-256(idempotency key): fixed length, letters/digits only (HT keeps keys barcode-safe). */
export function suratKeyFor(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '')
    throw new AppError(ErrorCode.inputInvalid, 'an idempotency key is required to create a Sürat shipment', { meta: { field: 'idempotencyKey' } })
  return `KJ${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 16).toUpperCase()}`
}

/**
 * The OzelKargoTakipNo of a return: suratKeyFor over "return\n" + key, so a return never meets the
 * outbound shipment's key (009 would then hand back the outbound parcel), even under a reused key.
 */
export function suratReturnKeyFor(idempotencyKey: string): string {
  if (idempotencyKey.trim() === '')
    throw new AppError(ErrorCode.inputInvalid, 'an idempotency key is required to create a Sürat return', { meta: { field: 'idempotencyKey' } })
  return suratKeyFor(`return\n${idempotencyKey}`)
}

export function isSuratKey(value: string): boolean {
  return /^KJ[0-9A-F]{16}$/.test(value)
}

/** serviceCode values: OdemeTipi 1/2 and TeslimSekli 1/2 (docs/reference/carriers.md §5). '' means standard. */
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
  /** KargoTuru: 1 file, 2 mi, 3 box (docs/reference/carriers.md §5). Default 3. */
  kargoTuru?: 1 | 2 | 3
  /** KapidanOdemeTahsilatTipi for COD: cash (1) or card on POS (2). Default cash. */
  codCollection?: 'cash' | 'pos'
  /** EkHizmetler, comma-separated (e.g. "AliciyaSms"); omitted when empty. */
  ekHizmetler?: string
  /**
   * OdemeTipi of a return (Iademi true). Default 1, the account pays as on its every Gonderi. Unsure:
   * docs/reference/carriers.md gives 1 sender / 2 receiver but not whether Iademi turns them round (then 2 = the
   * warehouse pays); set 2 if Sürat asks the customer to pay a return made with 1.
   */
  returnOdemeTipi?: 1 | 2
}>

const invalid = (field: string, message: string): AppError => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })

/**
 * Adet, BirimDesi, BirimKg: Sürat takes one unit size per shipment, as integers (docs/reference/carriers.md §11:
 * clients ceil Sürat's BirimDesi). Each piece's desi and kg are ceiled, then the per-unit value is
 * the ceiling of their mean, so Adet × Birim… is never below what the pieces really are.
 */
export function unitMeasures(packages: readonly MeasuredPackage[]): Readonly<{ adet: number; birimDesi: number; birimKg: number }> {
  if (packages.length === 0) throw invalid('packages', 'a Sürat shipment needs at least one package')
  let desi = 0
  let kg = 0
  for (const p of packages) {
    for (const [name, v] of [
      ['lengthMm', p.lengthMm],
      ['widthMm', p.widthMm],
      ['heightMm', p.heightMm],
      ['weightGrams', p.weightGrams],
    ] as const) {
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
  if (v === '') throw invalid(field, `Sürat needs the ${what}`)
  return v
}

/**
 * What one Gonderi says. It names one party only (the Alıcı fields): the other end is the account
 * (cari) itself. `party` is that one party and `partyField` its name in the desk's request.
 */
type GonderiShape = Readonly<{
  party: Address
  partyField: 'recipient' | 'sender'
  referenceNo: string
  orderNumber: string
  packages: readonly MeasuredPackage[]
  codAmountKurus: number | null
  description: string | undefined
  odemeTipi: 1 | 2
  teslimSekli: 1 | 2
  iademi: boolean
}>

/**
 * The Gonderi children in the order of Sürat's GonderiModel (omniship's SOAP client): .NET's
 * XmlSerializer reads a sequence in order, so the order is part of the contract.
 */
function gonderiOf(shape: GonderiShape, key: string, options: SuratGonderiOptions): SoapFields {
  const r = shape.party
  const who = shape.partyField === 'recipient' ? "recipient's" : "sender's (the customer's)"
  const name = required(r.name, `${shape.partyField}.name`, `${who} name (KisiKurum)`)
  const address = required(r.address, `${shape.partyField}.address`, `${who} address (AliciAdresi)`)
  const il = required(r.city, `${shape.partyField}.city`, `${who} il`)
  const ilce = required(r.district, `${shape.partyField}.district`, `${who} ilçe`)
  let telefonCep: string | undefined
  let telefonEv: string | undefined
  if ((r.phone ?? '').trim() !== '') {
    const phone = parseTrPhone(r.phone)
    if (!phone) throw invalid(`${shape.partyField}.phone`, `"${r.phone}" is not a Turkish phone number`)
    // HT: TelefonCep must start with 05 (022) and have the trunk 0; a landline goes to TelefonEv
    // (a GonderiModel field in omniship and Sürat's Swagger, not in docs/reference/carriers.md's list).
    if (phone.kind === TrPhoneKind.mobile) telefonCep = `0${phone.national}`
    else telefonEv = `0${phone.national}`
  }
  const cod = shape.codAmountKurus
  if (cod !== null && (!Number.isSafeInteger(cod) || cod < 0)) throw invalid('codAmountKurus', `the COD amount must be whole kuruş ≥ 0, got ${cod}`)
  const hasCod = cod !== null && cod > 0
  const { adet, birimDesi, birimKg } = unitMeasures(shape.packages)
  const email = (r.email ?? '').trim()
  const content = (shape.description ?? '').trim()
  return [
    ['KisiKurum', name],
    ['AliciAdresi', address],
    ['Il', il],
    ['Ilce', ilce],
    ['TelefonEv', telefonEv],
    ['TelefonCep', telefonCep],
    ['Email', email === '' ? undefined : email],
    ['KargoTuru', options.kargoTuru ?? 3],
    ['OdemeTipi', shape.odemeTipi],
    ['ReferansNo', shape.referenceNo.trim() || shape.orderNumber],
    ['OzelKargoTakipNo', key],
    ['Adet', adet],
    ['BirimDesi', String(birimDesi)],
    ['BirimKg', String(birimKg)],
    ['KargoIcerigi', content === '' ? undefined : content],
    // 0 = no COD (what HT and omniship send); 1 cash, 2 POS (docs/reference/carriers.md §5).
    ['KapidanOdemeTahsilatTipi', hasCod ? (options.codCollection === 'pos' ? 2 : 1) : 0],
    ['KapidanOdemeTutari', hasCod ? liraText(cod) : undefined],
    ['EkHizmetler', options.ekHizmetler?.trim() || undefined],
    ['TeslimSekli', shape.teslimSekli],
    ['Iademi', shape.iademi],
  ]
}

/** The Gonderi of an outbound shipment: the recipient in the Alıcı fields, Iademi false. */
export function buildGonderi(request: ShipmentRequest, key: string, options: SuratGonderiOptions = {}): SoapFields {
  const service = request.serviceCode.trim() === '' ? SuratServiceCode.standard : request.serviceCode.trim()
  if (!Object.values(SuratServiceCode).includes(service as SuratServiceCode)) {
    throw new AppError(
      ErrorCode.carrierServiceUnsupported,
      `Sürat has no service "${request.serviceCode}" (use ${Object.values(SuratServiceCode).join(', ')})`,
      { meta: { serviceCode: request.serviceCode } },
    )
  }
  return gonderiOf(
    {
      party: request.recipient,
      partyField: 'recipient',
      referenceNo: request.referenceNo,
      orderNumber: request.orderNumber,
      packages: request.packages,
      codAmountKurus: request.codAmountKurus,
      description: request.description,
      odemeTipi: service === SuratServiceCode.receiverPays ? 2 : 1,
      teslimSekli: service === SuratServiceCode.branchPickup ? 2 : 1,
      iademi: false,
    },
    key,
    options,
  )
}

/**
 * The Gonderi of a return (docs/reference/carriers.md §5 `Iademi`): Iademi true and the customer, who sends the
 * parcel back, in the Alıcı fields. The warehouse receiving it is not sent: it is the account (cari)
 * itself, as the sender is on an outbound Gonderi, which has no sender fields. Our reading (L): no
 * document says which party a return Gonderi names, and naming the warehouse would leave Sürat
 * without the address to collect from. No COD on a return; delivered to the address (TeslimSekli 1).
 */
export function buildReturnGonderi(request: ReturnRequest, key: string, options: SuratGonderiOptions = {}): SoapFields {
  return gonderiOf(
    {
      party: request.sender,
      partyField: 'sender',
      referenceNo: request.referenceNo,
      orderNumber: request.orderNumber,
      packages: request.packages,
      codAmountKurus: null,
      description: undefined,
      odemeTipi: options.returnOdemeTipi ?? 1,
      teslimSekli: 1,
      iademi: true,
    },
    key,
    options,
  )
}
