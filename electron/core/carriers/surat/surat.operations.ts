import { AppError, ErrorCode } from '../../../../shared/errors'
import { callSuratSoap, callSuratTracking, type SuratCall, type SuratCredentials } from './surat.client'
import { classifySuratText, readSuratMessage, suratResultToAppError, suratTextToAppError, SuratTextKind, type SuratOutcome } from './surat.errors'
import { kargoBarkoduResultSchema, ortakBarkodResultSchema, siparisBarkodResultSchema, stringResultSchema, SuratOperation, type SoapFields } from './surat.soap'

/**
 * Single calls to Sürat with their answers read: one create per operation, the existence probe
 * (REST tracking), the label, the two cancels. No retries here: the adapter wraps sequences of
 * these in withRetry and decides what a lost answer means.
 */

/** Which create operation(s) an account uses (docs/reference/carriers.md §5). */
export const SuratCreateMode = {
  /** GonderiyiKargoyaGonderYeniSiparisBarkodOlustur: one call, Sürat's 14-digit Barcode back. */
  siparisBarkod: 'siparisBarkod',
  /** GonderiyiKargoyaGonderYeni (register) then OrtakBarkodOlustur (common barcode): the way for accounts that get 050. */
  ortakBarkod: 'ortakBarkod',
  /** GonderiyiKargoyaGonderYeni alone: no barcode from Sürat; the desk prints OzelKargoTakipNo (docs/reference/carriers.md §13, HT). */
  yeni: 'yeni',
} as const
export type SuratCreateMode = (typeof SuratCreateMode)[keyof typeof SuratCreateMode]

export type CreateAnswer = Readonly<{ kind: 'created'; barcode: string | null }> | Readonly<{ kind: 'duplicate' }> | Readonly<{ kind: 'noPermission' }>

export type SuratLookup =
  | Readonly<{ kind: 'notFound' }>
  | Readonly<{ kind: 'cancelled'; message: string }>
  | Readonly<{ kind: 'exists'; kargoTakipNo: string | null; statusCode: number | null; statusText: string; trackingUrl: string | null }>

export type SuratLabel = Readonly<{ pdf: Uint8Array; kargoTakipNo: string }>

const auth = (c: SuratCredentials): SoapFields => [
  ['KullaniciAdi', c.cariKodu],
  ['Sifre', c.sifre],
]
const webAuth = (c: SuratCredentials): SoapFields => [
  ['cariKodu', c.cariKodu],
  ['WebPassword', c.webPassword],
]

function checkBarcode(value: string, operation: string): string {
  const barcode = value.trim()
  // docs/reference/carriers.md §5: Barcode is 14 digits. Retryable: the next attempt finds the stored shipment.
  if (!/^\d{14}$/.test(barcode))
    throw new AppError(ErrorCode.carrierBadResponse, `Sürat ${operation} returned barcode "${barcode}", not 14 digits`, {
      retryable: true,
      meta: { operation, barcode },
    })
  return barcode
}

function refusal(out: SuratOutcome, operation: string, key: string): CreateAnswer {
  if (out.noPermission) return { kind: 'noPermission' }
  if (out.duplicate) return { kind: 'duplicate' }
  throw suratResultToAppError(out, operation, { ozelKargoTakipNo: key })
}

/** GonderiyiKargoyaGonderYeni: a plain string, "Tamam" or a code. */
async function registerYeni(c: SuratCredentials, gonderi: SoapFields, key: string, call: SuratCall): Promise<CreateAnswer> {
  const text = await callSuratSoap(SuratOperation.yeni, [...auth(c), ['Gonderi', gonderi]], stringResultSchema, call)
  const out = readSuratMessage(text)
  return out.ok ? { kind: 'created', barcode: null } : refusal(out, SuratOperation.yeni, key)
}

/** OrtakBarkodOlustur with the same Gonderi: the common barcode for a registered shipment. */
export async function createOrtakBarkod(c: SuratCredentials, gonderi: SoapFields, key: string, call: SuratCall): Promise<CreateAnswer> {
  const r = await callSuratSoap(SuratOperation.ortakBarkod, [...auth(c), ['Gonderi', gonderi]], ortakBarkodResultSchema, call)
  const out = readSuratMessage(r.Message, r.isError)
  // Unpublished result shape (L): Barcode, else KargoTakipNo, as the clients we know read it.
  return out.ok
    ? { kind: 'created', barcode: checkBarcode(r.Barcode || r.KargoTakipNo, SuratOperation.ortakBarkod) }
    : refusal(out, SuratOperation.ortakBarkod, key)
}

/** One create in the given mode. 050 comes back as noPermission so the caller can try the next mode. */
export async function createVia(mode: SuratCreateMode, c: SuratCredentials, gonderi: SoapFields, key: string, call: SuratCall): Promise<CreateAnswer> {
  if (mode === SuratCreateMode.siparisBarkod) {
    const r = await callSuratSoap(SuratOperation.siparisBarkod, [...auth(c), ['Gonderi', gonderi]], siparisBarkodResultSchema, call)
    const out = readSuratMessage(r.Message, r.isError)
    return out.ok ? { kind: 'created', barcode: checkBarcode(r.Barcode, SuratOperation.siparisBarkod) } : refusal(out, SuratOperation.siparisBarkod, key)
  }
  const registered = await registerYeni(c, gonderi, key, call)
  if (mode === SuratCreateMode.yeni || registered.kind === 'noPermission') return registered
  // Registered now or by an earlier attempt (009): either way the barcode step follows.
  return createOrtakBarkod(c, gonderi, key, call)
}

/**
 * Does Sürat hold a shipment under our key? REST tracking by WebSiparisKodu (read-only, so safe to
 * ask after any lost answer). HT: before branch acceptance the answer may be IsError "…kabul
 * bekleniyor", which still means the shipment exists.
 */
export async function lookupShipment(c: SuratCredentials, key: string, call: SuratCall): Promise<SuratLookup> {
  const r = await callSuratTracking(c, key, call)
  if (r.IsError) {
    const kind = classifySuratText(r.errorMessage)
    if (kind === SuratTextKind.notFound) return { kind: 'notFound' }
    if (kind === SuratTextKind.cancelled) return { kind: 'cancelled', message: r.errorMessage }
    if (kind === SuratTextKind.awaitingAcceptance)
      return { kind: 'exists', kargoTakipNo: null, statusCode: null, statusText: r.errorMessage, trackingUrl: null }
    // An error we cannot read: stop rather than guess "not there" and create twice.
    throw suratTextToAppError(
      kind === SuratTextKind.ok ? SuratTextKind.unknown : kind,
      r.errorMessage || 'IsError without a message',
      'KargoTakipHareketDetayi',
      { webSiparisKodu: key },
    )
  }
  const g = r.Gonderiler[0]
  if (!g) return { kind: 'notFound' }
  return {
    kind: 'exists',
    kargoTakipNo: g.KargoTakipNo.trim() || null,
    statusCode: g.KargonunDurumuSayi,
    statusText: g.KargonunDurumu,
    trackingUrl: g.TakipUrl.trim() || null,
  }
}

/** KargoBarkodu → the PDF label and KargoTakipNo; null when the account has no label permission (docs/reference/carriers.md §13). */
export async function fetchLabel(c: SuratCredentials, key: string, call: SuratCall): Promise<SuratLabel | null> {
  const op = SuratOperation.kargoBarkodu
  const r = await callSuratSoap(op, [...webAuth(c), ['ozelKargoTakipNo', key]], kargoBarkoduResultSchema, call)
  const b64 = r.PdfBarkod.replace(/^data:[^;]+;base64,/, '').replace(/\s+/g, '')
  if (b64 !== '' && r.isError !== true) {
    const bytes = Buffer.from(b64, 'base64')
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new AppError(ErrorCode.carrierBadResponse, 'Sürat KargoBarkodu answered a PdfBarkod that is not a base64 PDF', {
        retryable: true,
        meta: { operation: op, start: b64.slice(0, 16) },
      })
    }
    return { pdf: new Uint8Array(bytes), kargoTakipNo: r.KargoTakipNo.trim() }
  }
  const kind = classifySuratText(r.Message)
  if (kind === SuratTextKind.noPermission) return null
  if (kind === SuratTextKind.ok || kind === SuratTextKind.awaitingAcceptance || kind === SuratTextKind.unknown) {
    throw new AppError(ErrorCode.carrierBadResponse, `Sürat KargoBarkodu answered without a PDF: ${r.Message || 'no message'}`, {
      retryable: false,
      meta: { operation: op, suratMessage: r.Message },
    })
  }
  throw suratTextToAppError(kind, r.Message, op, { ozelKargoTakipNo: key })
}

export type CancelAnswer = 'deleted' | 'recalled' | 'alreadyCancelled' | 'accepted'

/** GonderiSil (before pickup). "accepted": Sürat refused because the branch has the parcel now. */
export async function deleteShipment(c: SuratCredentials, key: string, call: SuratCall): Promise<CancelAnswer> {
  const text = await callSuratSoap(SuratOperation.gonderiSil, [...webAuth(c), ['ozelKargoTakipNo', key]], stringResultSchema, call)
  const kind = classifySuratText(text)
  if (kind === SuratTextKind.ok) return 'deleted'
  if (kind === SuratTextKind.cancelled) return 'alreadyCancelled'
  if (kind === SuratTextKind.notCancellable) return 'accepted'
  throw suratTextToAppError(kind === SuratTextKind.awaitingAcceptance ? SuratTextKind.unknown : kind, text, SuratOperation.gonderiSil, {
    ozelKargoTakipNo: key,
  })
}

/** GonderiGeriCek (IptalNeden mandatory). An empty result is success, as one public client reads it (L). */
export async function recallShipment(c: SuratCredentials, key: string, reason: string, call: SuratCall): Promise<CancelAnswer> {
  const op = SuratOperation.gonderiGeriCek
  const text = await callSuratSoap(op, [...auth(c), ['OzelKargoTakipNo', key], ['IptalNeden', reason]], stringResultSchema, call)
  const kind = classifySuratText(text)
  if (text.trim() === '' || kind === SuratTextKind.ok) return 'recalled'
  if (kind === SuratTextKind.cancelled) return 'alreadyCancelled'
  throw suratTextToAppError(kind === SuratTextKind.awaitingAcceptance ? SuratTextKind.unknown : kind, text, op, { ozelKargoTakipNo: key })
}

/** KargoTakipHareketDetayliV2: the movement lines ('' = unknown key). */
export async function fetchHistory(c: SuratCredentials, key: string, call: SuratCall): Promise<string> {
  const op = SuratOperation.takipV2
  const text = await callSuratSoap(
    op,
    [
      ['CariKodu', c.cariKodu],
      ['Sifre', c.webPassword],
      ['WebSiparisKodu', key],
    ],
    stringResultSchema,
    call,
  )
  if (text.trim() === '') throw new AppError(ErrorCode.carrierNotFound, `Sürat has no movements for ${key}`, { meta: { operation: op, webSiparisKodu: key } })
  if (/^hata/i.test(text.trim())) {
    const kind = classifySuratText(text)
    throw suratTextToAppError(kind === SuratTextKind.ok || kind === SuratTextKind.awaitingAcceptance ? SuratTextKind.unknown : kind, text, op, {
      webSiparisKodu: key,
    })
  }
  return text
}
