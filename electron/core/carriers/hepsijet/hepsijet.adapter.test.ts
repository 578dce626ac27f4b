import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { closedAfterEach, recordedCalls } from '../../../../tests/support/emulator-rig'
import { HttpFault, listenHttp } from '../../../../sandbox/common/http-emulator'
import { currentStatus, startHepsiJetEmulator, type HepsiJetEmulator, type HepsiJetEmulatorOptions } from '../../../../sandbox/hepsijet/hepsijet.emulator'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { createHepsiJetConnector, type HepsiJetConnectorOptions } from './hepsijet.adapter'

const shipment = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleHepsiJetRequest(over)
const box = (index: number, weightGrams = 1000) => ({ index, boxCode: null, lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams })

const startEmulator = closedAfterEach(startHepsiJetEmulator)

async function setup(emulator: HepsiJetEmulatorOptions = {}, over: Partial<HepsiJetConnectorOptions> = {}) {
  const emu = await startEmulator(emulator)
  const { exchanges, sleeps, options } = recordedCalls()
  const connector = createHepsiJetConnector({ origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS, timeoutMs: 1000, ...options, ...over })
  return { emu, connector, exchanges, sleeps }
}

const text = (label: Uint8Array | null) => Buffer.from(label ?? new Uint8Array()).toString('utf8')
const ops = (e: HepsiJetEmulator) => e.requests.map((r) => r.operation)

describe('createShipment', () => {
  it('logs in with Basic, sends the §6 body with X-Auth-Token and returns HepsiJET ZPL under our barcode', async () => {
    const { emu, connector } = await setup()
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-1' })
    const barcode = connector.customerDeliveryNoFor('kj-1')
    expect(barcode).toMatch(/^KJT[0-9A-Z]{13}$/)
    expect(created).toMatchObject({
      carrierShipmentId: barcode,
      trackingNumber: barcode,
      barcode,
      trackingUrl: `https://hepsijet.com/gonderi-takibi/${barcode}`,
      labelFormat: 'zpl',
      costKurus: null,
    })
    expect(text(created.label)).toMatch(new RegExp(`^\\^XA[\\s\\S]*\\^FD${barcode}\\^FS[\\s\\S]*\\^XZ$`))
    expect(ops(emu)).toEqual(['getToken', 'sendDeliveryOrderEnhanced'])
    expect(emu.requests[0]).toMatchObject({ method: 'GET', path: '/auth/getToken', headers: { authorization: '[redacted]' } })
    expect(emu.requests[1]?.headers['x-auth-token']).toBe('[redacted]')
    expect(emu.shipments).toHaveLength(1)
    expect(emu.shipments[0]?.body).toMatchObject({
      company: SAMPLE_HEPSIJET_SETTINGS.company,
      delivery: {
        customerDeliveryNo: barcode,
        customerOrderId: 'SIP-2001',
        totalParcels: 1,
        desi: 8,
        deliveryType: 'RETAIL',
        deliverySlotOriginal: '0',
        product: { productCode: 'HX_STD' },
        receiver: { firstName: 'Mehmet', lastName: 'Polat', phone1: '5321234567', email: 'mehmet@example.com' },
        recipientPerson: 'Mehmet Polat',
        recipientPersonPhone1: '5321234567',
        recipientAddress: {
          companyAddressId: `A${barcode}`,
          city: { name: 'İzmir' },
          town: { name: 'Ödemiş' },
          district: { name: 'Hürriyet' },
          addressLine1: 'Hürriyet Mah. 1662. Sk. No:5 D:2',
        },
        senderAddress: { companyAddressId: 'KJT-DEPO-1' },
      },
      currentXDock: { abbreviationCode: 'KJT_ESENYURT' },
    })
    expect(JSON.parse(emu.requests[1]?.body ?? '{}').delivery).toMatchObject({ totalParcels: '1', desi: '8' })
  })

  it('multi-parcel: one ^XA…^XZ per parcel, in parcel order', async () => {
    const { emu, connector } = await setup()
    const created = await connector.createShipment(shipment({ packages: [box(0), box(1, 7000), box(2)] }), { idempotencyKey: 'three' })
    const labels = text(created.label).split('\n^XZ').length - 1
    expect(labels).toBe(3)
    expect([...text(created.label).matchAll(/\^FD(\d)\/3\^FS/g)].map((m) => m[1])).toEqual(['1', '2', '3'])
    expect(emu.shipments[0]).toMatchObject({ totalParcels: 3, desiPerParcel: [3.667, 3.667, 3.667] })
    expect(emu.shipments[0]?.body.delivery.desi).toBe(2 + 7 + 2)
  })

  it('the same idempotency key again (a restart after a crash) returns the stored delivery, never a second one', async () => {
    const { emu, connector } = await setup({ now: () => 1_700_000_000_000 })
    const first = await connector.createShipment(shipment(), { idempotencyKey: 'again' })
    const second = await connector.createShipment(shipment(), { idempotencyKey: 'again' })
    expect(emu.shipments).toHaveLength(1)
    expect(second).toEqual(first)
    expect(ops(emu).slice(2)).toEqual(['sendDeliveryOrderEnhanced', 'generateZplBarcode', 'track'])
  })

  it('a lost answer after HepsiJET stored the delivery: the retry re-prints it instead of creating again', async () => {
    const { emu, connector } = await setup()
    emu.faults.queue([null, HttpFault.dropAfterCommit])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'lost' })
    expect(emu.shipments).toHaveLength(1)
    expect(ops(emu)).toEqual(['getToken', 'sendDeliveryOrderEnhanced', 'generateZplBarcode', 'track'])
    expect(text(created.label)).toContain(`^FD${connector.customerDeliveryNoFor('lost')}^FS`)
  })

  it('a key whose delivery was deleted, or that belongs to another receiver, needs a new key', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'gone' })
    emu.advance(connector.customerDeliveryNoFor('gone'), 'DELETED')
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'gone' }))).toMatchObject({
      code: ErrorCode.carrierDuplicateReference,
      retryable: false,
    })
    await connector.createShipment(shipment(), { idempotencyKey: 'mine' })
    const elsewhere = shipment({ recipient: { ...shipment().recipient, city: 'Ankara', district: 'Çankaya' } })
    const err = await failure(connector.createShipment(elsewhere, { idempotencyKey: 'mine' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierDuplicateReference, retryable: false })
    expect(err.message).toContain('goes to İzmir, not Ankara')
    expect(emu.shipments).toHaveLength(2)
  })

  it.each([
    ['COD', { codAmountKurus: 15000 }, ErrorCode.carrierServiceUnsupported],
    ['another service', { serviceCode: 'HX_SD' }, ErrorCode.carrierServiceUnsupported],
    ['no recipient phone', { recipient: { ...sampleHepsiJetRequest().recipient, phone: null } }, ErrorCode.inputInvalid],
    ['a foreign phone', { recipient: { ...sampleHepsiJetRequest().recipient, phone: '+44 20 7946 0000' } }, ErrorCode.inputInvalid],
    ['no ilçe', { recipient: { ...sampleHepsiJetRequest().recipient, district: ' ' } }, ErrorCode.inputInvalid],
    ['no packages', { packages: [] }, ErrorCode.inputInvalid],
  ] as const)('refuses %s before any request', async (_name, over, code) => {
    const { emu, connector } = await setup()
    expect(await failure(connector.createShipment(shipment(over as Partial<ShipmentRequest>), { idempotencyKey: 'bad' }))).toMatchObject({
      code,
      retryable: false,
    })
    expect(emu.requests).toHaveLength(0)
  })

  it('refuses an empty idempotency key and a company code that cannot prefix a barcode', async () => {
    const { connector } = await setup()
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: ' ' }))).toMatchObject({ code: ErrorCode.inputInvalid })
    expect(() =>
      createHepsiJetConnector({ origin: 'http://x', ...SAMPLE_HEPSIJET_SETTINGS, company: { name: 'X', abbreviationCode: 'Hpsjet_Frmsi' } }),
    ).toThrow(/barcodePrefix/)
  })
})

describe('HepsiJET refusals → ErrorCode (FAIL in HTTP 200, and in 400)', () => {
  const account = (over: object) => ({ accounts: [{ ...SAMPLE_HEPSIJET_SETTINGS, senderAddressIds: ['KJT-DEPO-1'], xDockCodes: ['KJT_ESENYURT'], ...over }] })
  it.each([
    ['unknown ilçe', {}, {}, { recipient: { ...sampleHepsiJetRequest().recipient, district: 'Kadıkoyy' } }, ErrorCode.carrierAddressUnresolved],
    ['unknown il', {}, {}, { recipient: { ...sampleHepsiJetRequest().recipient, city: 'Atlantis' } }, ErrorCode.carrierAddressUnresolved],
    ['wrong XDock', {}, { xDockCode: 'NOPE' }, {}, ErrorCode.carrierServiceUnsupported],
    ['wrong sender address id', {}, { senderAddressId: 'NOPE' }, {}, ErrorCode.carrierServiceUnsupported],
    ['wrong company name', {}, { company: { name: 'Başka', abbreviationCode: 'KJT' } }, {}, ErrorCode.carrierServiceUnsupported],
    ['product not in the contract', {}, { productCode: 'HX_SD' }, {}, ErrorCode.carrierServiceUnsupported],
    ['barcode without the company prefix', { requireCompanyPrefix: true }, { barcodePrefix: 'ZZ' }, {}, ErrorCode.carrierValidation],
  ] as const)('%s', async (_name, emulator, over, request, code) => {
    for (const failHttpStatus of [200, 400]) {
      const s = await setup({ ...account({}), ...emulator, failHttpStatus }, over as Partial<HepsiJetConnectorOptions>)
      const err = await failure(s.connector.createShipment(shipment(request as Partial<ShipmentRequest>), { idempotencyKey: `r-${failHttpStatus}` }))
      expect(err).toMatchObject({ code, retryable: false, meta: { httpStatus: failHttpStatus } })
      expect(s.emu.shipments).toHaveLength(0)
      await s.emu.close()
    }
  })

  it('wrong password: carrier.auth at once, no retry', async () => {
    const { emu, connector } = await setup({}, { password: 'wrong' })
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'a' }))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    expect(ops(emu)).toEqual(['getToken'])
  })

  it('an expired token (401) is renewed once and the call repeated', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 't1' })
    emu.expireTokens()
    await connector.track(connector.customerDeliveryNoFor('t1'))
    expect(ops(emu)).toEqual(['getToken', 'sendDeliveryOrderEnhanced', 'track', 'getToken', 'track'])
  })

  it('renews the token before its ≈60 min are up, and logs in once for concurrent calls', async () => {
    let clock = 1_700_000_000_000
    const { emu, connector } = await setup({ now: () => clock }, { now: () => clock, tokenTtlMs: 55 * 60_000 })
    await Promise.all(['c1', 'c2', 'c3'].map((k) => connector.createShipment(shipment(), { idempotencyKey: k })))
    clock += 56 * 60_000
    await connector.track(connector.customerDeliveryNoFor('c1'))
    expect(ops(emu).filter((o) => o === 'getToken')).toHaveLength(2)
    expect(emu.requests.filter((r) => r.status === 401)).toHaveLength(0)
  })

  it('server errors and throttles are retried: 500, 503 and 429 honour Retry-After', async () => {
    const { emu, connector, sleeps } = await setup()
    emu.faults.queue([HttpFault.http500, null, HttpFault.http429, HttpFault.http503])
    await connector.createShipment(shipment(), { idempotencyKey: 'busy' })
    expect(emu.shipments).toHaveLength(1)
    expect(sleeps.filter((ms) => ms >= 1000)).toHaveLength(2)
  })

  it('a wrong origin path is not retried (HTTP 404 from the server)', async () => {
    const { emu } = await setup()
    const wrong = createHepsiJetConnector({ origin: `${emu.origin}/api`, ...SAMPLE_HEPSIJET_SETTINGS, retry: { sleep: async () => {} } })
    expect(await failure(wrong.track('KJT0000000001'))).toMatchObject({ code: ErrorCode.carrierBadResponse, retryable: false, meta: { httpStatus: 404 } })
    expect(emu.requests).toHaveLength(1)
  })

  it('a token refusal worded in an HTTP 200 FAIL also renews the token once; a FAIL at login is carrier.auth', async () => {
    const seen: string[] = []
    let logins = 0
    const server = await listenHttp(async (req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-auth-token'] ?? ''}`)
      const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (req.url === '/auth/getToken')
        return void send(++logins <= 2 ? { status: 'OK', data: { token: `tok${logins}` } } : { status: 'FAIL', message: 'Kullanıcı pasif' })
      if (req.headers['x-auth-token'] === 'tok1') return void send({ status: 'FAIL', message: 'Token süresi dolmuş', detailStatus: 'TOKEN_EXPIRED' })
      send({ status: 'OK', data: [] })
    })
    try {
      const c = createHepsiJetConnector({ origin: server.origin, ...SAMPLE_HEPSIJET_SETTINGS, retry: { sleep: async () => {} } })
      expect(await c.trackMany(['KJT000000000001'])).toEqual(new Map([['KJT000000000001', []]]))
      expect(seen).toEqual([
        'GET /auth/getToken ',
        'POST /rest/delivery/integration/track tok1',
        'GET /auth/getToken ',
        'POST /rest/delivery/integration/track tok2',
      ])
      const fresh = createHepsiJetConnector({ origin: server.origin, ...SAMPLE_HEPSIJET_SETTINGS, retry: { sleep: async () => {} } })
      expect(await failure(fresh.track('KJT000000000001'))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    } finally {
      await server.close()
    }
  })

  it('a FAIL with a detailStatus never seen before: read by its message and HTTP status, the create checked for a stored delivery', async () => {
    // HepsiJET documents no detailStatus value (protocols/hepsijet/README.md): these are made up, as a real one may be.
    const seen: string[] = []
    let createAnswer: Readonly<{ status: number; body: unknown }> = { status: 200, body: {} }
    const server = await listenHttp(async (req, res) => {
      const path = (req.url ?? '').split('/').slice(0, 4).join('/')
      seen.push(path)
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (path === '/auth/getToken') return void send(200, { status: 'OK', data: { token: 'tok' } })
      if (path === '/rest/delivery/sendDeliveryOrderEnhanced') return void send(createAnswer.status, createAnswer.body)
      if (path === '/rest/delivery/generateZplBarcode') {
        const barcode = (req.url ?? '').split('/')[4] ?? ''
        if (createAnswer.status === 200) return void send(200, { status: 'FAIL', message: 'Kayıt bulunamadı', detailStatus: 'HJ-4040' })
        return void send(200, {
          status: 'OK',
          data: [{ zplBarcode: `^XA^FD${barcode}^FS^XZ`, receiverCity: sampleHepsiJetRequest().recipient.city, parcelNo: 1, totalParcels: 1 }],
        })
      }
      if (path === '/rest/delivery/integration') return void send(200, { status: 'OK', data: [] })
      send(404, {})
    })
    try {
      const c = createHepsiJetConnector({ origin: server.origin, ...SAMPLE_HEPSIJET_SETTINGS, retry: { sleep: async () => {} } })
      // Unexplained (HTTP 200, a message we cannot place): maybe "already exists", so it looks; nothing stored → a refusal, not retried.
      createAnswer = { status: 200, body: { status: 'FAIL', message: 'İşlem gerçekleştirilemedi', detailStatus: 'E_7781_X' } }
      expect(await failure(c.createShipment(shipment(), { idempotencyKey: 'never-seen-1' }))).toMatchObject({
        code: ErrorCode.carrierValidation,
        retryable: false,
        meta: { detailStatus: 'E_7781_X', httpStatus: 200 },
      })
      expect(seen).toEqual(['/auth/getToken', '/rest/delivery/sendDeliveryOrderEnhanced', '/rest/delivery/generateZplBarcode'])
      // HTTP 409 and no words: already exists; the stored delivery under our barcode is the answer.
      createAnswer = { status: 409, body: { status: 'FAIL', message: '', detailStatus: 'ZZ_NEW_CODE' } }
      const created = await c.createShipment(shipment(), { idempotencyKey: 'never-seen-2' })
      expect(created.trackingNumber).toBe(c.customerDeliveryNoFor('never-seen-2'))
      expect(seen.slice(3)).toEqual(['/rest/delivery/sendDeliveryOrderEnhanced', '/rest/delivery/generateZplBarcode', '/rest/delivery/integration'])
    } finally {
      await server.close()
    }
  })

  it("the caller's cancel ends a create at once with its own reason, without retries", async () => {
    const { emu, connector } = await setup()
    emu.faults.queue([null, HttpFault.timeout])
    const controller = new AbortController()
    const pending = connector.createShipment(shipment(), { idempotencyKey: 'abort', signal: controller.signal })
    // Whenever the cancel lands (login or the hung create), the result is the same: its reason, no further request.
    setTimeout(() => controller.abort(new Error('operator cancelled')), 50)
    await expect(pending).rejects.toThrow('operator cancelled')
    expect(ops(emu).filter((o) => o === 'sendDeliveryOrderEnhanced').length).toBeLessThanOrEqual(1)
    expect(ops(emu)).not.toContain('generateZplBarcode')
  })

  it('exchanges never carry the password, the Basic credentials or a token', async () => {
    const { connector, exchanges } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'secret' })
    const all = JSON.stringify(exchanges)
    expect(exchanges.map((e) => e.operation)).toEqual(['getToken', 'sendDeliveryOrderEnhanced'])
    expect(exchanges[0]?.response).toContain('"token":"[redacted]"')
    expect(all).not.toContain(SAMPLE_HEPSIJET_SETTINGS.password)
    expect(all).not.toContain(Buffer.from(`${SAMPLE_HEPSIJET_SETTINGS.username}:${SAMPLE_HEPSIJET_SETTINGS.password}`).toString('base64'))
    expect(all).not.toMatch(/[0-9a-f]{40}/)
  })
})

describe('cancel, track, re-print, update', () => {
  it('cancel before pickup deletes (with our reason); again is fine; after pickup it is refused; unknown is not found', async () => {
    const { emu, connector } = await setup({}, { deleteReason: 'Müşteri vazgeçti' })
    await connector.createShipment(shipment(), { idempotencyKey: 'c' })
    const barcode = connector.customerDeliveryNoFor('c')
    await connector.cancelShipment(barcode)
    expect(currentStatus(emu.shipments[0]!)).toBe('DELETED')
    expect(emu.shipments[0]?.deleteReason).toBe('Müşteri vazgeçti')
    await connector.cancelShipment(barcode)
    await connector.createShipment(shipment(), { idempotencyKey: 'p' })
    emu.advance(connector.customerDeliveryNoFor('p'), 'ACCEPTED')
    expect(await failure(connector.cancelShipment(connector.customerDeliveryNoFor('p')))).toMatchObject({
      code: ErrorCode.carrierNotCancellable,
      retryable: false,
    })
    expect(await failure(connector.cancelShipment('KJT000000000000X'))).toMatchObject({ code: ErrorCode.carrierNotFound, retryable: false })
    expect(await failure(connector.cancelShipment('12'))).toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it('track: nothing before the first operation, then the chain normalized, oldest first', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'tr' })
    const barcode = connector.customerDeliveryNoFor('tr')
    expect(await connector.track(barcode)).toEqual([])
    emu.advance(barcode, 'FAILED_ATTEMPT')
    emu.advance(barcode, 'DELIVERED')
    const events = await connector.track(barcode)
    expect(events.map((e) => [e.rawCode, e.status])).toEqual([
      ['NEO', TrackingStatus.created],
      ['ACCEPTED', TrackingStatus.pickedUp],
      ['OUT_FOR_DELIVERY', TrackingStatus.outForDelivery],
      ['FAILED_ATTEMPT', TrackingStatus.failedAttempt],
      ['OUT_FOR_DELIVERY', TrackingStatus.outForDelivery],
      ['DELIVERED', TrackingStatus.delivered],
    ])
    expect(events.at(-1)).toMatchObject({ location: 'Alıcıda', rawText: 'Alıcıda · teslim alan: Mehmet Polat' })
    expect(events.at(-1)?.at).toMatch(/Z$/)
  })

  it('trackMany batches barcodes; unknown or untouched ones come back empty', async () => {
    const { emu, connector } = await setup({ untouchedTrack: 'omit' }, { trackBatchSize: 2 })
    for (const k of ['m1', 'm2', 'm3']) await connector.createShipment(shipment(), { idempotencyKey: k })
    const [b1, b2, b3] = ['m1', 'm2', 'm3'].map((k) => connector.customerDeliveryNoFor(k)) as [string, string, string]
    emu.advance(b1, 'ACCEPTED')
    emu.advance(b3, 'RETURNED')
    const map = await connector.trackMany([b1, b2, b3, b1, 'KJT000000000000X'])
    expect(emu.requests.filter((r) => r.operation === 'track')).toHaveLength(2)
    expect(map.get(b1)?.at(-1)?.status).toBe(TrackingStatus.pickedUp)
    expect(map.get(b2)).toEqual([])
    expect(map.get(b3)?.at(-1)?.status).toBe(TrackingStatus.returnedToSender)
    expect(map.get('KJT000000000000X')).toEqual([])
  })

  it('reprintLabel returns every parcel again; a deleted delivery has none', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment({ packages: [box(0), box(1)] }), { idempotencyKey: 'rp' })
    const barcode = connector.customerDeliveryNoFor('rp')
    const zpl = text(await connector.reprintLabel(barcode, 2))
    expect(zpl.match(/\^XA/g)).toHaveLength(2)
    expect(zpl).toContain('ÖDEMİŞ / İZMİR')
    emu.advance(barcode, 'DELETED')
    expect(await failure(connector.reprintLabel(barcode, 2))).toMatchObject({ code: ErrorCode.carrierNotFound })
    expect(await failure(connector.reprintLabel(barcode, 0))).toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it('updateParcels sends one desi per parcel; the count cannot change after pickup, nothing after delivery', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'up' })
    const barcode = connector.customerDeliveryNoFor('up')
    await connector.updateParcels(barcode, [box(0), box(1, 12_000)])
    expect(emu.shipments[0]).toMatchObject({ totalParcels: 2, desiPerParcel: [2, 12] })
    expect(JSON.parse(emu.requests.at(-1)?.body ?? '{}')).toEqual({
      deliveryUpdateType: 'TOTAL_PARCEL',
      customerDeliveryNo: barcode,
      totalParcelInfo: { totalParcel: 2, desi: [2, 12] },
    })
    emu.advance(barcode, 'ACCEPTED')
    await connector.updateParcels(barcode, [box(0, 3000), box(1, 12_000)])
    expect(await failure(connector.updateParcels(barcode, [box(0)]))).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false })
    emu.advance(barcode, 'DELIVERED')
    expect(await failure(connector.updateParcels(barcode, [box(0, 3000), box(1)]))).toMatchObject({ code: ErrorCode.carrierValidation })
  })
})
