import { PttCode, PttStatus, PttText, type PttAccount, type ResolvedPttOptions } from './ptt.config'
import { buildPttEpl } from './ptt.epl'
import { office } from './ptt.lifecycle'
import type { EmulatedPttShipment, PttState } from './ptt.state'
import { barcodeRefusal, batchRefusal, validateDongu } from './ptt.validation'
import type { Fields, OutRow, ParsedPttRequest } from './ptt.xml'

/**
 * The served operations of docs/reference/carriers.md §4 over the emulator's state. Refusals come in HTTP 200
 * (§4, §14): hataKodu/aciklama on the kabul operations (per parcel donguHataKodu/donguSonuc/
 * donguAciklama), sonucKodu/sonucAciklama on tracking and pickup. Credentials differ per operation
 * (§4 [BX]): kabulEkle2 kullanici + sifre + musteriId; etiketGetir, barkodVeriSil and
 * siparisIstekEkle2 musteriId + sifre; gonderiSorgu kullanici + sifre.
 */

export type OpOutcome = Readonly<{ kind: 'ok'; row: OutRow }> | Readonly<{ kind: 'fault'; faultcode: string; faultstring: string }>

export type OpContext = Readonly<{ opts: ResolvedPttOptions; state: PttState; req: ParsedPttRequest }>

const ok = (row: OutRow): OpOutcome => ({ kind: 'ok', row })
const text = (v: string | undefined) => (v ?? '').trim()

/** musteriId is xs:int: Axis2 fails to bind anything else, before the service runs. */
function musteriIdOf(fields: Fields): number | OpOutcome {
  const raw = text(fields.musteriId)
  if (!/^-?\d{1,10}$/.test(raw))
    return { kind: 'fault', faultcode: 'soapenv:Client', faultstring: `org.apache.axis2.databinding.ADBException: musteriId: For input string: "${raw}"` }
  return Number(raw)
}

type Auth = Readonly<{ account: PttAccount }> | Readonly<{ outcome: OpOutcome }>

function byCustomer(ctx: OpContext, requireUser: boolean): Auth {
  const id = musteriIdOf(ctx.req.fields)
  if (typeof id !== 'number') return { outcome: id }
  const account = ctx.opts.accounts.find((a) => a.musteriId === id)
  const user = text(ctx.req.fields.kullanici)
  // kabulEkle2's kullanici is "PttWs" (HT) or the WS user (BX): both are taken.
  const userOk = !requireUser || (account !== undefined && (user === 'PttWs' || user === account.username))
  if (!account || account.password !== ctx.req.fields.sifre || !userOk) return { outcome: ok({ aciklama: PttText.auth, hataKodu: PttCode.auth }) }
  return { account }
}

/** kabulEkle2: one stored parcel per valid dongu; a barcode that already carries data answers "duplicate". */
export function kabulEkle2(ctx: OpContext): OpOutcome {
  const auth = byCustomer(ctx, true)
  if ('outcome' in auth) return auth.outcome
  const { opts, state, req } = ctx
  const batch = batchRefusal(req.fields, req.dongu.length)
  if (batch) return ok({ aciklama: batch.message, hataKodu: batch.code })
  const now = opts.now()
  const rows: OutRow[] = req.dongu.map((d) => {
    const v = validateDongu(d, auth.account)
    if (!v.ok) return { barkod: v.barcode, donguAciklama: v.refusal.message, donguHataKodu: v.refusal.code, donguSonuc: 'false' }
    const value = v.value
    if (state.find(value.barcode))
      return { barkod: value.barcode, donguAciklama: PttText.duplicate(value.barcode), donguHataKodu: PttCode.duplicateBarcode, donguSonuc: 'false' }
    const g = value.gonderici
    const s: EmulatedPttShipment = {
      barcode: value.barcode,
      musteriId: auth.account.musteriId,
      dosyaAdi: text(req.fields.dosyaAdi),
      musteriReferansNo: value.musteriReferansNo,
      aliciAdi: value.aliciAdi,
      aAdres: value.aAdres,
      il: value.il,
      ilce: value.ilce,
      aliciTel: value.aliciTel,
      agirlikGrams: value.agirlikGrams,
      desi: value.desi,
      odemesekli: value.odemesekli,
      ekhizmet: value.ekhizmet,
      codLira: value.codLira,
      sender: g
        ? {
            name: text(g.gonderici_adi),
            address: text(g.gonderici_adresi),
            city: text(g.gonderici_il_ad),
            district: text(g.gonderici_ilce_ad),
            phone: text(g.gonderici_telefonu),
          }
        : null,
      fields: value.fields,
      status: PttStatus.uploaded,
      events: [],
      tesalan: null,
      createdAt: new Date(now).toISOString(),
    }
    state.add(s)
    return { barkod: value.barcode, donguAciklama: PttText.ok, donguHataKodu: opts.successCode, donguSonuc: 'true' }
  })
  // The batch itself was processed; each parcel says how it fared (HT and BX both read both levels).
  return ok({ aciklama: PttText.ok, dongu: rows, hataKodu: opts.successCode })
}

/** etiketGetir{barkodNo, musteriId, sifre} → epl_format (§4 [BX]). */
export function etiketGetir(ctx: OpContext): OpOutcome {
  const auth = byCustomer(ctx, false)
  if ('outcome' in auth) return auth.outcome
  const barcode = text(ctx.req.fields.barkodNo)
  const s = ctx.state.find(barcode)
  if (!s || s.musteriId !== auth.account.musteriId) return ok({ aciklama: PttText.notFound(barcode), epl_format: null, hataKodu: PttCode.notFound })
  return ok({ aciklama: PttText.ok, epl_format: buildPttEpl(s, ctx.opts.now()), hataKodu: ctx.opts.successCode })
}

/** barkodVeriSil{inpDelete{barcode, dosyaAdi, musteriId, sifre}}: only before the branch accepts the parcel (§4). */
export function barkodVeriSil(ctx: OpContext): OpOutcome {
  const auth = byCustomer(ctx, false)
  if ('outcome' in auth) return auth.outcome
  const barcode = text(ctx.req.fields.barcode)
  const s = ctx.state.find(barcode)
  if (!s || s.musteriId !== auth.account.musteriId) return ok({ aciklama: PttText.notFound(barcode), hataKodu: PttCode.notFound })
  const dosyaAdi = text(ctx.req.fields.dosyaAdi)
  if (ctx.opts.checkDosyaAdi && dosyaAdi !== '' && dosyaAdi !== s.dosyaAdi)
    return ok({ aciklama: PttText.invalid('dosyaAdi', `${barcode} bu dosyada değil`), hataKodu: PttCode.invalidField })
  if (s.status !== PttStatus.uploaded) return ok({ aciklama: PttText.alreadyAccepted(barcode), hataKodu: PttCode.alreadyAccepted })
  s.status = PttStatus.deleted
  ctx.state.remove(s)
  return ok({ aciklama: PttText.deleted(barcode), hataKodu: ctx.opts.successCode })
}

/** siparisIstekEkle2 (courier pickup) → sonucKodu, sonucAciklama, siparisId. */
export function siparisIstekEkle2(ctx: OpContext): OpOutcome {
  const auth = byCustomer(ctx, false)
  if ('outcome' in auth) return { kind: 'ok', row: { siparisId: null, sonucAciklama: PttText.auth, sonucKodu: PttCode.auth } }
  const { req, state, opts } = ctx
  const adet = text(req.fields.adet)
  const refuse = (code: string, message: string) => ok({ siparisId: null, sonucAciklama: message, sonucKodu: code })
  if (!/^\d+$/.test(adet) || Number(adet) < 1) return refuse(PttCode.invalidField, PttText.invalid('adet', `pozitif tam sayı olmalıdır (${adet})`))
  const g = req.gonderici
  for (const k of ['gonderici_adi', 'gonderici_adresi', 'gonderici_il_ad', 'gonderici_ilce_ad'] as const) {
    if (!g || text(g[k]) === '') return refuse(PttCode.missingField, PttText.required(k))
  }
  if (text(g?.gonderici_telefonu) === '' && text(g?.gonderici_sms) === '' && text(g?.gonderici_email) === '')
    return refuse(PttCode.missingField, PttText.required('gonderici_telefonu'))
  const siparisId = state.nextPickupId()
  state.pickups.push({
    siparisId,
    musteriId: auth.account.musteriId,
    adet: Number(adet),
    fields: req.fields,
    gonderici: g,
    at: new Date(opts.now()).toISOString(),
  })
  return ok({ siparisId, sonucAciklama: PttText.pickupTaken, sonucKodu: opts.successCode })
}

/**
 * gonderiSorgu / gonderiSorgu2{input{barkod, kullanici, sifre}}: the header and events once the
 * branch has accepted the parcel; before that, or for an unknown barcode, no BARNO (§12).
 */
export function gonderiSorgu(ctx: OpContext): OpOutcome {
  const { req, state, opts } = ctx
  const user = text(req.fields.kullanici)
  // The tracking user is the WS user (BX) or the customer id (HT): both are taken.
  const account = opts.accounts.find((a) => user === a.username || user === String(a.musteriId))
  if (!account || account.password !== req.fields.sifre) return ok({ sonucAciklama: PttText.auth, sonucKodu: PttCode.auth })
  const barcode = text(req.fields.barkod)
  const bad = barcodeRefusal(barcode, { ...account, barcodeRanges: [{ first: '000000000000', last: '999999999999' }] })
  if (bad) return ok({ sonucAciklama: bad.message, sonucKodu: bad.code })
  const s = state.find(barcode)
  if (!s || s.musteriId !== account.musteriId || s.events.length === 0) return ok({ sonucAciklama: PttText.trackNotFound, sonucKodu: PttCode.notFound })
  return ok({
    sonucAciklama: PttText.ok,
    sonucKodu: opts.successCode,
    BARNO: s.barcode,
    ALICI: s.aliciAdi,
    GONDEREN: s.sender?.name ?? '',
    GR: s.agirlikGrams,
    VMERK: office(s.ilce),
    TESALAN: s.tesalan,
    dongu: s.events.map((e) => ({ siraNo: e.siraNo, ISLEM: e.ISLEM, ITARIH: e.ITARIH, ISAAT: opts.includeEventTime ? e.ISAAT : undefined, IMERK: e.IMERK })),
  })
}

export const OPERATIONS: Readonly<Record<string, (ctx: OpContext) => OpOutcome>> = {
  kabulEkle2,
  etiketGetir,
  barkodVeriSil,
  siparisIstekEkle2,
  gonderiSorgu,
  gonderiSorgu2: gonderiSorgu,
}

/** The wrapper element each operation's WSDL type uses (BX, HT). */
export const WRAPPER: Readonly<Record<string, string>> = {
  kabulEkle2: 'input',
  etiketGetir: 'input',
  barkodVeriSil: 'inpDelete',
  siparisIstekEkle2: 'input',
  gonderiSorgu: 'input',
  gonderiSorgu2: 'input',
}
