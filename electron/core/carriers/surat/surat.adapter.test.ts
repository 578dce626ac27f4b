import * as mupdf from 'mupdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import { sampleSuratRequest } from '../../../../sandbox/surat/surat.fixtures'
import { DEFAULT_ACCOUNT, startSuratEmulator, SuratOp, type SuratAccount, type SuratEmulator } from '../../../../sandbox/surat/surat.emulator'
import type { CarrierExchange } from '../http/carrier-http'
import { createSuratConnector, SuratCreateMode, type SuratConnectorOptions } from './surat.adapter'
import { SURAT_DOCUMENTED_FAILURES } from './surat.result-codes.test-support'

const NO_BARCODE: SuratAccount = { cariKodu: '2000000002', sifre: 'p2', webPassword: 'w2', siparisBarkod: false }
const NO_LABEL: SuratAccount = { cariKodu: '2000000003', sifre: 'p3', webPassword: 'w3', kargoBarkodu: false }
const NO_CONTRACT: SuratAccount = { cariKodu: '2000000004', sifre: 'p4', webPassword: 'w4', contract: false }

let emu: SuratEmulator
let n = 0
const idem = () => `contract-${++n}`
const fast = { sleep: async () => {}, maxAttempts: 3 }
const connector = (over: Partial<SuratConnectorOptions> = {}) =>
  createSuratConnector({ soapOrigin: emu.origin, trackingOrigin: emu.origin, credentials: DEFAULT_ACCOUNT, retry: fast, timeoutMs: 5000, ...over })
const requestsSince = (i: number) => emu.requests.slice(i)

beforeAll(async () => {
  emu = await startSuratEmulator({ accounts: [DEFAULT_ACCOUNT, NO_BARCODE, NO_LABEL, NO_CONTRACT] })
})
afterAll(() => emu.close())

describe('Sürat connector: create + label', () => {
  it('creates with GonderiyiKargoyaGonderYeniSiparisBarkodOlustur and returns the KargoBarkodu PDF', async () => {
    const exchanges: CarrierExchange[] = []
    const c = connector({ onExchange: (e) => exchanges.push(e) })
    const key = idem()
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: key })
    expect(r.carrierShipmentId).toBe(c.keyFor(key))
    expect(r.trackingNumber).toMatch(/^\d{14}$/)
    expect(r.barcode).toBe(r.trackingNumber)
    expect(r.labelFormat).toBe('pdf')
    expect(r.trackingUrl).toContain(r.trackingNumber)
    const doc = mupdf.Document.openDocument(r.label as Uint8Array, 'application/pdf')
    expect(doc.loadPage(0).toStructuredText('preserve-whitespace').asText()).toContain(r.trackingNumber)
    const stored = emu.shipments.filter((s) => s.ozelKargoTakipNo === r.carrierShipmentId)
    expect(stored).toHaveLength(1)
    expect(stored[0]?.gonderi).toMatchObject({ ReferansNo: 'SIP-2001', TelefonCep: '05559876543', BirimDesi: '3', KargoIcerigi: 'Elektronik ürün' })
    const wire = emu.requests.filter((q) => q.operation === SuratOp.siparisBarkod).at(-1)
    expect(wire?.headers.soapaction).toBe(`"http://tempuri.org/${SuratOp.siparisBarkod}"`)
    expect(wire?.headers['content-type']).toMatch(/^text\/xml/)
    expect(exchanges.map((e) => e.operation)).toEqual([SuratOp.siparisBarkod, SuratOp.kargoBarkodu])
    const logged = JSON.stringify(exchanges)
    expect(logged).not.toContain(`>${DEFAULT_ACCOUNT.sifre}<`)
    expect(logged).not.toContain(DEFAULT_ACCOUNT.webPassword)
  })

  it('the same idempotency key meets 009, is confirmed by tracking and reused: one shipment', async () => {
    const c = connector()
    const key = idem()
    const first = await c.createShipment(sampleSuratRequest(), { idempotencyKey: key })
    const from = emu.requests.length
    const again = await c.createShipment(sampleSuratRequest(), { idempotencyKey: key })
    expect(again).toMatchObject({ carrierShipmentId: first.carrierShipmentId, trackingNumber: first.trackingNumber, barcode: first.barcode })
    expect(requestsSince(from).map((q) => q.operation)).toEqual([SuratOp.siparisBarkod, 'KargoTakipHareketDetayi', SuratOp.kargoBarkodu])
    expect(emu.shipments.filter((s) => s.ozelKargoTakipNo === first.carrierShipmentId)).toHaveLength(1)
  })

  it('050 falls back to GonderiyiKargoyaGonderYeni + OrtakBarkodOlustur and remembers it', async () => {
    const c = connector({ credentials: NO_BARCODE })
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(r.trackingNumber).toMatch(/^\d{14}$/)
    expect(c.activeCreateMode).toBe(SuratCreateMode.ortakBarkod)
    const from = emu.requests.length
    await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(requestsSince(from).map((q) => q.operation)).toEqual([SuratOp.yeni, SuratOp.ortakBarkod, SuratOp.kargoBarkodu])
  })

  it('050 on every configured mode is carrier.serviceUnsupported', async () => {
    const c = connector({ credentials: NO_BARCODE, createModes: [SuratCreateMode.siparisBarkod] })
    await expect(c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })).rejects.toMatchObject({
      code: ErrorCode.carrierServiceUnsupported,
      retryable: false,
    })
  })

  it('without label permission: no label, Sürat barcode for the desk label', async () => {
    const r = await connector({ credentials: NO_LABEL }).createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(r).toMatchObject({ label: null, labelFormat: null })
    expect(r.barcode).toMatch(/^\d{14}$/)
  })

  it('a lasting KargoBarkodu refusal after the create keeps the shipment: no label, Sürat barcode', async () => {
    const c = connector({ credentials: { ...DEFAULT_ACCOUNT, webPassword: 'yanlis' } })
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(r).toMatchObject({ label: null, labelFormat: null })
    expect(r.barcode).toBe(emu.shipments.find((s) => s.ozelKargoTakipNo === r.carrierShipmentId)?.barcode)
  })

  it('mode "yeni" without label: the desk prints OzelKargoTakipNo (carriers.md §13)', async () => {
    const c = connector({ credentials: NO_LABEL, createModes: [SuratCreateMode.yeni] })
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(r).toMatchObject({ label: null, barcode: r.carrierShipmentId, trackingNumber: r.carrierShipmentId, trackingUrl: null })
  })

  it('fetchLabel false skips KargoBarkodu', async () => {
    const from = emu.requests.length
    const r = await connector({ fetchLabel: false }).createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(r.label).toBeNull()
    expect(requestsSince(from).map((q) => q.operation)).toEqual([SuratOp.siparisBarkod])
  })

  it('label() fetches the PDF again; a 14-digit number is refused (our key is needed)', async () => {
    const c = connector()
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect((await c.label(r.carrierShipmentId))?.kargoTakipNo).toBe(r.trackingNumber)
    await expect(c.label(r.trackingNumber)).rejects.toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it('bad input is refused before any call', async () => {
    const from = emu.requests.length
    const base = sampleSuratRequest()
    await expect(
      connector().createShipment(sampleSuratRequest({ recipient: { ...base.recipient, phone: 'yok' } }), { idempotencyKey: idem() }),
    ).rejects.toMatchObject({ code: ErrorCode.inputInvalid })
    await expect(connector().createShipment(base, { idempotencyKey: ' ' })).rejects.toMatchObject({ code: ErrorCode.inputInvalid })
    expect(emu.requests.length).toBe(from)
  })
})

describe('Sürat connector: every documented result code', () => {
  /** 001, 004, 009, 018 and 050 have tests of their own (above and below): they depend on the account, the address, the key or the create mode. */
  const OWN_TEST = new Set(['001', '004', '009', '018', '050'])
  const forced = SURAT_DOCUMENTED_FAILURES.filter(([code]) => !OWN_TEST.has(code))
  it.each(forced)('%s → %s (retryable %s)', async (code, errorCode, retryable) => {
    emu.forceResult(code)
    const err = await connector({ retry: { maxAttempts: 1 } })
      .createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: errorCode, retryable, meta: expect.objectContaining({ suratCode: code }) })
  })

  it('001 from wrong credentials → carrier.auth', async () => {
    const c = connector({ credentials: { ...DEFAULT_ACCOUNT, sifre: 'yanlis' } })
    await expect(c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })).rejects.toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
  })

  it('004 from an unknown ilçe → carrier.addressUnresolved', async () => {
    const base = sampleSuratRequest()
    const err = await connector()
      .createShipment(sampleSuratRequest({ recipient: { ...base.recipient, district: 'Atlantis' } }), { idempotencyKey: idem() })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: ErrorCode.carrierAddressUnresolved, retryable: false })
  })

  it('018 (no contract) → carrier.serviceUnsupported', async () => {
    await expect(connector({ credentials: NO_CONTRACT }).createShipment(sampleSuratRequest(), { idempotencyKey: idem() })).rejects.toMatchObject({
      code: ErrorCode.carrierServiceUnsupported,
    })
  })

  it('038 then success: retried under the same key, one shipment', async () => {
    emu.forceResult('038')
    const r = await connector().createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(emu.shipments.filter((s) => s.ozelKargoTakipNo === r.carrierShipmentId)).toHaveLength(1)
  })

  it.each(['010', '016', '039'])('OK code %s is success', async (ok) => {
    const e2 = await startSuratEmulator({ okMessage: ok })
    try {
      const c = createSuratConnector({
        soapOrigin: e2.origin,
        trackingOrigin: e2.origin,
        credentials: DEFAULT_ACCOUNT,
        createModes: [SuratCreateMode.yeni],
        fetchLabel: false,
      })
      const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
      expect(r.barcode).toBe(r.carrierShipmentId)
    } finally {
      await e2.close()
    }
  })

  it('Cloudflare 403 → carrier.auth naming the firewall, not retried', async () => {
    emu.blockWithCloudflare(1)
    const err = await connector()
      .createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false, meta: expect.objectContaining({ cloudflare: true }) })
  })

  it('a wrong service URL (HTTP 404) → carrier.badResponse, not retried', async () => {
    const err = await connector({ soapOrigin: `${emu.origin}/yanlis` })
      .createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: ErrorCode.carrierBadResponse, retryable: false })
  })
})

describe('Sürat connector: cancel', () => {
  const created = async () => connector().createShipment(sampleSuratRequest(), { idempotencyKey: idem() })

  it('before pickup: GonderiSil; again: already cancelled; a new create under the key is refused', async () => {
    const c = connector()
    const key = idem()
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: key })
    await c.cancelShipment(r.carrierShipmentId)
    expect(emu.shipments.find((s) => s.ozelKargoTakipNo === r.carrierShipmentId)?.cancelledBy).toBe('GonderiSil')
    expect(await c.cancel(r.carrierShipmentId)).toMatchObject({ outcome: 'alreadyCancelled' })
    await expect(c.createShipment(sampleSuratRequest(), { idempotencyKey: key })).rejects.toMatchObject({ code: ErrorCode.carrierDuplicateReference })
  })

  it('after pickup: GonderiGeriCek with IptalNeden → carrier.returnRequested', async () => {
    const r = await created()
    emu.advance(r.carrierShipmentId, 3)
    await expect(connector({ cancelReason: 'Yanlış ürün' }).cancelShipment(r.carrierShipmentId)).rejects.toMatchObject({
      code: ErrorCode.carrierReturnRequested,
    })
    const s = emu.shipments.find((x) => x.ozelKargoTakipNo === r.carrierShipmentId)
    expect(s).toMatchObject({ recalled: true, cancelReason: 'Yanlış ürün' })
  })

  it('after pickup with recall off → carrier.notCancellable, nothing sent', async () => {
    const r = await created()
    emu.advance(r.carrierShipmentId, 2)
    await expect(connector({ recallInTransit: false }).cancelShipment(r.carrierShipmentId)).rejects.toMatchObject({ code: ErrorCode.carrierNotCancellable })
    expect(emu.shipments.find((x) => x.ozelKargoTakipNo === r.carrierShipmentId)?.recalled).toBe(false)
  })

  it('delivered → carrier.notCancellable; unknown key → carrier.notFound; 14 digits → input.invalid', async () => {
    const r = await created()
    emu.advance(r.carrierShipmentId, 6)
    await expect(connector().cancelShipment(r.carrierShipmentId)).rejects.toMatchObject({ code: ErrorCode.carrierNotCancellable })
    await expect(connector().cancelShipment('KJ0000000000000000')).rejects.toMatchObject({ code: ErrorCode.carrierNotFound })
    await expect(connector().cancelShipment(r.trackingNumber)).rejects.toMatchObject({ code: ErrorCode.inputInvalid })
  })
})

describe('Sürat connector: tracking', () => {
  it('REST status codes normalized; delivered carries TeslimTarihi', async () => {
    const c = connector({ now: () => Date.parse('2026-03-01T00:00:00Z') })
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    expect(await c.track(r.carrierShipmentId)).toEqual([
      { status: TrackingStatus.created, rawCode: '1', rawText: 'Gönderi Oluşturuldu', at: '2026-03-01T00:00:00.000Z', location: null },
    ])
    emu.advance(r.carrierShipmentId, 7)
    expect((await c.track(r.carrierShipmentId))[0]?.status).toBe(TrackingStatus.inTransit)
    emu.advance(r.carrierShipmentId, 6)
    const [done] = await c.track(r.carrierShipmentId)
    expect(done).toMatchObject({ status: TrackingStatus.delivered, rawCode: '6' })
    expect(done?.at).toMatch(/\+03:00$/)
    const history = await c.trackHistory(r.carrierShipmentId)
    expect(history.map((e) => e.status)).toEqual([TrackingStatus.created, TrackingStatus.outForDelivery, TrackingStatus.delivered])
  })

  it('cancelled, unknown, wrong web password', async () => {
    const c = connector()
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
    await c.cancelShipment(r.carrierShipmentId)
    expect((await c.track(r.carrierShipmentId))[0]?.status).toBe(TrackingStatus.cancelled)
    await expect(c.track('KJ0000000000000000')).rejects.toMatchObject({ code: ErrorCode.carrierNotFound })
    await expect(c.trackHistory('KJ0000000000000000')).rejects.toMatchObject({ code: ErrorCode.carrierNotFound })
    await expect(connector({ credentials: { ...DEFAULT_ACCOUNT, webPassword: 'x' } }).track(r.carrierShipmentId)).rejects.toMatchObject({
      code: ErrorCode.carrierAuth,
    })
  })

  it('"kabul bekleniyor" before acceptance (HT) reads as created, and a lost create answer is still found', async () => {
    const e2 = await startSuratEmulator({ trackBeforeAcceptance: 'awaitingError' })
    try {
      const c = createSuratConnector({ soapOrigin: e2.origin, trackingOrigin: e2.origin, credentials: DEFAULT_ACCOUNT, retry: fast })
      e2.faults.queue([(await import('../../../../sandbox/common/http-emulator')).HttpFault.dropAfterCommit])
      const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: idem() })
      expect(e2.shipments).toHaveLength(1)
      expect(r.trackingNumber).toBe(e2.shipments[0]?.barcode)
      expect((await c.track(r.carrierShipmentId))[0]?.status).toBe(TrackingStatus.created)
    } finally {
      await e2.close()
    }
  })
})
