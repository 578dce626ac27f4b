import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { usePttEmulator } from '../../../../tests/support/ptt-rig'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { PttStatus, type PttEmulator } from '../../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import { firstBarcodeInZpl } from '../../../../shared/zpl/zpl-barcode'
import type { ShipmentRequest } from '../carrier.port'
import { createPttConnector } from './ptt.adapter'
import { createMemoryPttBarcodeAllocator } from './ptt.barcode'

const shipment = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => samplePttRequest(over)

// These tests read PTT's own label: the emulator serves etiketGetir (not in the published WSDL; see ptt.label-fallback.test.ts).
// validateSchema: the emulator refuses any body protocols/ptt/ refuses, as a contract test should.
const setup = usePttEmulator({ labelOperation: true, validateSchema: true })

const text = (label: Uint8Array | null) => Buffer.from(label ?? new Uint8Array()).toString('utf8')
const ops = (e: PttEmulator) => e.requests.map((r) => r.operation)

describe('createShipment', () => {
  it('registers the range barcode with kabulEkle2 (§4 fields, urn: SOAPAction) and returns PTT’s EPL label as ZPL', async () => {
    const { emu, connector, exchanges } = await setup()
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-1' })
    expect(created).toMatchObject({
      carrierShipmentId: '2740000000010',
      trackingNumber: '2740000000010',
      barcode: '2740000000010',
      labelFormat: 'zpl',
      costKurus: null,
    })
    expect(created.trackingUrl).toBe('https://gonderitakip.ptt.gov.tr/Track/Verify?q=2740000000010')
    const zpl = text(created.label)
    expect(zpl).toMatch(/^\^XA\n\^CI28[\s\S]*\^XZ$/)
    expect(firstBarcodeInZpl(zpl)).toBe('2740000000010')
    expect(zpl).toContain('ALICI: Mehmet Polat')
    expect(ops(emu)).toEqual(['kabulEkle2', 'etiketGetir'])
    expect(emu.requests.map((r) => [r.path, r.soapAction])).toEqual([
      ['/PttVeriYukleme/services/Sorgu', '"urn:kabulEkle2"'],
      ['/PttVeriYukleme/services/Sorgu', '"urn:etiketGetir"'],
    ])
    const s = emu.shipments[0]
    expect(s).toMatchObject({
      barcode: '2740000000010',
      musteriReferansNo: 'KJ-3001',
      aliciAdi: 'Mehmet Polat',
      il: 'İzmir',
      ilce: 'Ödemiş',
      aliciTel: '5321234567',
      agirlikGrams: 3200,
      odemesekli: 'MH',
      dosyaAdi: 'KJ2740000000010',
    })
    expect(s?.fields).toMatchObject({
      aliciIlAdi: 'İZMİR',
      aliciIlceAdi: 'ÖDEMİŞ',
      aliciSms: '5321234567',
      boy: '40',
      en: '30',
      yukseklik: '20',
      desi: '8',
      aliciEmail: 'mehmet@example.com',
    })
    expect(s?.sender).toMatchObject({ name: 'KargoJet Depo Ltd', city: 'İSTANBUL', district: 'BEYLİKDÜZÜ', phone: '2125550123' })
    expect(emu.requests[0]?.body).toContain('<kx:sifre>[redacted]</kx:sifre>')
    expect(emu.requests[0]?.body).toContain('<kx:kullanici>PttWs</kx:kullanici>')
    for (const e of exchanges) expect(e.request).not.toContain(SAMPLE_PTT_CREDENTIALS.password)
    expect(exchanges.map((e) => [e.carrierId, e.operation, e.httpStatus])).toEqual([
      ['ptt', 'kabulEkle2', 200],
      ['ptt', 'etiketGetir', 200],
    ])
  })

  it('the same idempotency key again: same barcode, PTT’s "already exists" confirms it, still one upload', async () => {
    const { emu, connector } = await setup()
    const first = await connector.createShipment(shipment(), { idempotencyKey: 'kj-1' })
    const again = await connector.createShipment(shipment(), { idempotencyKey: 'kj-1' })
    expect(again).toEqual(first)
    expect(emu.shipments).toHaveLength(1)
    expect(emu.shipments.filter((s) => s.musteriReferansNo === 'KJ-3001')).toHaveLength(1)
  })

  it('a lost answer after commit: asks gonderiSorgu, re-sends, PTT says "exists", one upload', async () => {
    const { emu, connector } = await setup()
    emu.faults.queue([HttpFault.dropAfterCommit])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-lost' })
    expect(ops(emu)).toEqual(['kabulEkle2', 'gonderiSorgu', 'kabulEkle2', 'etiketGetir'])
    expect(emu.shipments).toHaveLength(1)
    expect(firstBarcodeInZpl(text(created.label))).toBe(created.barcode)
  })

  it('the branch accepted the parcel before the retry: gonderiSorgu finds it and nothing is re-sent', async () => {
    const { emu, connector } = await setup({}, { retry: { maxAttempts: 4, sleep: async () => void emu?.advance('2740000000010') } })
    emu.faults.queue([HttpFault.dropAfterCommit])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-accepted' })
    expect(created.barcode).toBe('2740000000010')
    expect(ops(emu)).toEqual(['kabulEkle2', 'gonderiSorgu', 'etiketGetir'])
  })

  it('tracking not opened for the customer ("Policy Falsified"): a lost answer is still settled by the re-send', async () => {
    const { emu, connector } = await setup({ trackingBlocked: true })
    emu.faults.queue([HttpFault.halfResponse])
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-blocked' })
    expect(emu.shipments).toHaveLength(1)
    expect(ops(emu)).toEqual(['kabulEkle2', 'gonderiSorgu', 'kabulEkle2', 'etiketGetir'])
  })

  it('COD: ekhizmet OS with odeme_sart_ucreti in lira, on the first parcel; two parcels get two barcodes and labels', async () => {
    const { emu, connector } = await setup()
    const box = { index: 1, boxCode: null, lengthMm: 305, widthMm: 200, heightMm: 94, weightGrams: 800 }
    const created = await connector.createShipment(shipment({ codAmountKurus: 14_990, packages: [shipment().packages[0]!, box] }), { idempotencyKey: 'kj-cod' })
    expect(created.carrierShipmentId).toBe('2740000000010,2740000000027')
    expect(text(created.label).match(/\^XA/g)).toHaveLength(2)
    expect(emu.shipments.map((s) => [s.barcode, s.ekhizmet, s.codLira, s.dosyaAdi])).toEqual([
      ['2740000000010', 'OS', '149.90', 'KJ2740000000010'],
      ['2740000000027', '', null, 'KJ2740000000010'],
    ])
    expect(emu.shipments[1]?.fields).toMatchObject({ boy: '31', en: '20', yukseklik: '9', agirlik: '800' })
    expect(text(created.label)).toContain('ÖDEME ŞARTLI: 149.90 TL')
  })

  it('offline: planOfflineLabel gives the barcode before any call; createShipment later registers exactly it', async () => {
    const { emu, connector } = await setup()
    const planned = connector.planOfflineLabel(shipment(), 'kj-offline')
    expect(planned).toMatchObject({ barcode: '2740000000010', label: null, labelFormat: null })
    expect(emu.requests).toHaveLength(0)
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-offline' })
    expect(created.barcode).toBe(planned.barcode)
  })

  it('a spent barcode range stops the shipment before PTT is called; the keys already given still work', async () => {
    const { emu, connector } = await setup({}, {}, { first: '274000000001', last: '274000000001' })
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-only' })
    const before = emu.requests.length
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'kj-next' }))).toMatchObject({
      code: ErrorCode.carrierServiceUnsupported,
      retryable: false,
      meta: { reason: 'barcodeRangeExhausted' },
    })
    expect(emu.requests).toHaveLength(before)
    expect((await connector.createShipment(shipment(), { idempotencyKey: 'kj-only' })).barcode).toBe('2740000000010')
  })

  it.each([
    [{ recipient: { ...samplePttRequest().recipient, name: 'Ali' } }, ErrorCode.inputInvalid, 'recipient.name'],
    [{ recipient: { ...samplePttRequest().recipient, phone: '12345' } }, ErrorCode.inputInvalid, 'recipient.phone'],
    [{ recipient: { ...samplePttRequest().recipient, district: ' ' } }, ErrorCode.inputInvalid, 'recipient.district'],
    [{ serviceCode: 'EXPRESS' }, ErrorCode.carrierServiceUnsupported, 'serviceCode'],
    [{ codAmountKurus: -5 }, ErrorCode.inputInvalid, 'codAmountKurus'],
    [{ packages: [] }, ErrorCode.inputInvalid, 'packages'],
    [{ packages: [{ index: 0, boxCode: null, lengthMm: 1, widthMm: 1, heightMm: 1, weightGrams: 0 }] }, ErrorCode.inputInvalid, 'packages[0].weightGrams'],
  ] as const)('bad input %# is refused before a barcode is taken or PTT is called', async (over, code, field) => {
    const { emu, connector, allocator } = await setup()
    expect(await failure(connector.createShipment(shipment(over as Partial<ShipmentRequest>), { idempotencyKey: 'kj-bad' }))).toMatchObject({
      code,
      retryable: false,
      meta: { field },
    })
    expect(allocator.allocated.size).toBe(0)
    expect(emu.requests).toHaveLength(0)
  })
})

describe('documented and emulated refusals → ErrorCode', () => {
  it('-1 "Kullanıcı Şifre Hatalı" (HTTP 200) → carrier.auth, not retried', async () => {
    const { emu, connector } = await setup({}, { credentials: { ...SAMPLE_PTT_CREDENTIALS, password: 'wrong' } })
    const err = await failure(connector.createShipment(shipment(), { idempotencyKey: 'kj-auth' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false, meta: { pttCode: '-1', pttMessage: 'Kullanıcı Şifre Hatalı' } })
    expect(emu.requests).toHaveLength(1)
  })

  it('an unknown ilçe → carrier.addressUnresolved; a barcode outside the range → carrier.validation on barkodNo', async () => {
    const { emu, connector } = await setup()
    const recipient = { ...samplePttRequest().recipient, district: 'Atlantis' }
    expect(await failure(connector.createShipment(shipment({ recipient }), { idempotencyKey: 'kj-addr' }))).toMatchObject({
      code: ErrorCode.carrierAddressUnresolved,
      retryable: false,
    })
    await emu.close()
    const other = await setup({}, {}, { first: '999000000001', last: '999000000009' })
    expect(await failure(other.connector.createShipment(shipment(), { idempotencyKey: 'kj-range' }))).toMatchObject({
      code: ErrorCode.carrierValidation,
      retryable: false,
      meta: { field: 'barkodNo', pttCode: '-5' },
    })
  })

  it('PTT’s "system error" → carrier.unavailable, retried (and then the upload succeeds once)', async () => {
    const { emu, connector } = await setup()
    emu.injectSystemError(1)
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-sys' })
    expect(emu.shipments).toHaveLength(1)
    emu.injectSystemError(5)
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'kj-sys-2' }))).toMatchObject({
      code: ErrorCode.carrierUnavailable,
      retryable: true,
      meta: { pttCode: '-99' },
    })
  })

  it('successCode "0" (BX’s reading) works end to end when both sides use it', async () => {
    const { emu, connector } = await setup({ successCode: '0' }, { successCode: '0' })
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-zero' })
    await connector.cancelShipment('2740000000010')
    expect(emu.shipments[0]?.status).toBe(PttStatus.deleted)
  })

  it('HTTP 500/503 are retried; a 404 path is not', async () => {
    const { emu, connector } = await setup()
    emu.faults.queue([HttpFault.http503, HttpFault.http500])
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-5xx' })
    expect(emu.shipments).toHaveLength(1)
    const wrong = createPttConnector({
      origin: `${emu.origin}/nowhere`,
      credentials: SAMPLE_PTT_CREDENTIALS,
      allocator: createMemoryPttBarcodeAllocator(SAMPLE_PTT_RANGE),
      retry: { sleep: async () => {} },
    })
    expect(await failure(wrong.createShipment(shipment(), { idempotencyKey: 'kj-404' }))).toMatchObject({
      code: ErrorCode.carrierBadResponse,
      retryable: false,
      meta: { httpStatus: 404 },
    })
  })

  it('the test environment posts to PttVeriYuklemeTest', async () => {
    const { emu, connector } = await setup({}, { environment: 'test' })
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-test' })
    expect(new Set(emu.requests.map((r) => r.path))).toEqual(new Set(['/PttVeriYuklemeTest/services/Sorgu']))
  })
})

describe('cancelShipment (barkodVeriSil)', () => {
  it('before acceptance: deleted; after acceptance: carrier.notCancellable; unknown: carrier.notFound; not a barcode: input.invalid', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-c1' })
    await connector.cancelShipment('2740000000010')
    expect(emu.shipments[0]?.status).toBe(PttStatus.deleted)
    expect(emu.requests.at(-1)?.body).toContain('<kx:barcode>2740000000010</kx:barcode><kx:dosyaAdi>KJ2740000000010</kx:dosyaAdi>')
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-c2' })
    emu.advance('2740000000027')
    expect(await failure(connector.cancelShipment('2740000000027'))).toMatchObject({ code: ErrorCode.carrierNotCancellable, retryable: false })
    expect(await failure(connector.cancelShipment('2740000000034'))).toMatchObject({ code: ErrorCode.carrierNotFound, retryable: false })
    expect(await failure(connector.cancelShipment('2740000000011'))).toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it('a lost answer: the repeat finds the barcode gone and that counts as cancelled; every parcel of "b1,b2" is deleted', async () => {
    const { emu, connector } = await setup()
    const box = { index: 1, boxCode: null, lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams: 900 }
    const created = await connector.createShipment(shipment({ packages: [shipment().packages[0]!, box] }), { idempotencyKey: 'kj-c3' })
    emu.faults.queue([HttpFault.dropAfterCommit])
    await connector.cancelShipment(created.carrierShipmentId)
    expect(emu.shipments.map((s) => s.status)).toEqual([PttStatus.deleted, PttStatus.deleted])
  })
})

describe('track (gonderiSorgu)', () => {
  it('nothing before the branch accepts it; then events by siraNo, normalized by §12; TESALAN → delivered', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-t1' })
    expect(await connector.track('2740000000010')).toEqual([])
    expect((await connector.trackDetails('2740000000010')).known).toBe(false)
    emu.advance('2740000000010', PttStatus.delivered)
    const events = await connector.track('2740000000010')
    expect(events.map((e) => [e.rawCode, e.rawText, e.status])).toEqual([
      ['1', 'Kabul Edildi', TrackingStatus.pickedUp],
      ['2', 'Aktarma Merkezine Ulaştı', TrackingStatus.inTransit],
      ['3', 'Dağıtıma Çıkarıldı', TrackingStatus.outForDelivery],
      ['4', 'Teslim Edildi', TrackingStatus.delivered],
    ])
    expect(events[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/)
    expect(events[0]?.location).toBe('BEYLİKDÜZÜ PTT MERKEZ MÜDÜRLÜĞÜ')
    expect(await connector.trackDetails('2740000000010')).toMatchObject({
      known: true,
      receiver: 'Mehmet Polat',
      sender: 'KargoJet Depo Ltd',
      weightGrams: 3200,
      deliveredTo: 'Mehmet Polat',
    })
    expect(emu.requests.at(-1)).toMatchObject({ path: '/GonderiTakipV2/services/Sorgu', soapAction: '"urn:gonderiSorgu"' })
  })

  it('the return path and a failed attempt; gonderiSorgu2 with an <op>Return element and date-only events', async () => {
    const { emu, connector } = await setup(
      { trackingReturnElement: 'operationReturn', includeEventTime: false },
      { trackingOperation: 'gonderiSorgu2', credentials: { ...SAMPLE_PTT_CREDENTIALS, username: 'kargojet' } },
    )
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-t2' })
    emu.advance('2740000000010', PttStatus.failedAttempt)
    emu.advance('2740000000010', PttStatus.returned)
    const statuses = (await connector.track('2740000000010')).map((e) => e.status)
    expect(statuses).toEqual([
      TrackingStatus.pickedUp,
      TrackingStatus.inTransit,
      TrackingStatus.outForDelivery,
      TrackingStatus.failedAttempt,
      TrackingStatus.returnInTransit,
      TrackingStatus.returnedToSender,
    ])
    expect(emu.requests.at(-1)?.operation).toBe('gonderiSorgu2')
    expect(emu.requests.at(-1)?.body).toContain('<tx:kullanici>kargojet</tx:kullanici>')
  })

  it('wrong password → carrier.auth; gateway block → carrier.serviceUnsupported; a bad barcode never leaves the desk', async () => {
    const { emu, connector } = await setup({}, { credentials: { ...SAMPLE_PTT_CREDENTIALS, password: 'nope' } })
    expect(await failure(connector.track('2740000000010'))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    expect(await failure(connector.track('12345'))).toMatchObject({ code: ErrorCode.inputInvalid })
    await emu.close()
    const blocked = await setup({ trackingBlocked: true })
    expect(await failure(blocked.connector.track('2740000000010'))).toMatchObject({
      code: ErrorCode.carrierServiceUnsupported,
      retryable: false,
      meta: { faultstring: 'Policy Falsified' },
    })
  })
})

describe('extras', () => {
  it('reprintLabel: etiketGetir again; an unknown barcode → carrier.notFound', async () => {
    const { connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'kj-r' })
    expect(firstBarcodeInZpl(text(await connector.reprintLabel('2740000000010')))).toBe('2740000000010')
    expect(await failure(connector.reprintLabel('2740000000027'))).toMatchObject({ code: ErrorCode.carrierNotFound })
  })

  it('requestPickup: siparisIstekEkle2 with the sender split into name and surname', async () => {
    const { emu, connector } = await setup()
    const r = await connector.requestPickup({ sender: samplePttRequest().sender, parcels: 3, weightGrams: 4500, windowStart: '2025-03-10 10:00' })
    expect(r.siparisId).toMatch(/^\d+$/)
    expect(emu.pickups[0]).toMatchObject({
      adet: 3,
      fields: { agirlik: '4500.00', randevu_baslangic: '2025-03-10 10:00', musteriKullanici: 'admin', isyeriId: '0', ucret: '0.00' },
    })
    expect(emu.pickups[0]?.gonderici).toMatchObject({ gonderici_adi: 'KargoJet Depo', gonderici_soyadi: 'Ltd', gonderici_ulke_id: '052' })
    expect(await failure(connector.requestPickup({ sender: samplePttRequest().sender, parcels: 0 }))).toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it('requestPickup is not idempotent: 503 is retried, a lost answer is reported as outcome unknown', async () => {
    const { emu, connector } = await setup()
    emu.faults.queue([HttpFault.http503])
    await connector.requestPickup({ sender: samplePttRequest().sender, parcels: 1 })
    expect(emu.pickups).toHaveLength(1)
    emu.faults.queue([HttpFault.dropAfterCommit])
    expect(await failure(connector.requestPickup({ sender: samplePttRequest().sender, parcels: 1 }))).toMatchObject({
      retryable: false,
      meta: { outcomeUnknown: true },
    })
    expect(emu.pickups).toHaveLength(2)
  })
})
