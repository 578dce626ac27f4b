import * as mupdf from 'mupdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { returnOf } from '../../../../tests/support/return-request'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { sampleSuratRequest } from '../../../../sandbox/surat/surat.fixtures'
import { DEFAULT_ACCOUNT, startSuratEmulator, SuratOp, type SuratEmulator } from '../../../../sandbox/surat/surat.emulator'
import { ErrorCode } from '../../../../shared/errors'
import type { ReturnRequest, ShipmentRequest } from '../carrier.port'
import { createSuratConnector, suratReturnKeyFor, type SuratConnectorOptions } from './surat.adapter'
import { buildReturnGonderi } from './surat.gonderi'

/** The sample order coming back: the customer (Mehmet Demir, Çankaya) sends, the warehouse receives. */
const returnRequest = (over: Partial<ReturnRequest> = {}): ReturnRequest =>
  returnOf(sampleSuratRequest() as ShipmentRequest, { carrierShipmentId: 'KJ0123456789ABCDEF', trackingNumber: '10000000000001' }, over)

let emu: SuratEmulator
const fast = { sleep: async () => {}, maxAttempts: 4 }
const connector = (over: Partial<SuratConnectorOptions> = {}) =>
  createSuratConnector({ soapOrigin: emu.origin, trackingOrigin: emu.origin, credentials: DEFAULT_ACCOUNT, retry: fast, timeoutMs: 2000, ...over })
const stored = (key: string) => emu.shipments.filter((s) => s.ozelKargoTakipNo === key)

beforeAll(async () => {
  emu = await startSuratEmulator()
})
afterAll(() => emu.close())

describe('buildReturnGonderi', () => {
  const record = (over: Parameters<typeof buildReturnGonderi>[2] = {}) =>
    Object.fromEntries(buildReturnGonderi(returnRequest(), 'K', over).filter(([, v]) => v !== undefined))

  it('Iademi true, the customer in the Alıcı fields, no COD, delivered to the address; the warehouse is the account and is not sent', () => {
    expect(record()).toEqual({
      KisiKurum: 'Mehmet Demir',
      AliciAdresi: 'Atatürk Cad. No:42 D:3',
      Il: 'Ankara',
      Ilce: 'Çankaya',
      TelefonCep: '05559876543',
      Email: 'mehmet@example.com',
      KargoTuru: 3,
      OdemeTipi: 1,
      ReferansNo: 'SIP-2001-IADE',
      OzelKargoTakipNo: 'K',
      Adet: 1,
      BirimDesi: '3',
      BirimKg: '3',
      KapidanOdemeTahsilatTipi: 0,
      TeslimSekli: 1,
      Iademi: true,
    })
    expect(record({ returnOdemeTipi: 2 }).OdemeTipi).toBe(2)
  })

  const base = returnRequest()
  it.each([
    ['sender.name', { sender: { ...base.sender, name: ' ' } }],
    ['sender.address', { sender: { ...base.sender, address: '' } }],
    ['sender.city', { sender: { ...base.sender, city: '' } }],
    ['sender.district', { sender: { ...base.sender, district: '' } }],
    ['sender.phone', { sender: { ...base.sender, phone: '123' } }],
    ['packages', { packages: [] }],
  ])('refuses a bad %s with input.invalid', (field, over) => {
    expect(() => buildReturnGonderi(returnRequest(over), 'K')).toThrow(
      expect.objectContaining({ code: ErrorCode.inputInvalid, meta: expect.objectContaining({ field }) }),
    )
  })
})

describe('createReturn against the emulator', () => {
  it("creates with Iademi true under the return key and hands back Sürat's barcode and PDF label", async () => {
    const c = connector()
    const r = await c.createReturn(returnRequest(), { idempotencyKey: 'ret-1' })
    const key = suratReturnKeyFor('ret-1')
    expect(r).toMatchObject({ kind: 'shipment', carrierShipmentId: key, labelFormat: 'pdf', validUntil: null })
    expect(r.trackingNumber).toMatch(/^\d{14}$/)
    expect(r.barcode).toBe(r.trackingNumber)
    expect(r.returnCode).toBe(r.barcode)
    const doc = mupdf.Document.openDocument(r.label as Uint8Array, 'application/pdf')
    expect(doc.loadPage(0).toStructuredText('preserve-whitespace').asText()).toContain(r.barcode)
    const [s] = stored(key)
    expect(stored(key)).toHaveLength(1)
    expect(s?.iademi).toBe(true)
    expect(s?.barcode).toBe(r.barcode)
    // Reversed: the Gonderi names the customer who sends the parcel back, not the warehouse.
    expect(s?.gonderi).toMatchObject({
      Iademi: 'true',
      KisiKurum: 'Mehmet Demir',
      Il: 'Ankara',
      Ilce: 'Çankaya',
      TelefonCep: '05559876543',
      ReferansNo: 'SIP-2001-IADE',
    })
    expect(JSON.stringify(s?.gonderi)).not.toContain('KargoJet Depo')
  })

  it('a return and an outbound shipment made under the same idempotency key stay two shipments', async () => {
    const c = connector()
    const out = await c.createShipment(sampleSuratRequest(), { idempotencyKey: 'shared-key' })
    const back = await c.createReturn(returnRequest(), { idempotencyKey: 'shared-key' })
    expect(back.carrierShipmentId).not.toBe(out.carrierShipmentId)
    expect(back.barcode).not.toBe(out.barcode)
    expect(stored(out.carrierShipmentId).map((s) => s.iademi)).toEqual([false])
    expect(stored(back.carrierShipmentId as string).map((s) => s.iademi)).toEqual([true])
  })

  it('exactly once: the first answer lost after commit, then the same key again → one return in the emulator', async () => {
    const c = connector()
    emu.faults.queue([HttpFault.dropAfterCommit])
    const before = emu.requests.length
    const first = await c.createReturn(returnRequest(), { idempotencyKey: 'ret-once' })
    expect(
      emu.requests
        .slice(before)
        .filter((q) => q.operation === SuratOp.siparisBarkod)
        .map((q) => q.fault),
    ).toEqual([HttpFault.dropAfterCommit])
    const again = await c.createReturn(returnRequest(), { idempotencyKey: 'ret-once' })
    expect(again).toMatchObject({ carrierShipmentId: first.carrierShipmentId, trackingNumber: first.trackingNumber, barcode: first.barcode })
    expect(stored(suratReturnKeyFor('ret-once'))).toHaveLength(1)
    expect(stored(suratReturnKeyFor('ret-once'))[0]?.barcode).toBe(first.barcode)
  })

  it('bad input (empty customer address, unknown phone, empty key) → input.invalid, nothing sent', async () => {
    const c = connector()
    const before = emu.requests.length
    const base = returnRequest()
    for (const [request, key] of [
      [returnRequest({ sender: { ...base.sender, address: ' ' } }), 'bad-1'],
      [returnRequest({ sender: { ...base.sender, phone: '12' } }), 'bad-2'],
      [returnRequest(), ''],
    ] as const) {
      expect(await failure(c.createReturn(request, { idempotencyKey: key }))).toMatchObject({ code: ErrorCode.inputInvalid, retryable: false })
    }
    expect(emu.requests.length).toBe(before)
  })
})
