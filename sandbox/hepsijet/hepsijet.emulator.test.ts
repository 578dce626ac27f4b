import { afterEach, describe, expect, it } from 'vitest'
import { HttpFault } from '../common/http-emulator'
import { DEFAULT_ACCOUNT, HjDetailStatus, startHepsiJetEmulator, currentStatus, type HepsiJetEmulator, type HepsiJetEmulatorOptions } from './hepsijet.emulator'

// Wire-level checks of the emulator against docs/reference/carriers.md §6/§14, without the connector.
let emu: HepsiJetEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`

async function start(o: HepsiJetEmulatorOptions = {}) {
  emu = await startHepsiJetEmulator(o)
  const e = emu
  const login = async () => {
    const res = await fetch(e.urls.getToken, { headers: { authorization: basic(DEFAULT_ACCOUNT.username, DEFAULT_ACCOUNT.password) } })
    return ((await res.json()) as { data: { token: string } }).data.token
  }
  const token = await login()
  const api = async (method: 'GET' | 'POST', path: string, body?: unknown, t: string | null = token) => {
    const res = await fetch(`${e.origin}${path}`, {
      method,
      headers: { ...(t ? { 'x-auth-token': t } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> & { data?: unknown } }
  }
  return { e, api, login, token }
}

function order(no = 'KJT000000000001', over: Record<string, unknown> = {}) {
  return {
    company: DEFAULT_ACCOUNT.company,
    delivery: {
      customerDeliveryNo: no,
      customerOrderId: 'SIP-1',
      totalParcels: '2',
      desi: '9',
      deliveryType: 'RETAIL',
      deliverySlotOriginal: '0',
      deliveryDateOriginal: '2023-01-10',
      product: { productCode: 'HX_STD' },
      receiver: { companyCustomerId: 'C1', firstName: 'Mehmet', lastName: 'Polat', phone1: '5321234567' },
      recipientPerson: 'Mehmet Polat',
      recipientPersonPhone1: '5321234567',
      recipientAddress: {
        companyAddressId: 'A1',
        country: { name: 'Türkiye' },
        city: { name: 'IZMIR' },
        town: { name: 'ödemiş' },
        district: { name: 'Hürriyet' },
        addressLine1: 'Hürriyet Mah. 1662. Sk.',
      },
      senderAddress: { companyAddressId: DEFAULT_ACCOUNT.senderAddressIds[0] },
      deliveryContent: [{ sku: 'S1', description: 'Kitap', quantity: 1 }],
      ...over,
    },
    currentXDock: { abbreviationCode: DEFAULT_ACCOUNT.xDockCodes[0] },
  }
}

const CREATE = '/rest/delivery/sendDeliveryOrderEnhanced'

describe('auth (GET /auth/getToken, X-Auth-Token)', () => {
  it('Basic credentials give a token; wrong or missing ones and bad tokens get HTTP 401', async () => {
    const { e, api, token } = await start()
    expect(token).toMatch(/^[0-9a-f]{40}$/)
    expect((await fetch(e.urls.getToken, { headers: { authorization: basic('x', 'y') } })).status).toBe(401)
    expect((await fetch(e.urls.getToken)).status).toBe(401)
    expect(await api('POST', '/rest/delivery/integration/track', { barcodes: ['X'] }, null)).toMatchObject({
      status: 401,
      json: { status: 'FAIL', detailStatus: 'UNAUTHORIZED' },
    })
    e.expireTokens()
    expect((await api('POST', '/rest/delivery/integration/track', { barcodes: ['X'] })).status).toBe(401)
    expect(e.requests.every((r) => ['authorization', 'x-auth-token'].every((h) => r.headers[h] === undefined || r.headers[h] === '[redacted]'))).toBe(true)
  })

  it('tokens expire after tokenTtlMs', async () => {
    let clock = 0
    const { api } = await start({ now: () => clock, tokenTtlMs: 1000 })
    expect((await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'] })).status).toBe(200)
    clock = 1000
    expect((await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'] })).status).toBe(401)
  })
})

describe('sendDeliveryOrderEnhanced', () => {
  it('stores the delivery and answers one ZPL per parcel; the same customerDeliveryNo again is a FAIL in HTTP 200', async () => {
    const { e, api } = await start()
    const r = await api('POST', CREATE, order())
    expect(r.status).toBe(200)
    const data = r.json.data as { customerDeliveryNo: string; zplBarcodeDTOList: { zplBarcode: string }[] }
    expect(data.customerDeliveryNo).toBe('KJT000000000001')
    expect(data.zplBarcodeDTOList).toHaveLength(2)
    expect(data.zplBarcodeDTOList[0]?.zplBarcode).toMatch(/^\^XA\n\^CI28[\s\S]*\^FDKJT000000000001\^FS\n\^XZ$/)
    expect(e.shipments[0]).toMatchObject({ recipient: { city: 'İzmir', town: 'Ödemiş', district: 'Hürriyet' }, desiPerParcel: [4.5, 4.5] })
    expect(await api('POST', CREATE, order())).toMatchObject({ status: 200, json: { status: 'FAIL', detailStatus: HjDetailStatus.duplicateDeliveryNo } })
    expect(e.shipments).toHaveLength(1)
  })

  it.each([
    ['a short customerDeliveryNo', order('KJT12345'), HjDetailStatus.validation, 'delivery.customerDeliveryNo'],
    ['a 17-character one', order('KJT12345678901234'), HjDetailStatus.validation, 'delivery.customerDeliveryNo'],
    ['a phone of 11 digits', order(undefined, { recipientPersonPhone1: '05321234567' }), HjDetailStatus.validation, 'recipientPersonPhone1'],
    ['a slot other than "0" on HX_STD', order(undefined, { deliverySlotOriginal: '1' }), HjDetailStatus.validation, 'deliverySlotOriginal'],
    ['no desi', order(undefined, { desi: '' }), HjDetailStatus.validation, 'delivery.desi'],
    [
      'an unknown town',
      order(undefined, { recipientAddress: { ...order().delivery.recipientAddress, town: { name: 'Atlantis' } } }),
      HjDetailStatus.townNotFound,
      'Atlantis',
    ],
    [
      'an unknown city',
      order(undefined, { recipientAddress: { ...order().delivery.recipientAddress, city: { name: 'Atlantis' } } }),
      HjDetailStatus.cityNotFound,
      'Atlantis',
    ],
    ['a foreign sender address id', order(undefined, { senderAddress: { companyAddressId: 'X' } }), HjDetailStatus.senderAddressNotFound, 'X'],
    ['a product outside the contract', order(undefined, { product: { productCode: 'HX_SD' } }), HjDetailStatus.productNotAllowed, 'HX_SD'],
    ['another XDock', { ...order(), currentXDock: { abbreviationCode: 'NOPE' } }, HjDetailStatus.xDockNotFound, 'NOPE'],
    ['another company', { ...order(), company: { name: 'Başka', abbreviationCode: 'KJT' } }, HjDetailStatus.companyNotFound, 'Firma'],
  ])('refuses %s', async (_name, body, detailStatus, inMessage) => {
    const { e, api } = await start()
    const r = await api('POST', CREATE, body)
    expect(r).toMatchObject({ status: 200, json: { status: 'FAIL', detailStatus } })
    expect(String(r.json.message)).toContain(inMessage)
    expect(e.shipments).toHaveLength(0)
  })

  it('FAILs come with HTTP 400 when failHttpStatus says so; a body that is not JSON is a Spring 400', async () => {
    const { api } = await start({ failHttpStatus: 400, requireCompanyPrefix: true })
    expect(await api('POST', CREATE, order('ABC000000000001'))).toMatchObject({
      status: 400,
      json: { status: 'FAIL', detailStatus: HjDetailStatus.validation },
    })
    expect(await api('POST', CREATE, '{"company":')).toMatchObject({ status: 400, json: { status: 400, error: 'Bad Request', path: CREATE } })
  })
})

describe('generateZplBarcode, deleteDeliveryOrder, track, delivery-update', () => {
  it('re-prints as many labels as asked, with the fields of the HJ-DOCS sample; other accounts see nothing', async () => {
    const other = { ...DEFAULT_ACCOUNT, username: 'other', password: 'o' }
    const { e, api } = await start({ accounts: [DEFAULT_ACCOUNT, other] })
    await api('POST', CREATE, order(undefined, { totalParcels: 1 }))
    const r = await api('GET', '/rest/delivery/generateZplBarcode/KJT000000000001/3')
    expect(r.json.data).toHaveLength(3)
    expect((r.json.data as unknown[])[2]).toMatchObject({
      receiverCity: 'İzmir',
      receiverTown: 'ÖDEMİŞ',
      receiverDistrict: 'HÜRRİYET',
      parcelNo: 3,
      totalParcels: 3,
      desiSize: 'ORTA 5 - 10 DESI',
      receiver: 'Mehmet Polat',
      deliveryDateOriginal: '10.01.2023',
    })
    expect((await api('GET', '/rest/delivery/generateZplBarcode/KJT000000000009/1')).json).toMatchObject({
      status: 'FAIL',
      detailStatus: HjDetailStatus.deliveryNotFound,
    })
    expect((await api('GET', '/rest/delivery/generateZplBarcode/KJT000000000001/0')).json).toMatchObject({
      status: 'FAIL',
      detailStatus: HjDetailStatus.validation,
    })
    const otherToken = ((await (await fetch(e.urls.getToken, { headers: { authorization: basic('other', 'o') } })).json()) as { data: { token: string } }).data
      .token
    expect((await api('GET', '/rest/delivery/generateZplBarcode/KJT000000000001/1', undefined, otherToken)).json).toMatchObject({
      detailStatus: HjDetailStatus.deliveryNotFound,
    })
  })

  it('deletes before pickup only, needs a reason, and says so when asked again', async () => {
    const { e, api } = await start()
    await api('POST', CREATE, order('KJT000000000001'))
    await api('POST', CREATE, order('KJT000000000002'))
    const del = (no: string, body: unknown = { deleteReason: 'iptal' }) => api('POST', `/rest/delivery/deleteDeliveryOrder/${no}`, body)
    expect((await del('KJT000000000001', {})).json).toMatchObject({ status: 'FAIL', detailStatus: HjDetailStatus.validation })
    expect((await del('KJT000000000001')).json).toMatchObject({ status: 'OK' })
    expect((await del('KJT000000000001')).json).toMatchObject({ status: 'FAIL', detailStatus: HjDetailStatus.deliveryDeleted })
    e.advance('KJT000000000002', 'ACCEPTED')
    expect((await del('KJT000000000002')).json).toMatchObject({ status: 'FAIL', detailStatus: HjDetailStatus.notDeletable })
    expect(e.shipments.map(currentStatus)).toEqual(['DELETED', 'ACCEPTED'])
  })

  it('tracks in batches: details only with isTrackAdded, unknown barcodes left out, the HTTP hook advances', async () => {
    const { e, api } = await start()
    await api('POST', CREATE, order('KJT000000000001'))
    await api('POST', CREATE, order('KJT000000000002'))
    const hook = await fetch(`${e.origin}/__emu/advance/KJT000000000001?to=OUT_FOR_DELIVERY`, { method: 'POST' })
    expect(hook.status).toBe(200)
    expect((await fetch(`${e.origin}/__emu/advance/KJT000000000001?to=NOPE`, { method: 'POST' })).status).toBe(400)
    const r = await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001', 'KJT000000000002', 'KJT000000000404'], isTrackAdded: true })
    const data = r.json.data as { barcode: string; trackingUrl: string; details: { integrationStatus: string; transactionDate: string }[] }[]
    expect(data.map((d) => [d.barcode, d.details.map((x) => x.integrationStatus)])).toEqual([
      ['KJT000000000001', ['NEO', 'ACCEPTED', 'OUT_FOR_DELIVERY']],
      ['KJT000000000002', []],
    ])
    expect(data[0]?.trackingUrl).toBe('https://hepsijet.com/gonderi-takibi/KJT000000000001')
    expect(data[0]?.details[0]?.transactionDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
    const bare = await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'], isTrackAdded: false })
    expect(bare.json.data).toEqual([{ barcode: 'KJT000000000001', trackingUrl: 'https://hepsijet.com/gonderi-takibi/KJT000000000001' }])
    e.advance('KJT000000000001', 'DELIVERED')
    expect(() => e.advance('KJT000000000001')).toThrow(/already DELIVERED/)
  })

  it('delivery-update on both paths: one desi per parcel, count only before pickup, product switch', async () => {
    const { e, api } = await start({ accounts: [{ ...DEFAULT_ACCOUNT, productCodes: ['HX_STD', 'HX_SD'] }] })
    await api('POST', CREATE, order())
    const update = (path: string, body: unknown) => api('POST', path, body)
    const parcels = (n: number, desi: number[]) => ({
      deliveryUpdateType: 'TOTAL_PARCEL',
      customerDeliveryNo: 'KJT000000000001',
      totalParcelInfo: { totalParcel: n, desi },
    })
    expect((await update('/rest/delivery-update', parcels(3, [1, 5]))).json).toMatchObject({ status: 'FAIL', detailStatus: HjDetailStatus.validation })
    expect((await update('/delivery-update', parcels(3, [1, 5, 3]))).json).toMatchObject({ status: 'OK' })
    expect(e.shipments[0]).toMatchObject({ totalParcels: 3, desiPerParcel: [1, 5, 3] })
    expect(
      (
        await update('/rest/delivery-update', {
          deliveryUpdateType: 'PRODUCT_CODE',
          customerDeliveryNo: 'KJT000000000001',
          productCodeInfo: { productCode: 'HX_SD', deliverySlot: 1 },
        })
      ).json,
    ).toMatchObject({ status: 'OK' })
    e.advance('KJT000000000001', 'ACCEPTED')
    expect((await update('/rest/delivery-update', parcels(2, [1, 5]))).json).toMatchObject({ detailStatus: HjDetailStatus.notUpdatable })
    expect((await update('/rest/delivery-update', parcels(3, [2, 2, 2]))).json).toMatchObject({ status: 'OK' })
  })
})

describe('routing, faults, throttle', () => {
  it('unknown paths and wrong methods get Spring-style 404/405 bodies', async () => {
    const { api } = await start()
    expect(await api('GET', '/rest/nope')).toMatchObject({ status: 404, json: { status: 404, error: 'Not Found', path: '/rest/nope' } })
    expect(await api('GET', CREATE)).toMatchObject({ status: 405, json: { error: 'Method Not Allowed' } })
  })

  it('dropAfterCommit stores the delivery although the client sees no answer; 429 faults carry Retry-After', async () => {
    const { e, api } = await start({ retryAfterSeconds: 3 })
    e.faults.queue([HttpFault.dropAfterCommit, HttpFault.http429])
    await expect(api('POST', CREATE, order())).rejects.toThrow()
    expect(e.shipments).toHaveLength(1)
    const throttled = await api('POST', CREATE, order('KJT000000000002'))
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('3')
    expect(e.requests.map((r) => r.fault)).toEqual([null, HttpFault.dropAfterCommit, HttpFault.http429])
  })

  it('the sliding-window limit answers 429 with the seconds until the window has room', async () => {
    let clock = 10_000
    const { api } = await start({ now: () => clock, rateLimit: { limit: 3, windowMs: 2000 } })
    // The login counted as the first request of the window.
    expect((await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'] })).status).toBe(200)
    expect((await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'] })).status).toBe(200)
    const r = await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'] })
    expect(r).toMatchObject({ status: 429, json: { status: 'FAIL', detailStatus: HjDetailStatus.tooManyRequests } })
    expect(r.headers.get('retry-after')).toBe('2')
    clock += 2000
    expect((await api('POST', '/rest/delivery/integration/track', { barcodes: ['KJT000000000001'] })).status).toBe(200)
  })
})
