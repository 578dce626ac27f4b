import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as mupdf from 'mupdf'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HttpFault } from '../common/http-emulator'
import { DEFAULT_ACCOUNT, startSuratEmulator, SuratOp, type SuratEmulator } from './surat.emulator'

const A = DEFAULT_ACCOUNT
let emu: SuratEmulator
let seq = 0

const gonderiXml = (over: Record<string, string> = {}) => {
  const g: Record<string, string> = {
    KisiKurum: 'Mehmet Demir',
    AliciAdresi: 'Atatürk Cad. 42',
    Il: 'Ankara',
    Ilce: 'Çankaya',
    TelefonCep: '05559876543',
    KargoTuru: '3',
    OdemeTipi: '1',
    OzelKargoTakipNo: `K${++seq}`,
    Adet: '1',
    BirimDesi: '3',
    BirimKg: '2',
    KapidanOdemeTahsilatTipi: '0',
    TeslimSekli: '1',
    Iademi: 'false',
    ...over,
  }
  return Object.entries(g)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')
}

async function soap(op: string, inner: string, o: { action?: string; ns?: string } = {}) {
  const body = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op} xmlns="${o.ns ?? 'http://tempuri.org/'}">${inner}</${op}></soap:Body></soap:Envelope>`
  const res = await fetch(emu.urls.soap, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: o.action ?? `"http://tempuri.org/${op}"` },
    body,
  })
  return { status: res.status, text: await res.text() }
}
const create = (g: string, op: string = SuratOp.siparisBarkod, sifre = A.sifre) =>
  soap(op, `<KullaniciAdi>${A.cariKodu}</KullaniciAdi><Sifre>${sifre}</Sifre><Gonderi>${g}</Gonderi>`)
const tag = (xml: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? null
const track = async (key: string, sifre = A.webPassword, method = 'POST') => {
  const res = await fetch(`${emu.urls.tracking}?CariKodu=${A.cariKodu}&Sifre=${encodeURIComponent(sifre)}&WebSiparisKodu=${key}`, { method })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  emu = await startSuratEmulator({
    accounts: [
      A,
      { cariKodu: '2000000001', sifre: 'p', webPassword: 'w', contract: false },
      { cariKodu: '2000000002', sifre: 'p', webPassword: 'w', siparisBarkod: false, kargoBarkodu: false },
    ],
  })
})
afterAll(() => emu.close())
beforeEach(() => emu.faults.set(null))

describe('Sürat emulator: SOAP envelope rules (ASMX)', () => {
  it('an unknown SOAPAction is a soap:Client fault with HTTP 500', async () => {
    const r = await soap(SuratOp.gonderiSil, '', { action: '"http://tempuri.org/Nope"' })
    expect(r.status).toBe(500)
    expect(tag(r.text, 'faultcode')).toBe('soap:Client')
    expect(r.text).toContain('Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/Nope.')
  })
  it('a body element that is not the action, or not in tempuri, is refused', async () => {
    expect((await soap(SuratOp.gonderiSil, '', { action: `"http://tempuri.org/${SuratOp.kargoBarkodu}"` })).status).toBe(500)
    const r = await soap(SuratOp.gonderiSil, '', { ns: 'http://example.com/' })
    expect(r.status).toBe(500)
    expect(r.text).toContain('was not expected')
  })
  it('a non-integer Int32 field fails deserialization (soap:Client)', async () => {
    const r = await create(gonderiXml({ Adet: 'iki' }))
    expect(r.status).toBe(500)
    expect(r.text).toContain('Input string was not in a correct format.')
  })
})

describe('Sürat emulator: create result codes (carriers.md §5)', () => {
  it('creates with a 14-digit Barcode; the same OzelKargoTakipNo again is 009', async () => {
    const g = gonderiXml({ OzelKargoTakipNo: 'DUP-1' })
    const first = await create(g)
    expect(first.status).toBe(200)
    expect(tag(first.text, 'isError')).toBe('false')
    expect(tag(first.text, 'Message')).toBe('Tamam')
    expect(tag(first.text, 'Barcode')).toMatch(/^\d{14}$/)
    const again = await create(g)
    expect(tag(again.text, 'isError')).toBe('true')
    expect(tag(again.text, 'Message')).toMatch(/^009\b/)
    expect(emu.shipments.filter((s) => s.ozelKargoTakipNo === 'DUP-1')).toHaveLength(1)
  })

  it.each([
    ['001', () => create(gonderiXml(), SuratOp.siparisBarkod, 'yanlis')],
    ['002', () => create(gonderiXml({ KisiKurum: ' ' }))],
    ['003', () => create(gonderiXml({ AliciAdresi: '' }))],
    ['004', () => create(gonderiXml({ Ilce: 'Atlantis' }))],
    ['006', () => create(gonderiXml({ BirimDesi: '0' }))],
    ['020', () => create(gonderiXml({ TelefonCep: '0555-987654' }))],
    ['024', () => create(gonderiXml({ TelefonCep: '055598' }))],
    ['022', () => create(gonderiXml({ TelefonCep: '5559876543' }))],
    ['019', () => create(gonderiXml({ TelefonCep: '055598765432' }))],
    ['018', () => soap(SuratOp.siparisBarkod, `<KullaniciAdi>2000000001</KullaniciAdi><Sifre>p</Sifre><Gonderi>${gonderiXml()}</Gonderi>`)],
    ['050', () => soap(SuratOp.siparisBarkod, `<KullaniciAdi>2000000002</KullaniciAdi><Sifre>p</Sifre><Gonderi>${gonderiXml()}</Gonderi>`)],
  ])('answers %s', async (code, send) => {
    const before = emu.shipments.length
    const r = await send()
    expect(r.status).toBe(200)
    expect(tag(r.text, 'isError')).toBe('true')
    expect(tag(r.text, 'Message')).toMatch(new RegExp(`^${code}\\b`))
    expect(emu.shipments.length).toBe(before)
  })

  it('records Iademi on the stored shipment (true/1 → a return; false, 0 or absent → not); a bad boolean is a soap:Client fault', async () => {
    for (const [value, iademi] of [
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ] as const) {
      const key = `IADE-${value}`
      await create(gonderiXml({ OzelKargoTakipNo: key, Iademi: value }))
      expect(emu.shipments.find((s) => s.ozelKargoTakipNo === key)?.iademi).toBe(iademi)
    }
    await create(gonderiXml({ OzelKargoTakipNo: 'IADE-absent' }).replace('<Iademi>false</Iademi>', ''))
    expect(emu.shipments.find((s) => s.ozelKargoTakipNo === 'IADE-absent')?.iademi).toBe(false)
    const bad = await create(gonderiXml({ OzelKargoTakipNo: 'IADE-bad', Iademi: 'evet' }))
    expect(bad.status).toBe(500)
    expect(emu.shipments.some((s) => s.ozelKargoTakipNo === 'IADE-bad')).toBe(false)
  })

  it('forced codes (038/042) and GonderiyiKargoyaGonderYeni string results', async () => {
    emu.forceResult('038')
    expect(tag((await create(gonderiXml())).text, 'Message')).toMatch(/^038/)
    const yeni = await create(gonderiXml({ OzelKargoTakipNo: 'YENI-1' }), SuratOp.yeni)
    expect(tag(yeni.text, `${SuratOp.yeni}Result`)).toBe('Tamam')
    expect(emu.shipments.find((s) => s.ozelKargoTakipNo === 'YENI-1')?.barcode).toBeNull()
    // The two-step of accounts without barcode permission: OrtakBarkodOlustur barcodes the registered shipment.
    const ortak = await create(gonderiXml({ OzelKargoTakipNo: 'YENI-1' }), SuratOp.ortakBarkod)
    expect(tag(ortak.text, 'KargoTakipNo')).toMatch(/^\d{14}$/)
    expect(emu.shipments.filter((s) => s.ozelKargoTakipNo === 'YENI-1')).toHaveLength(1)
    expect(tag((await create(gonderiXml({ OzelKargoTakipNo: 'YENI-1' }), SuratOp.yeni)).text, `${SuratOp.yeni}Result`)).toMatch(/^009/)
  })
})

describe('Sürat emulator: KargoBarkodu returns a real PDF', () => {
  it('opens in MuPDF with the barcode digits, and the bars decode as ITF', async () => {
    const r0 = await create(gonderiXml({ OzelKargoTakipNo: 'PDF-1' }))
    const barcode = tag(r0.text, 'Barcode') ?? ''
    const r = await soap(
      SuratOp.kargoBarkodu,
      `<cariKodu>${A.cariKodu}</cariKodu><WebPassword>${A.webPassword}</WebPassword><ozelKargoTakipNo>PDF-1</ozelKargoTakipNo>`,
    )
    expect(tag(r.text, 'KargoTakipNo')).toBe(barcode)
    const pdf = Buffer.from(tag(r.text, 'PdfBarkod') ?? '', 'base64')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
    expect(doc.countPages()).toBe(1)
    const page = doc.loadPage(0)
    expect(page.toStructuredText('preserve-whitespace').asText()).toContain(barcode)
    if (!existsSync('/usr/bin/zbarimg')) return
    const dir = mkdtempSync(join(tmpdir(), 'surat-pdf-'))
    try {
      const png = join(dir, 'label.png')
      writeFileSync(png, page.toPixmap(mupdf.Matrix.scale(3, 3), mupdf.ColorSpace.DeviceGray, false).asPNG())
      const { stdout } = await promisify(execFile)('zbarimg', ['-q', '--raw', png])
      expect(stdout.trim()).toBe(barcode)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('wrong web password, unknown key and missing permission are isError answers', async () => {
    const ask = (cari: string, web: string, key: string) =>
      soap(SuratOp.kargoBarkodu, `<cariKodu>${cari}</cariKodu><WebPassword>${web}</WebPassword><ozelKargoTakipNo>${key}</ozelKargoTakipNo>`)
    expect(tag((await ask(A.cariKodu, 'x', 'PDF-1')).text, 'Message')).toMatch(/^001/)
    expect(tag((await ask(A.cariKodu, A.webPassword, 'NOPE')).text, 'Message')).toContain('bulunamadı')
    expect(tag((await ask('2000000002', 'w', 'PDF-1')).text, 'Message')).toMatch(/^050/)
  })
})

describe('Sürat emulator: cancel and tracking', () => {
  it('GonderiSil before acceptance; tracking then says iptal; a second GonderiSil says already cancelled', async () => {
    await create(gonderiXml({ OzelKargoTakipNo: 'SIL-1' }))
    const sil = () =>
      soap(SuratOp.gonderiSil, `<cariKodu>${A.cariKodu}</cariKodu><WebPassword>${A.webPassword}</WebPassword><ozelKargoTakipNo>SIL-1</ozelKargoTakipNo>`)
    expect(tag((await sil()).text, `${SuratOp.gonderiSil}Result`)).toContain('silindi')
    expect(tag((await sil()).text, `${SuratOp.gonderiSil}Result`)).toContain('iptal')
    expect((await track('SIL-1')).json).toMatchObject({ IsError: true, errorMessage: expect.stringContaining('iptal') })
  })

  it('GonderiSil after acceptance is refused; GonderiGeriCek needs IptalNeden and recalls', async () => {
    await create(gonderiXml({ OzelKargoTakipNo: 'GERI-1' }))
    emu.advance('GERI-1')
    const sil = await soap(
      SuratOp.gonderiSil,
      `<cariKodu>${A.cariKodu}</cariKodu><WebPassword>${A.webPassword}</WebPassword><ozelKargoTakipNo>GERI-1</ozelKargoTakipNo>`,
    )
    expect(tag(sil.text, `${SuratOp.gonderiSil}Result`)).toContain('silinemez')
    const geri = (reason: string) =>
      soap(
        SuratOp.gonderiGeriCek,
        `<KullaniciAdi>${A.cariKodu}</KullaniciAdi><Sifre>${A.sifre}</Sifre><OzelKargoTakipNo>GERI-1</OzelKargoTakipNo><IptalNeden>${reason}</IptalNeden>`,
      )
    expect(tag((await geri('')).text, `${SuratOp.gonderiGeriCek}Result`)).toContain('İptal nedeni')
    expect(tag((await geri('Müşteri isteği')).text, `${SuratOp.gonderiGeriCek}Result`)).toBe('Tamam')
    expect(emu.advance('GERI-1').statusCode).toBe(9)
  })

  it('REST tracking: POST only, credentials, not found, the status chain and TeslimTarihi when delivered', async () => {
    await create(gonderiXml({ OzelKargoTakipNo: 'TRK-1' }))
    expect((await track('TRK-1', A.webPassword, 'GET')).status).toBe(405)
    expect((await track('TRK-1', 'bad')).json).toMatchObject({ IsError: true, errorMessage: expect.stringContaining('şifre') })
    expect((await track('NONE')).json).toMatchObject({ IsError: true, errorMessage: 'Kayıt bulunamadı' })
    expect((await track('TRK-1')).json).toMatchObject({ IsError: false, Gonderiler: [{ KargonunDurumuSayi: 1, TeslimTarihi: '' }] })
    for (let i = 0; i < 5; i++) emu.advance('TRK-1')
    const done = (await track('TRK-1')).json as { Gonderiler: Array<Record<string, unknown>> }
    expect(done.Gonderiler[0]).toMatchObject({
      KargonunDurumuSayi: 6,
      KargonunDurumu: 'Teslim Edildi',
      TeslimTarihi: expect.stringMatching(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/),
    })
    expect(() => emu.advance('TRK-1')).toThrow(/final/)
    const hook = await fetch(`${emu.origin}/__emu/advance/NONE`, { method: 'POST' })
    expect(hook.status).toBe(404)
  })

  it('KargoTakipHareketDetayliV2 lists one line per movement', async () => {
    await create(gonderiXml({ OzelKargoTakipNo: 'V2-1' }))
    emu.advance('V2-1')
    const r = await soap(SuratOp.takipV2, `<CariKodu>${A.cariKodu}</CariKodu><Sifre>${A.webPassword}</Sifre><WebSiparisKodu>V2-1</WebSiparisKodu>`)
    const lines = (tag(r.text, `${SuratOp.takipV2}Result`) ?? '').split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^Kargo Kabul Edildi\|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\|/)
  })
})

describe('Sürat emulator: Cloudflare, faults, log', () => {
  it('answers Cloudflare 403 pages when told to, then serves again', async () => {
    emu.blockWithCloudflare(1)
    const res = await fetch(`${emu.urls.tracking}?CariKodu=${A.cariKodu}&Sifre=x&WebSiparisKodu=K`, { method: 'POST' })
    expect(res.status).toBe(403)
    expect(res.headers.get('server')).toBe('cloudflare')
    expect(await res.text()).toContain('Cloudflare')
    expect((await track('NONE')).status).toBe(200)
  })

  it('dropAfterCommit stores the shipment and kills the answer', async () => {
    emu.faults.queue([HttpFault.dropAfterCommit])
    await expect(create(gonderiXml({ OzelKargoTakipNo: 'DROP-1' }))).rejects.toThrow()
    expect(emu.shipments.some((s) => s.ozelKargoTakipNo === 'DROP-1')).toBe(true)
  })

  it('logs requests with both passwords redacted', () => {
    const all = emu.requests.map((r) => r.body + r.path).join('\n')
    expect(all).not.toContain(`>${A.sifre}<`)
    expect(all).not.toContain(A.webPassword)
    expect(all).toContain('[redacted]')
  })

  it('throttles with 429 + Retry-After when a rate limit is set', async () => {
    const limited = await startSuratEmulator({ rateLimit: { limit: 2, windowMs: 60_000 } })
    try {
      const url = `${limited.urls.tracking}?CariKodu=${A.cariKodu}&Sifre=x&WebSiparisKodu=K`
      const statuses = []
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url, { method: 'POST' })
        statuses.push([res.status, res.headers.get('retry-after')])
        await res.arrayBuffer()
      }
      expect(statuses).toEqual([
        [200, null],
        [200, null],
        [429, '60'],
      ])
    } finally {
      await limited.close()
    }
  })
})
