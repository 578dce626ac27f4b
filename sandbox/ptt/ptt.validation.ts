import { resolvePlace } from '../hepsijet/hepsijet.places'
import { PttCode, PttText, type PttAccount } from './ptt.config'
import type { DonguIn, Fields } from './ptt.xml'

/**
 * What the emulator checks in a kabulEkle2 parcel (docs/reference/carriers.md §4): the range barcode (13 digits,
 * the check digit of weights 1,3,1,3… from the left, inside one of the customer's ranges),
 * aliciAdi of at least 5 characters, the address, a real il/ilçe (the 81-il list the HepsiJET
 * emulator also uses), agirlik as a whole number of grams, and the odemesekli/ekhizmet pair.
 * Result codes other than -1 are placeholders (ptt.config.ts).
 */

export type Refusal = Readonly<{ code: string; message: string }>

/** The check digit of a 12-digit body: Σ digit × (1,3,1,3…) from the left, (10 − Σ mod 10) mod 10. */
export function checkDigit(body12: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3)
  return String((10 - (sum % 10)) % 10)
}

/** A barcode of the range `body` (12 digits, or a number). */
export function rangeBarcode(body: string | number): string {
  const b = String(body).padStart(12, '0')
  return b + checkDigit(b)
}

export function barcodeRefusal(barcode: string | undefined, account: PttAccount): Refusal | null {
  const b = (barcode ?? '').trim()
  if (!/^\d{13}$/.test(b) || checkDigit(b.slice(0, 12)) !== b[12]) return { code: PttCode.checkDigit, message: PttText.checkDigit(b) }
  const body = Number(b.slice(0, 12))
  const inRange = account.barcodeRanges.some((r) => body >= Number(r.first) && body <= Number(r.last))
  return inRange ? null : { code: PttCode.outOfRange, message: PttText.outOfRange(b) }
}

export type ValidDongu = Readonly<{
  barcode: string
  aliciAdi: string
  aAdres: string
  il: string
  ilce: string
  aliciTel: string
  agirlikGrams: number
  desi: string
  musteriReferansNo: string
  odemesekli: string
  ekhizmet: string
  codLira: string | null
  fields: Fields
  gonderici: Fields | null
}>

const text = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim()
const invalid = (field: string, why: string): Refusal => ({ code: PttCode.invalidField, message: PttText.invalid(field, why) })

export function validateDongu(
  d: DonguIn,
  account: PttAccount,
): Readonly<{ ok: true; value: ValidDongu }> | Readonly<{ ok: false; refusal: Refusal; barcode: string }> {
  const f = d.fields
  const barcode = text(f.barkodNo)
  const refuse = (refusal: Refusal) => ({ ok: false as const, refusal, barcode })
  const bad = barcodeRefusal(barcode, account)
  if (bad) return refuse(bad)
  const aliciAdi = text(f.aliciAdi)
  if (aliciAdi.length < 5) return refuse(invalid('aliciAdi', 'en az 5 karakter olmalıdır'))
  const aAdres = text(f.aAdres)
  if (aAdres.length < 5) return refuse(invalid('aAdres', 'en az 5 karakter olmalıdır'))
  const place = resolvePlace(text(f.aliciIlAdi), text(f.aliciIlceAdi))
  if (!place.ok)
    return refuse({
      code: PttCode.address,
      message: PttText.address(place.problem === 'city' ? `il (${text(f.aliciIlAdi)})` : `ilçe (${text(f.aliciIlceAdi)})`),
    })
  const agirlik = text(f.agirlik)
  // xs:int: a decimal or a negative value is refused (HT sends grams).
  if (!/^\d+$/.test(agirlik) || Number(agirlik) < 1) return refuse(invalid('agirlik', `gram cinsinden pozitif tam sayı olmalıdır (${agirlik})`))
  for (const k of ['en', 'boy', 'yukseklik'] as const) {
    const v = f[k]
    if (v !== undefined && !/^\d+$/.test(v.trim())) return refuse(invalid(k, `tam sayı (cm) olmalıdır (${v})`))
  }
  const desi = text(f.desi)
  if (desi !== '' && !/^\d+(\.\d+)?$/.test(desi)) return refuse(invalid('desi', `sayı olmalıdır (${desi})`))
  const odemesekli = text(f.odemesekli) || 'MH'
  if (!['MH', 'UA', 'N'].includes(odemesekli)) return refuse(invalid('odemesekli', `MH, UA veya N olmalıdır (${odemesekli})`))
  const ekhizmet = text(f.ekhizmet)
  const cod = text(f.odeme_sart_ucreti)
  if (ekhizmet.includes('OS') && !(/^\d+(\.\d{1,2})?$/.test(cod) && Number(cod) > 0))
    return refuse(invalid('odeme_sart_ucreti', `ödeme şartlı gönderide tutar zorunludur (${cod})`))
  const tel = text(f.aliciTel)
  if (tel !== '' && !/^\d{10}$/.test(tel)) return refuse(invalid('aliciTel', `10 haneli olmalıdır (${tel})`))
  return {
    ok: true,
    value: {
      barcode,
      aliciAdi,
      aAdres,
      il: place.place.city,
      ilce: place.place.town,
      aliciTel: tel,
      agirlikGrams: Number(agirlik),
      desi: desi || '0',
      musteriReferansNo: text(f.musteriReferansNo),
      odemesekli,
      ekhizmet,
      codLira: ekhizmet.includes('OS') ? Number(cod).toFixed(2) : null,
      fields: f,
      gonderici: d.gonderici,
    },
  }
}

/** Batch fields every kabulEkle2 needs (§4 skeleton). */
export function batchRefusal(fields: Fields, donguCount: number): Refusal | null {
  for (const k of ['dosyaAdi', 'gonderiTip', 'gonderiTur'] as const)
    if (text(fields[k]) === '') return { code: PttCode.missingField, message: PttText.required(k) }
  if (donguCount === 0) return { code: PttCode.missingField, message: PttText.required('dongu') }
  return null
}
