import { normalizeTrPhone, trUpper, type Address } from '../../../../shared/domain/address'
import { packageDesi } from '../../../../shared/desi'
import { LabelFormat } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { CreatedShipment, ShipmentRequest } from '../carrier.port'
import type { PttDongu, PttGonderici, SiparisIstekEkle2Input } from './ptt.soap'

/**
 * ShipmentRequest → kabulEkle2 rows (docs/reference/carriers.md §4 skeleton). One `dongu` per parcel, each under
 * its own range barcode; units as PTT takes them: agirlik in grams (int, as HT sends it), en/boy/
 * yukseklik in whole centimetres, desi as a decimal. Bad input is refused here, before a barcode
 * is allocated, with the field named.
 */

/** odemesekli values (§4 [PTT-TCG]): MH mahsup (sender's account), UA fee from the receiver, N cash. */
export const PttPaymentMethod = { senderAccount: 'MH', receiverPays: 'UA', cash: 'N' } as const
export type PttPaymentMethod = (typeof PttPaymentMethod)[keyof typeof PttPaymentMethod]

/** ekhizmet codes we send (§4): OS = cash on delivery (ödeme şartlı). */
export const PttExtraService = { cashOnDelivery: 'OS' } as const

export const PTT_TRACKING_URL = 'https://gonderitakip.ptt.gov.tr/Track/Verify?q='

/** The batch name (dosyaAdi) of a shipment: derived from its first barcode, so a cancel can name it again. */
export function dosyaAdiOf(firstBarcode: string): string {
  return `KJ${firstBarcode}`
}

/** The order's serviceCode is PTT's odemesekli: "" or "MH" (default), "UA", "N". */
export function paymentMethodOf(serviceCode: string): PttPaymentMethod {
  const code = serviceCode.trim().toUpperCase()
  if (code === '' || code === 'MH') return PttPaymentMethod.senderAccount
  if (code === 'UA' || code === 'N') return code
  throw new AppError(ErrorCode.carrierServiceUnsupported, `PTT service code "${serviceCode}" is not a payment method PTT knows (MH, UA or N)`, {
    meta: { field: 'serviceCode' },
  })
}

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.inputInvalid, message, { meta: { field } })
}

function required(value: string | null | undefined, field: string, what: string, max: number, min = 1): string {
  const v = (value ?? '').replace(/\s+/g, ' ').trim()
  if (v.length < min)
    throw invalid(field, min > 1 ? `PTT needs the ${what} to be at least ${min} characters, got "${v}"` : `PTT needs the ${what}; it is empty`)
  if (v.length > max) throw invalid(field, `the ${what} is ${v.length} characters; PTT takes at most ${max}`)
  return v
}

/** 10 digits, or undefined when there is none; a number that cannot be one is refused. */
function phone(raw: string | null | undefined, field: string): string | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return undefined
  const p = normalizeTrPhone(raw)
  if (!p) throw invalid(field, `"${raw}" is not a Turkish phone number (10 digits after 0 / +90)`)
  return p
}

const cm = (mm: number) => Math.max(1, Math.round(mm / 10))

/** The sender block; PTT's pickup form wants first and last name apart (the last word is the surname). */
export function gondericiOf(sender: Address, splitName = false): PttGonderici {
  const name = required(sender.name, 'sender.name', 'sender name', 100)
  const tel = phone(sender.phone, 'sender.phone')
  const space = name.lastIndexOf(' ')
  const [adi, soyadi] = splitName && space > 0 ? [name.slice(0, space), name.slice(space + 1)] : [name, undefined]
  return {
    gonderici_adi: adi,
    gonderici_adresi: required(sender.address, 'sender.address', 'sender address', 255),
    gonderici_email: sender.email?.trim() || undefined,
    gonderici_il_ad: trUpper(required(sender.city, 'sender.city', 'sender il', 50)),
    gonderici_ilce_ad: trUpper(required(sender.district, 'sender.district', 'sender ilçe', 50)),
    gonderici_posta_kodu: sender.postalCode?.trim() || undefined,
    gonderici_sms: tel?.startsWith('5') ? tel : undefined,
    gonderici_soyadi: soyadi,
    gonderici_telefonu: tel,
    gonderici_ulke_id: '052',
  }
}

export type DonguOptions = Readonly<{
  /** Send gondericibilgi from request.sender (default true). */
  sendSender?: boolean
  /** teslim_tip, only when the contract names one (§4 lists the field, no values). */
  teslimTip?: string
}>

/** Checks everything PTT would refuse in the request; call before allocating barcodes. */
export function validatePttRequest(request: ShipmentRequest): void {
  if (request.packages.length < 1 || request.packages.length > 99) {
    throw invalid('packages', `a PTT shipment here has 1–99 parcels, got ${request.packages.length}`)
  }
  buildDongu(
    request,
    request.packages.map((_, i) => `check-${i}`),
  )
}

/** One dongu per parcel, in parcel order; COD is collected once, on the first parcel. */
export function buildDongu(request: ShipmentRequest, barcodes: readonly string[], o: DonguOptions = {}): PttDongu[] {
  const r = request.recipient
  // §4: aliciAdi at least 5 characters; refused here rather than padded, so the label shows the real name.
  const aliciAdi = required(r.name, 'recipient.name', 'recipient name', 100, 5)
  const tel = phone(r.phone, 'recipient.phone')
  const reference = required(request.referenceNo, 'referenceNo', 'shipment reference (musteriReferansNo)', 60)
  const odemesekli = paymentMethodOf(request.serviceCode)
  const cod = request.codAmountKurus
  if (cod !== null && (!Number.isInteger(cod) || cod <= 0)) throw invalid('codAmountKurus', `a COD amount must be a positive number of kuruş, got ${cod}`)
  const gondericibilgi = o.sendSender === false ? undefined : gondericiOf(request.sender)
  const base = {
    aAdres: required(r.address, 'recipient.address', 'recipient address', 255, 5),
    aliciAdi,
    aliciEmail: r.email?.trim() || undefined,
    aliciIlAdi: trUpper(required(r.city, 'recipient.city', 'recipient il', 50)),
    aliciIlceAdi: trUpper(required(r.district, 'recipient.district', 'recipient ilçe', 50)),
    aliciSms: tel?.startsWith('5') ? tel : undefined,
    aliciTel: tel,
    gondericibilgi,
    musteriReferansNo: reference,
    odemesekli,
    teslim_tip: o.teslimTip,
  }
  return request.packages.map((p, i) => {
    if (!Number.isInteger(p.weightGrams) || p.weightGrams <= 0)
      throw invalid(`packages[${i}].weightGrams`, `parcel ${i + 1} has no weight (${p.weightGrams} g)`)
    const withCod = cod !== null && i === 0
    return {
      ...base,
      agirlik: p.weightGrams,
      barkodNo: barcodes[i] ?? '',
      boy: cm(p.lengthMm),
      en: cm(p.widthMm),
      yukseklik: cm(p.heightMm),
      desi: String(packageDesi(p)),
      // The separator between several ekhizmet codes is not documented: only OS is ever sent.
      ekhizmet: withCod ? PttExtraService.cashOnDelivery : undefined,
      odeme_sart_ucreti: withCod ? (cod / 100).toFixed(2) : undefined,
    }
  })
}

/** The shipment as the desk records it: the first parcel's barcode is the tracking number. */
export function createdShipment(barcodes: readonly string[], label: Uint8Array | null): CreatedShipment {
  const first = barcodes[0] as string
  return {
    // Several parcels travel under several barcodes: the id lists them all so a cancel can reach each.
    carrierShipmentId: barcodes.join(','),
    trackingNumber: first,
    barcode: first,
    trackingUrl: PTT_TRACKING_URL + first,
    labelFormat: label ? LabelFormat.zpl : null,
    label,
    costKurus: null,
  }
}

export type PttPickupRequest = Readonly<{
  /** Where the courier collects; PTT wants first and last name apart (the last word is taken as the surname). */
  sender: Address
  parcels: number
  weightGrams?: number
  desi?: number
  /** Appointment window as PTT's form takes it (format not documented; passed through). */
  windowStart?: string
  windowEnd?: string
}>

export type PickupAccount = Readonly<{
  customerId: number
  password: string
  gonderiTip?: string
  gonderiTur?: string
  musteriKullanici?: string
  isyeriId?: number
}>

/** siparisIstekEkle2's input: doubles as "0.00", the fixed fields a WooCommerce client sends ("admin", 0, ucret 0.00). */
export function buildPickupInput(input: PttPickupRequest, a: PickupAccount): SiparisIstekEkle2Input {
  if (!Number.isInteger(input.parcels) || input.parcels < 1 || input.parcels > 999)
    throw invalid('parcels', `a pickup is for 1–999 parcels, got ${input.parcels}`)
  const double = (v: number | undefined) => (v === undefined ? undefined : v.toFixed(2))
  return {
    adet: input.parcels,
    agirlik: double(input.weightGrams),
    desi: double(input.desi),
    gonderiTip: a.gonderiTip ?? 'NORMAL',
    gonderiTur: a.gonderiTur ?? 'KARGO',
    gondericibilgi: gondericiOf(input.sender, true),
    isyeriId: a.isyeriId ?? 0,
    musteriId: a.customerId,
    musteriKullanici: a.musteriKullanici ?? 'admin',
    randevu_baslangic: input.windowStart,
    randevu_bitis: input.windowEnd,
    sifre: a.password,
    ucret: '0.00',
  }
}
