import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { KG_EMPTY_EVENT_DETAIL } from '../../../../protocols/kolaygelsin/kolaygelsin.codes'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startKolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'
import { parseKolayGelsinWebhook, type KolayGelsinWebhookAuth } from './kolaygelsin.webhook'
import { thrown as refused } from '../../../../tests/support/app-error'

// The doc's sample webhook body ([KG] "Servisinize gönderilecek örnek HTTP POST isteği body JSON").
const SAMPLE = {
  CargoEventType: '1',
  ShipmentPartyType: '2',
  ShipmentId: '1',
  ShipmentItemId: '1',
  LocationName: 'ISTANBUL',
  NumberPlate: '',
  CourierName: '',
  DocumentId: '',
  DocumentType: '0',
  Latitude: '',
  Longitude: '',
  CustomerBarcode: '',
  CustomerTrackingId: '1',
  CustomerOptionalInfo: '',
  CustomerSpecificCode: '',
  CustomerId: '29',
  TimeStamp: '2021-05-13T18:28:01.882+03:00',
  EventDetailModel: { ...KG_EMPTY_EVENT_DETAIL },
}
const basic: KolayGelsinWebhookAuth = { scheme: 'basic', username: 'kg', password: 's3cr3t:x' }
const basicHeader = (u: string, p: string) => ({ Authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` })

describe('auth schemes', () => {
  it('Basic: the right pair passes (a colon in the password included); wrong or missing → carrier.auth', () => {
    expect(parseKolayGelsinWebhook(JSON.stringify(SAMPLE), basicHeader('kg', 's3cr3t:x'), basic)).toHaveLength(1)
    expect(refused(() => parseKolayGelsinWebhook(SAMPLE, basicHeader('kg', 'nope'), basic))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    expect(refused(() => parseKolayGelsinWebhook(SAMPLE, {}, basic)).code).toBe(ErrorCode.carrierAuth)
    expect(refused(() => parseKolayGelsinWebhook(SAMPLE, { authorization: 'Bearer x' }, basic)).code).toBe(ErrorCode.carrierAuth)
  })

  it('hash header: default name "hash", any case; a configured name; wrong value → carrier.auth', () => {
    expect(parseKolayGelsinWebhook(SAMPLE, { HASH: 'abc123' }, { scheme: 'hash', value: 'abc123' })).toHaveLength(1)
    expect(parseKolayGelsinWebhook(SAMPLE, { 'x-kg-hash': ['abc123'] }, { scheme: 'hash', value: 'abc123', headerName: 'X-KG-Hash' })).toHaveLength(1)
    expect(refused(() => parseKolayGelsinWebhook(SAMPLE, { hash: 'abc124' }, { scheme: 'hash', value: 'abc123' })).code).toBe(ErrorCode.carrierAuth)
    expect(refused(() => parseKolayGelsinWebhook(SAMPLE, { hash: 'abc123' }, { scheme: 'hash', value: 'abc123', headerName: 'x-other' })).code).toBe(
      ErrorCode.carrierAuth,
    )
    expect(refused(() => parseKolayGelsinWebhook(SAMPLE, { hash: '' }, { scheme: 'hash', value: '' })).code).toBe(ErrorCode.inputInvalid)
  })

  it('none: accepted without headers; auth is checked before the body is read', () => {
    expect(parseKolayGelsinWebhook(SAMPLE, {}, { scheme: 'none' })).toHaveLength(1)
    expect(refused(() => parseKolayGelsinWebhook('not json', {}, basic)).code).toBe(ErrorCode.carrierAuth)
  })
})

describe('bodies', () => {
  const none = { scheme: 'none' } as const

  it('the doc’s flat sample → one normalized event with its keys', () => {
    expect(parseKolayGelsinWebhook(SAMPLE, {}, none)).toEqual([
      {
        status: 'created',
        rawCode: '1',
        rawText: 'Gönderi KG sisteminde oluşturuldu',
        at: '2021-05-13T15:28:01.882Z',
        location: 'ISTANBUL',
        shipmentId: '1',
        shipmentItemId: '1',
        customerSpecificCode: null,
        customerBarcode: null,
        customerTrackingId: '1',
      },
    ])
  })

  it('an array of flat events and webhook.json’s shipment models, oldest first; bytes are read too', () => {
    const flat = [
      { ...SAMPLE, CargoEventType: 29, TimeStamp: '2021-05-14T10:00:00+03:00', EventDetailModel: { DeliveredPersonName: 'Ali' } },
      { ...SAMPLE, CargoEventType: '18', TimeStamp: '2021-05-14T09:00:00+03:00' },
    ]
    const events = parseKolayGelsinWebhook(new TextEncoder().encode(JSON.stringify(flat)), {}, none)
    expect(events.map((e) => [e.rawCode, e.status])).toEqual([
      ['18', 'out_for_delivery'],
      ['29', 'delivered'],
    ])
    expect(events[1]?.rawText).toBe('Gönderi teslim edildi · teslim alan: Ali')
    const models = [
      {
        ShipmentId: '77',
        CustomerSpecificCode: 'KJX',
        CustomerBarcode: 'KJX01',
        CargoEventLogModelList: [{ CargoEventType: '12: paket teslim alındı', TimeStamp: '2021-05-13T12:00:00+03:00' }],
      },
    ]
    expect(parseKolayGelsinWebhook(models, {}, none)).toMatchObject([
      { rawCode: '12', status: 'picked_up', shipmentId: '77', customerSpecificCode: 'KJX', customerBarcode: 'KJX01' },
    ])
  })

  it('without TimeStamp an event is dated when received; an unknown type is kept with status null', () => {
    const { TimeStamp: _drop, ...noTime } = { ...SAMPLE, CargoEventType: '77' }
    void _drop
    expect(parseKolayGelsinWebhook(noTime, {}, none, '2024-01-01T00:00:00.000Z')).toMatchObject([
      { status: null, rawCode: '77', at: '2024-01-01T00:00:00.000Z' },
    ])
  })

  it.each([
    ['not JSON', '{'],
    ['an empty list', []],
    ['a number', 5],
    ['no CargoEventType', { ShipmentId: '1' }],
    ['an empty CargoEventType', { ...SAMPLE, CargoEventType: '' }],
    ['a TimeStamp that is no date', { ...SAMPLE, TimeStamp: 'yesterday' }],
    ['models without events list type', [{ ShipmentId: '1', CargoEventLogModelList: [{ LocationName: 'X' }] }]],
  ])('%s → input.invalid', (_why, body) => {
    expect(refused(() => parseKolayGelsinWebhook(body, {}, none))).toMatchObject({ code: ErrorCode.inputInvalid, meta: { webhook: true } })
  })
})

describe('end to end: the emulator’s webhook sender → a listener → the parser', () => {
  it('every event of a shipment arrives, per parcel, authenticated, in order', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = []
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString('utf8')))
      req.on('end', () => {
        received.push({ headers: req.headers, body })
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kg-hook`
    const secret = { scheme: 'hash', value: 'h-42', headerName: 'x-kg-hash' } as const
    const emu = await startKolayGelsinEmulator({ webhook: { url, auth: secret } })
    try {
      const c = createKolayGelsinConnector({ origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, retry: { maxAttempts: 1 } })
      const pkg = sampleKolayGelsinRequest().packages[0]!
      const created = await c.createShipment(sampleKolayGelsinRequest({ packages: [pkg, { ...pkg, index: 1 }] }) as ShipmentRequest, {
        idempotencyKey: 'hook-1',
      })
      emu.advance(created.trackingNumber, 29)
      await emu.flushWebhooks()
      const events = received.flatMap((r) => parseKolayGelsinWebhook(r.body, r.headers, secret))
      expect(events).toHaveLength(16) // 8 events × 2 parcels
      const parcel1 = events.filter((e) => e.customerBarcode === created.barcode)
      expect(parcel1.map((e) => e.rawCode)).toEqual(['1', '2', '12', '13', '14', '17', '18', '29'])
      expect(parcel1.every((e) => e.shipmentId === created.trackingNumber && e.customerSpecificCode === created.barcode.slice(0, -2))).toBe(true)
      expect(emu.webhookDeliveries.every((d) => d.status === 200)).toBe(true)
      expect(() => parseKolayGelsinWebhook(received[0]?.body ?? '', {}, secret)).toThrow(AppError)
    } finally {
      await emu.close()
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})
