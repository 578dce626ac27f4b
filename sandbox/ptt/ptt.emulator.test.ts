import { XMLParser } from 'fast-xml-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { HttpFault } from '../common/http-emulator'
import { DEFAULT_PTT_ACCOUNT, PttCode, PttStatus, rangeBarcode, startPttEmulator, type PttEmulator, type PttEmulatorOptions } from './ptt.emulator'

// Wire-level tests: raw SOAP as HT / BX / a WooCommerce client send it (docs/reference/carriers.md §4).
let emu: PttEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})
const start = async (o: PttEmulatorOptions = {}) => (emu = await startPttEmulator(o))

const K = 'http://kabul.ptt.gov.tr'
const KX = 'http://kabul.ptt.gov.tr/xsd'
const A = DEFAULT_PTT_ACCOUNT
const B1 = rangeBarcode('274000000001') // 2740000000010
const x = (fields: Record<string, string | number | undefined>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<xsd:${k}>${v}</xsd:${k}>`)
    .join('')

function kabulEnvelope(op: string, wrapper: string, inner: string, soapNs = 'http://schemas.xmlsoap.org/soap/envelope/'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${soapNs}" xmlns:kab="${K}" xmlns:xsd="${KX}"><soapenv:Header/><soapenv:Body><kab:${op}><kab:${wrapper}>${inner}</kab:${wrapper}></kab:${op}></soapenv:Body></soapenv:Envelope>`
}

const parcel = (over: Record<string, string | number | undefined> = {}) =>
  x({
    aAdres: 'Hürriyet Mah. 1662. Sk. No:5',
    agirlik: 3200,
    aliciAdi: 'Mehmet Polat',
    aliciIlAdi: 'İZMİR',
    aliciIlceAdi: 'ÖDEMİŞ',
    aliciTel: '5321234567',
    barkodNo: B1,
    desi: '8',
    musteriReferansNo: 'KJ-1',
    odemesekli: 'MH',
    ...over,
  })

const kabul = (dongu: string[], over: Record<string, string | number | undefined> = {}) =>
  kabulEnvelope(
    'kabulEkle2',
    'input',
    dongu.map((d) => `<xsd:dongu>${d}</xsd:dongu>`).join('') +
      x({ dosyaAdi: 'KJ1', gonderiTip: 'NORMAL', gonderiTur: 'KARGO', kullanici: 'PttWs', musteriId: A.musteriId, sifre: A.password, ...over }),
  )

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (n) => n === 'dongu' })

async function post(e: PttEmulator, path: string, body: string, soapAction: string | null, contentType = 'text/xml; charset=utf-8') {
  const headers: Record<string, string> = { 'content-type': contentType }
  if (soapAction !== null) headers.soapaction = soapAction
  const res = await fetch(e.origin + path, { method: 'POST', headers, body })
  const text = await res.text()
  const doc = res.headers.get('content-type')?.includes('xml')
    ? (parser.parse(text) as { Envelope?: { Body?: Record<string, Record<string, unknown>> } })
    : null
  const b = doc?.Envelope?.Body ?? {}
  const response = Object.entries(b).find(([k]) => k.endsWith('Response'))?.[1] as Record<string, unknown> | undefined
  const ret = (response?.return ?? Object.entries(response ?? {}).find(([k]) => k.endsWith('Return'))?.[1]) as Record<string, unknown> | undefined
  return { status: res.status, text, ret: ret ?? {}, fault: b.Fault as { faultcode: string; faultstring: string } | undefined, headers: res.headers }
}

const acceptance = (e: PttEmulator, op: string, body: string) => post(e, '/PttVeriYukleme/services/Sorgu', body, `"urn:${op}"`)
const takip = (e: PttEmulator, op: string, fields: Record<string, string>, action: string | null = '""') =>
  post(
    e,
    '/GonderiTakipV2/services/Sorgu',
    `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tak="http://takip.ptt.gov.tr"><soapenv:Body><tak:${op}><tak:input>${Object.entries(
      fields,
    )
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</tak:input></tak:${op}></soapenv:Body></soapenv:Envelope>`,
    action,
  )

describe('kabulEkle2', () => {
  it('stores a valid parcel and answers hataKodu 1 with a per-parcel dongu (HTTP 200, Axis2 shape)', async () => {
    const e = await start()
    const r = await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    expect(r.status).toBe(200)
    expect(r.text).toContain('<ns:kabulEkle2Response xmlns:ns="http://kabul.ptt.gov.tr"><ns:return')
    expect(r.ret).toMatchObject({ hataKodu: '1', dongu: [{ barkod: B1, donguHataKodu: '1', donguSonuc: 'true' }] })
    expect(e.find(B1)).toMatchObject({ status: PttStatus.uploaded, il: 'İzmir', ilce: 'Ödemiş', agirlikGrams: 3200 })
    expect(e.requests[0]?.body).toContain('<xsd:sifre>[redacted]</xsd:sifre>')
  })

  it('takes unqualified children too (BX probed the live service), and the WS user as kullanici', async () => {
    const e = await start()
    const body = kabul([parcel()], { kullanici: A.username }).replace(/xsd:/g, '')
    expect((await acceptance(e, 'kabulEkle2', body)).ret).toMatchObject({ hataKodu: '1' })
  })

  it.each([
    ['bad password', [parcel()], { sifre: 'x' }, { hataKodu: PttCode.auth, aciklama: 'Kullanıcı Şifre Hatalı' }],
    ['unknown kullanici', [parcel()], { kullanici: 'someone' }, { hataKodu: PttCode.auth }],
    ['another customer', [parcel()], { musteriId: 1 }, { hataKodu: PttCode.auth }],
    ['no dosyaAdi', [parcel()], { dosyaAdi: undefined }, { hataKodu: PttCode.missingField }],
    ['no dongu', [], {}, { hataKodu: PttCode.missingField }],
  ])('%s → batch refusal in HTTP 200', async (_n, dongu, over, expected) => {
    const e = await start()
    const r = await acceptance(e, 'kabulEkle2', kabul(dongu, over))
    expect(r.status).toBe(200)
    expect(r.ret).toMatchObject(expected)
    expect(e.shipments).toHaveLength(0)
  })

  it.each([
    ['wrong check digit', { barkodNo: '2740000000011' }, PttCode.checkDigit],
    ['12 digits', { barkodNo: '274000000001' }, PttCode.checkDigit],
    ['outside the range', { barkodNo: rangeBarcode('274001000000') }, PttCode.outOfRange],
    ['short aliciAdi', { aliciAdi: 'Ali' }, PttCode.invalidField],
    ['unknown ilçe', { aliciIlceAdi: 'ATLANTIS' }, PttCode.address],
    ['unknown il', { aliciIlAdi: 'MORDOR' }, PttCode.address],
    ['decimal agirlik', { agirlik: '3.2' }, PttCode.invalidField],
    ['bad odemesekli', { odemesekli: 'XX' }, PttCode.invalidField],
    ['COD without amount', { ekhizmet: 'OS' }, PttCode.invalidField],
    ['phone not 10 digits', { aliciTel: '05321234567' }, PttCode.invalidField],
  ])('%s → donguHataKodu %s, nothing stored', async (_n, over, code) => {
    const e = await start()
    const r = await acceptance(e, 'kabulEkle2', kabul([parcel(over)]))
    expect(r.ret).toMatchObject({ hataKodu: '1', dongu: [{ donguHataKodu: code, donguSonuc: 'false' }] })
    expect(e.shipments).toHaveLength(0)
  })

  it('a barcode that already carries data: -3 for that parcel, the other parcel is stored', async () => {
    const e = await start()
    await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    const B2 = rangeBarcode('274000000002')
    const r = await acceptance(e, 'kabulEkle2', kabul([parcel(), parcel({ barkodNo: B2 })]))
    expect(r.ret.dongu).toMatchObject([
      { barkod: B1, donguHataKodu: PttCode.duplicateBarcode },
      { barkod: B2, donguHataKodu: '1' },
    ])
    expect(e.shipments.map((s) => s.barcode)).toEqual([B1, B2])
  })

  it('successCode "0" (BX’s reading) is an option', async () => {
    const e = await start({ successCode: '0' })
    expect((await acceptance(e, 'kabulEkle2', kabul([parcel()]))).ret).toMatchObject({ hataKodu: '0', dongu: [{ donguHataKodu: '0' }] })
  })
})

describe('envelope, binding and routing problems', () => {
  it.each([
    ['not XML', () => post(emu!, '/PttVeriYukleme/services/Sorgu', '<soapenv:Envelope', '"urn:kabulEkle2"'), 500, 'soapenv:Client'],
    [
      'SOAP 1.2 envelope',
      () => acceptance(emu!, 'kabulEkle2', kabulEnvelope('kabulEkle2', 'input', '', 'http://www.w3.org/2003/05/soap-envelope')),
      500,
      'soapenv:VersionMismatch',
    ],
    ['an undocumented operation', () => acceptance(emu!, 'referansVeriSil', kabulEnvelope('referansVeriSil', 'inpRefDelete', '')), 500, 'soapenv:Client'],
    ['wrong SOAPAction', () => post(emu!, '/PttVeriYukleme/services/Sorgu', kabul([parcel()]), '"urn:etiketGetir"'), 500, 'soapenv:Client'],
    ['no SOAPAction', () => post(emu!, '/PttVeriYukleme/services/Sorgu', kabul([parcel()]), null), 500, 'soapenv:Client'],
    ['wrong wrapper', () => acceptance(emu!, 'barkodVeriSil', kabulEnvelope('barkodVeriSil', 'input', x({ barcode: B1 }))), 500, 'soapenv:Client'],
    [
      'musteriId not an int',
      () => acceptance(emu!, 'etiketGetir', kabulEnvelope('etiketGetir', 'input', x({ barkodNo: B1, musteriId: 'abc', sifre: 'x' }))),
      500,
      'soapenv:Client',
    ],
    // The published GonderiTakipV2 WSDL binds urn:gonderiSorgu; "" also works (Axis2 dispatches on the body); another op's action does not.
    [
      'tracking with another operation’s SOAPAction',
      () => takip(emu!, 'gonderiSorgu', { barkod: B1, kullanici: A.username, sifre: A.password }, '"urn:gonderiSorgu2"'),
      500,
      'soapenv:Client',
    ],
  ])('%s → SOAP fault', async (_n, send, status, faultcode) => {
    await start()
    const r = await send()
    expect(r.status).toBe(status)
    expect(r.fault?.faultcode).toBe(faultcode)
  })

  it('wrong path 404, GET 404, text/plain 415; ?wsdl serves the published WSDL pointed here', async () => {
    const e = await start()
    expect((await post(e, '/PttVeriYukleme/services/Other', kabul([parcel()]), '"urn:kabulEkle2"')).status).toBe(404)
    expect((await fetch(e.urls.acceptance)).status).toBe(404)
    const wsdl = await (await fetch(`${e.urls.acceptance}?wsdl`)).text()
    expect(wsdl).toContain('<wsdl:operation name="kabulEkle2">')
    expect(wsdl).toContain(`<soap:address location="${e.urls.acceptance}" />`)
    expect(await (await fetch(`${e.urls.tracking}?WSDL`)).text()).toContain('soapAction="urn:gonderiSorgu"')
    expect((await post(e, '/PttVeriYukleme/services/Sorgu', kabul([parcel()]), '"urn:kabulEkle2"', 'text/plain')).status).toBe(415)
  })
})

describe('etiketGetir, barkodVeriSil, siparisIstekEkle2', () => {
  it('by default etiketGetir is not served, as in the published WSDL: an Axis2 "Operation not found" fault', async () => {
    const e = await start()
    await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    const r = await acceptance(e, 'etiketGetir', kabulEnvelope('etiketGetir', 'input', x({ barkodNo: B1, musteriId: A.musteriId, sifre: A.password })))
    expect(r.status).toBe(500)
    expect(r.fault).toMatchObject({ faultcode: 'soapenv:Client', faultstring: expect.stringContaining('Operation not found') })
    expect(e.shipments).toHaveLength(1)
  })

  it('labelOperation: etiketGetir: EPL with the barcode as Code 128; unknown → -8', async () => {
    const e = await start({ labelOperation: true })
    await acceptance(e, 'kabulEkle2', kabul([parcel({ ekhizmet: 'OS', odeme_sart_ucreti: '149.9' })]))
    const r = await acceptance(e, 'etiketGetir', kabulEnvelope('etiketGetir', 'input', x({ barkodNo: B1, musteriId: A.musteriId, sifre: A.password })))
    expect(r.ret).toMatchObject({ hataKodu: '1' })
    const epl = String(r.ret.epl_format)
    expect(epl).toMatch(/^N\r?\nq812\r?\nQ1218,24\r?\n/) // XML turns the CRLF of EPL into LF (XML 1.0 §2.11)
    expect(epl).toContain(`B90,480,0,1,3,6,220,B,"${B1}"`)
    expect(epl).toContain('A30,395,0,4,1,1,R,"ÖDEME ŞARTLI: 149.90 TL"')
    expect(epl).toMatch(/P1$/)
    const unknown = await acceptance(
      e,
      'etiketGetir',
      kabulEnvelope('etiketGetir', 'input', x({ barkodNo: rangeBarcode('274000000009'), musteriId: A.musteriId, sifre: A.password })),
    )
    expect(unknown.ret).toMatchObject({ hataKodu: PttCode.notFound })
    expect(unknown.ret.epl_format).toBeUndefined()
  })

  it('barkodVeriSil before acceptance deletes (and frees the barcode); after acceptance -9; unknown -8', async () => {
    const e = await start({ checkDosyaAdi: true })
    await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    const del = (barcode: string, dosyaAdi = 'KJ1') =>
      acceptance(e, 'barkodVeriSil', kabulEnvelope('barkodVeriSil', 'inpDelete', x({ barcode, dosyaAdi, musteriId: A.musteriId, sifre: A.password })))
    expect((await del(B1, 'OTHER')).ret).toMatchObject({ hataKodu: PttCode.invalidField })
    expect((await del(B1)).ret).toMatchObject({ hataKodu: '1' })
    expect((await del(B1)).ret).toMatchObject({ hataKodu: PttCode.notFound })
    expect(e.shipments[0]?.status).toBe(PttStatus.deleted)
    await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    e.advance(B1)
    expect((await del(B1)).ret).toMatchObject({ hataKodu: PttCode.alreadyAccepted })
  })

  it('siparisIstekEkle2: a siparisId; a missing sender address → -2', async () => {
    const e = await start()
    const g = (over: Record<string, string> = {}) =>
      `<xsd:gondericibilgi>${x({ gonderici_adi: 'KargoJet', gonderici_adresi: 'Depo', gonderici_il_ad: 'İSTANBUL', gonderici_ilce_ad: 'ESENYURT', gonderici_telefonu: '2125550123', ...over })}</xsd:gondericibilgi>`
    const istek = (gXml: string) =>
      kabulEnvelope(
        'siparisIstekEkle2',
        'input',
        x({ adet: 2, gonderiTip: 'NORMAL', gonderiTur: 'KARGO' }) +
          gXml +
          x({ isyeriId: 0, musteriId: A.musteriId, musteriKullanici: 'admin', sifre: A.password, ucret: '0.00' }),
      )
    expect((await acceptance(e, 'siparisIstekEkle2', istek(g()))).ret).toMatchObject({ sonucKodu: '1', siparisId: '700001' })
    expect((await acceptance(e, 'siparisIstekEkle2', istek(g({ gonderici_adresi: '' })))).ret).toMatchObject({ sonucKodu: PttCode.missingField })
    expect(e.pickups).toHaveLength(1)
  })
})

describe('gonderiSorgu (GonderiTakipV2, Axis 1.4)', () => {
  it('no BARNO before acceptance; then BARNO, siraNo events (dd/MM/yyyy) and TESALAN once delivered', async () => {
    const e = await start({ now: () => Date.parse('2025-02-14T15:00:35Z') })
    await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    const ask = (kullanici = A.username) => takip(e, 'gonderiSorgu', { barkod: B1, kullanici, sifre: A.password })
    const before = await ask()
    expect(before.ret).toMatchObject({ sonucKodu: PttCode.notFound })
    expect(before.ret.BARNO).toBeUndefined()
    e.advance(B1, PttStatus.delivered)
    const r = await ask(String(A.musteriId)) // HT sends the customer id as kullanici
    expect(r.text).toContain('<ns1:gonderiSorguResponse xmlns:ns1="http://takip.ptt.gov.tr"><ns1:return')
    expect(r.ret).toMatchObject({ sonucKodu: '1', BARNO: B1, ALICI: 'Mehmet Polat', GR: '3200', TESALAN: 'Mehmet Polat' })
    expect(r.ret.dongu).toEqual([
      { siraNo: '1', ISLEM: 'Kabul Edildi', ITARIH: '14/02/2025', ISAAT: '18:00:35', IMERK: 'GÖNDERİCİ PTT MERKEZ MÜDÜRLÜĞÜ' },
      { siraNo: '2', ISLEM: 'Aktarma Merkezine Ulaştı', ITARIH: '14/02/2025', ISAAT: '18:00:35', IMERK: 'ANKARA POSTA İŞLEME MERKEZİ' },
      { siraNo: '3', ISLEM: 'Dağıtıma Çıkarıldı', ITARIH: '14/02/2025', ISAAT: '18:00:35', IMERK: 'ÖDEMİŞ PTT MERKEZ MÜDÜRLÜĞÜ' },
      { siraNo: '4', ISLEM: 'Teslim Edildi', ITARIH: '14/02/2025', ISAAT: '18:00:35', IMERK: 'ÖDEMİŞ PTT MERKEZ MÜDÜRLÜĞÜ' },
    ])
    expect((await takip(e, 'gonderiSorgu', { barkod: B1, kullanici: A.username, sifre: 'no' })).ret).toMatchObject({
      sonucKodu: PttCode.auth,
      sonucAciklama: 'Kullanıcı Şifre Hatalı',
    })
  })

  it('gonderiSorgu2 with <op>Return; "Policy Falsified" when tracking is not opened', async () => {
    const e = await start({ trackingReturnElement: 'operationReturn' })
    const r = await takip(e, 'gonderiSorgu2', { barkod: B1, kullanici: A.username, sifre: A.password })
    expect(r.text).toContain('<ns1:gonderiSorgu2Return')
    await e.close()
    const blocked = await start({ trackingBlocked: true })
    const f = await takip(blocked, 'gonderiSorgu', { barkod: B1, kullanici: A.username, sifre: A.password })
    expect(f).toMatchObject({ status: 500, fault: { faultstring: 'Policy Falsified' } })
  })
})

describe('faults, throttle and the test hook', () => {
  it('dropAfterCommit stores and says nothing; http429 stores nothing; the rate limit answers 429 + Retry-After', async () => {
    const e = await start({ rateLimit: { limit: 2, windowMs: 60_000 } })
    e.faults.queue([HttpFault.dropAfterCommit, HttpFault.http429])
    await expect(acceptance(e, 'kabulEkle2', kabul([parcel()]))).rejects.toThrow()
    expect(e.shipments).toHaveLength(1)
    expect((await acceptance(e, 'kabulEkle2', kabul([parcel({ barkodNo: rangeBarcode('274000000002') })]))).status).toBe(429)
    expect(e.shipments).toHaveLength(1)
    await acceptance(e, 'etiketGetir', kabulEnvelope('etiketGetir', 'input', x({ barkodNo: B1, musteriId: A.musteriId, sifre: A.password })))
    const limited = await acceptance(e, 'etiketGetir', kabulEnvelope('etiketGetir', 'input', x({ barkodNo: B1, musteriId: A.musteriId, sifre: A.password })))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('POST /__emu/advance/{barcode}?to=… moves a parcel; unknown ones 404, bad status 400, final 409', async () => {
    const e = await start()
    await acceptance(e, 'kabulEkle2', kabul([parcel()]))
    const hook = (path: string) => fetch(`${e.origin}/__emu/advance/${path}`, { method: 'POST' })
    expect(await (await hook(`${B1}?to=out_for_delivery`)).json()).toMatchObject({ status: 'out_for_delivery', events: 3 })
    expect((await hook(`${B1}?to=flying`)).status).toBe(400)
    expect((await hook('2740000000027')).status).toBe(404)
    await hook(`${B1}?to=delivered`)
    expect((await hook(B1)).status).toBe(409)
    expect(e.requests.every((r) => !r.path.startsWith('/__emu'))).toBe(true)
  })
})
