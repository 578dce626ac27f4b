import {
  codeMessage,
  DELIVERED_CODES,
  RETURNED_CODES,
  SuratCode,
  SuratOp,
  SuratStatusText,
  SuratText,
  type ResolvedOptions,
  type SuratAccount,
} from './surat.config'
import { buildLabelPdf } from './surat.pdf'
import { knownIlIlce } from './surat.places'
import { turkeyTime, type EmulatedSuratShipment, type SuratState } from './surat.state'
import { fieldsXml, text, xmlEscape } from './surat.xml'

/** What an operation answers: the inner XML of `<OpResult>`, or a SOAP fault. */
export type OpAnswer = Readonly<{ kind: 'result'; inner: string }> | Readonly<{ kind: 'fault'; faultcode: 'soap:Client' | 'soap:Server'; text: string }>

export type OpCtx = Readonly<{ opts: ResolvedOptions; state: SuratState; fields: Readonly<Record<string, unknown>> }>

// Gonderi members that are Int32/Boolean in the service's types (omniship / Swagger GonderiModel):
// .NET's XmlSerializer refuses anything else before the method runs, as a soap:Client fault.
const INT_FIELDS = ['KargoTuru', 'OdemeTipi', 'Adet', 'KapidanOdemeTahsilatTipi', 'TeslimSekli', 'TasimaSekli', 'GonderiSekli', 'Pazaryerimi']
const unreadable = (detail: string): OpAnswer => ({
  kind: 'fault',
  faultcode: 'soap:Client',
  text: `Server was unable to read request. ---> There is an error in XML document. ---> ${detail}`,
})

const byPassword = (opts: ResolvedOptions, cari: string, sifre: string): SuratAccount | undefined =>
  opts.accounts.find((a) => a.cariKodu === cari && a.sifre === sifre)
const byWeb = (opts: ResolvedOptions, cari: string, web: string): SuratAccount | undefined =>
  opts.accounts.find((a) => a.cariKodu === cari && a.webPassword === web)

function parseGonderi(fields: Readonly<Record<string, unknown>>): Record<string, string> | OpAnswer {
  const raw = fields.Gonderi
  if (raw === undefined || raw === '')
    return { kind: 'fault', faultcode: 'soap:Server', text: 'Server was unable to process request. ---> Object reference not set to an instance of an object.' }
  if (typeof raw !== 'object' || raw === null) return unreadable('Gonderi must be an element with children.')
  const g: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'object' && v !== null) return unreadable(`<${k}> was not expected.`)
    g[k] = String(v ?? '')
  }
  for (const k of INT_FIELDS) if (g[k] !== undefined && !/^-?\d+$/.test(g[k].trim())) return unreadable('Input string was not in a correct format.')
  if (g.Iademi !== undefined && !/^(true|false|0|1)$/.test(g.Iademi.trim())) return unreadable('The string was not recognized as a valid Boolean.')
  return g
}

const decimal = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s.trim().replace(',', '.')))

/** The documented result code a Gonderi earns, or null when it is acceptable (docs/reference/carriers.md §5 [HT]). */
export function validateGonderi(g: Readonly<Record<string, string>>): string | null {
  if (!g.KisiKurum?.trim()) return SuratCode.nameMissing
  if (!g.AliciAdresi?.trim()) return SuratCode.addressMissing
  if (!knownIlIlce(g.Il ?? '', g.Ilce ?? '')) return SuratCode.ilIlceMissing
  const desi = decimal(g.BirimDesi)
  const kg = decimal(g.BirimKg)
  const bad = (n: number | null) => n !== null && !(n > 0)
  // Unsure: whether Adet < 1 is 006 too; the emulator treats a missing quantity like a missing weight.
  if (bad(desi) || bad(kg) || (desi === null && kg === null) || Number(g.Adet ?? '1') < 1) return SuratCode.desiKg
  const phone = g.TelefonCep?.trim() ?? ''
  if (phone !== '') {
    if (/\D/.test(phone)) return SuratCode.phoneDigits
    if (phone.length < 10) return SuratCode.phoneLength
    if (!phone.startsWith('05')) return SuratCode.phonePrefix
    if (phone.length !== 11) return SuratCode.phoneFormat
  }
  return null
}

type CreateOp = typeof SuratOp.siparisBarkod | typeof SuratOp.yeni | typeof SuratOp.ortakBarkod

function createAnswer(op: CreateOp, ok: boolean, message: string, barcode: string): OpAnswer {
  if (op === SuratOp.yeni) return { kind: 'result', inner: xmlEscape(message) } // returns a plain string (docs/reference/carriers.md §5)
  const fields: Array<readonly [string, string | boolean]> = [
    ['isError', !ok],
    ['Message', message],
    ['Barcode', barcode],
  ]
  // Unsure: OrtakBarkodOlustur's result is unpublished; a client reads KargoTakipNo from it, so both are sent.
  if (op === SuratOp.ortakBarkod) fields.push(['KargoTakipNo', barcode])
  return { kind: 'result', inner: fieldsXml(fields) }
}

/** GonderiyiKargoyaGonderYeniSiparisBarkodOlustur, GonderiyiKargoyaGonderYeni and OrtakBarkodOlustur. */
export function create(op: CreateOp, { opts, state, fields }: OpCtx): OpAnswer {
  const fail = (code: string) => createAnswer(op, false, codeMessage(code), '')
  const account = byPassword(opts, text(fields, 'KullaniciAdi'), text(fields, 'Sifre'))
  if (!account) return fail(SuratCode.badCredentials)
  if (account.contract === false) return fail(SuratCode.noContract)
  if (op === SuratOp.siparisBarkod && account.siparisBarkod === false) return fail(SuratCode.noBarcodePermission)
  if (op === SuratOp.ortakBarkod && account.ortakBarkod === false) return fail(SuratCode.noBarcodePermission)
  const g = parseGonderi(fields)
  if ('kind' in g) return g as OpAnswer
  const forced = state.forcedCodes.shift()
  if (forced !== undefined) return fail(forced)
  const invalid = validateGonderi(g)
  if (invalid) return fail(invalid)
  const key = g.OzelKargoTakipNo?.trim() || `Web${state.shipments.length + 1}`
  const existing = state.find(key, account.cariKodu)
  if (existing && opts.rejectDuplicates) {
    // The two-step of accounts without barcode permission: registered by …Yeni, barcoded by OrtakBarkodOlustur.
    if (op === SuratOp.ortakBarkod && existing.barcode === null && !existing.cancelledBy) {
      existing.barcode = state.issueBarcode()
      return createAnswer(op, true, opts.okMessage, existing.barcode)
    }
    return fail(SuratCode.duplicate)
  }
  const s = state.add({
    ozelKargoTakipNo: key,
    cariKodu: account.cariKodu,
    createdVia: op,
    gonderi: g,
    iademi: /^(true|1)$/.test(g.Iademi?.trim() ?? ''),
    barcode: op === SuratOp.yeni ? null : state.issueBarcode(),
  })
  return createAnswer(op, true, opts.okMessage, s.barcode ?? '')
}

/** KargoBarkodu{cariKodu,WebPassword,ozelKargoTakipNo} → PdfBarkod (base64 PDF) + KargoTakipNo (docs/reference/carriers.md §5, §13). */
export function kargoBarkodu({ opts, state, fields }: OpCtx): OpAnswer {
  const answer = (isError: boolean, message: string, pdf: string, no: string): OpAnswer => ({
    kind: 'result',
    inner: fieldsXml([
      ['isError', isError],
      ['Message', message],
      ['PdfBarkod', pdf],
      ['KargoTakipNo', no],
    ]),
  })
  const account = byWeb(opts, text(fields, 'cariKodu'), text(fields, 'WebPassword'))
  if (!account) return answer(true, codeMessage(SuratCode.badCredentials), '', '')
  if (account.kargoBarkodu === false) return answer(true, codeMessage(SuratCode.noBarcodePermission), '', '')
  const s = state.find(text(fields, 'ozelKargoTakipNo'), account.cariKodu)
  if (!s) return answer(true, SuratText.notFound, '', '')
  if (s.cancelledBy) return answer(true, SuratText.alreadyCancelled, '', '')
  s.barcode ??= state.issueBarcode()
  const pdf = buildLabelPdf({
    barcode: s.barcode,
    receiver: s.gonderi.KisiKurum ?? '',
    cityLine: `${s.gonderi.Ilce ?? ''} / ${s.gonderi.Il ?? ''}`,
    reference: s.ozelKargoTakipNo,
  })
  return answer(false, 'Tamam', pdf.toString('base64'), s.barcode)
}

/** GonderiSil{cariKodu,WebPassword,ozelKargoTakipNo}: only before the branch accepts the parcel. */
export function gonderiSil({ opts, state, fields }: OpCtx): OpAnswer {
  const say = (t: string): OpAnswer => ({ kind: 'result', inner: xmlEscape(t) })
  const account = byWeb(opts, text(fields, 'cariKodu'), text(fields, 'WebPassword'))
  if (!account) return say(SuratText.badWebPassword)
  const s = state.find(text(fields, 'ozelKargoTakipNo'), account.cariKodu)
  if (!s) return say(SuratText.notFound)
  if (s.cancelledBy || s.recalled) return say(SuratText.alreadyCancelled)
  if (s.statusCode !== 1) return say(SuratText.acceptedCannotDelete)
  s.cancelledBy = 'GonderiSil'
  return say(SuratText.deleted)
}

/** GonderiGeriCek{KullaniciAdi,Sifre,OzelKargoTakipNo,IptalNeden}: IptalNeden is mandatory (docs/reference/carriers.md §5). */
export function gonderiGeriCek({ opts, state, fields }: OpCtx): OpAnswer {
  const say = (t: string): OpAnswer => ({ kind: 'result', inner: xmlEscape(t) })
  const account = byPassword(opts, text(fields, 'KullaniciAdi'), text(fields, 'Sifre'))
  if (!account) return say(`HATA: ${codeMessage(SuratCode.badCredentials)}`)
  const reason = text(fields, 'IptalNeden').trim()
  if (reason === '') return say(SuratText.reasonMissing)
  const s = state.find(text(fields, 'OzelKargoTakipNo'), account.cariKodu)
  if (!s) return say(SuratText.notFound)
  if (s.cancelledBy || s.recalled) return say(SuratText.alreadyCancelled)
  if (DELIVERED_CODES.has(s.statusCode) || RETURNED_CODES.has(s.statusCode)) return say(SuratText.deliveredCannotRecall)
  s.cancelReason = reason
  if (s.statusCode === 1) s.cancelledBy = 'GonderiGeriCek'
  else s.recalled = true
  return say(SuratText.recalled)
}

/** KargoTakipHareketDetayliV2: one "text|yyyy-MM-dd HH:mm:ss|location" line per movement (SUR-TCG); '' when unknown. */
export function takipV2({ opts, state, fields }: OpCtx): OpAnswer {
  const account = byWeb(opts, text(fields, 'CariKodu'), text(fields, 'Sifre'))
  if (!account) return { kind: 'result', inner: xmlEscape(`HATA: ${SuratText.trackBadCredentials}`) }
  const s = state.find(text(fields, 'WebSiparisKodu'), account.cariKodu)
  if (!s) return { kind: 'result', inner: '' }
  const lines = s.history.map((e) => `${e.text}|${turkeyTime(e.at, 'iso')}|${e.location}`)
  if (s.cancelledBy) lines.push(`Gönderi İptal Edildi|${turkeyTime(opts.now(), 'iso')}|Çıkış Şubesi`)
  return { kind: 'result', inner: xmlEscape(lines.join('\n')) }
}

export type TrackingAnswer = Readonly<{ IsError: boolean; errorMessage: string | null; Gonderiler: readonly Record<string, unknown>[] | null }>

/** REST KargoTakipHareketDetayi?CariKodu=&Sifre=&WebSiparisKodu= (docs/reference/carriers.md §5; Sifre = web service password). */
export function restTracking(opts: ResolvedOptions, state: SuratState, q: URLSearchParams): TrackingAnswer {
  const err = (m: string): TrackingAnswer => ({ IsError: true, errorMessage: m, Gonderiler: null })
  const account = byWeb(opts, q.get('CariKodu') ?? '', q.get('Sifre') ?? '')
  if (!account) return err(SuratText.trackBadCredentials)
  const s = state.find(q.get('WebSiparisKodu') ?? '', account.cariKodu)
  if (!s) return err(SuratText.trackNotFound)
  if (s.cancelledBy) return err(SuratText.trackCancelled)
  if (s.statusCode === 1 && opts.trackBeforeAcceptance === 'awaitingError') return err(SuratText.trackAwaiting)
  const last = s.history[s.history.length - 1]
  const delivered = DELIVERED_CODES.has(s.statusCode)
  return {
    IsError: false,
    errorMessage: null,
    Gonderiler: [
      {
        KargoTakipNo: s.barcode ?? '',
        KargonunDurumu: s.recalled && !RETURNED_CODES.has(s.statusCode) ? 'Gönderi Geri Çekildi' : (last?.text ?? SuratStatusText[s.statusCode] ?? ''),
        KargonunDurumuSayi: s.statusCode,
        TeslimTarihi: delivered && last ? turkeyTime(last.at, 'dotted') : '',
        TakipUrl: s.barcode ? `${opts.trackingPageUrl}${s.barcode}` : '',
      },
    ],
  }
}

export type { EmulatedSuratShipment }
