import { afterEach, describe, expect, it } from 'vitest'
import { HttpFault } from '../common/http-emulator'
import {
  DEFAULT_ACCOUNT,
  DEFAULT_APP,
  MngErrorCode,
  MngMessage,
  MngPath,
  MngProduct,
  mngUrl,
  RepeatBarcode,
  startMngEmulator,
  type MngEmulator,
  type MngEmulatorOptions,
} from './mng.emulator'

// The emulator on the wire, as docs/reference/carriers.md §3/§14 describe MNG's Apizone: gateway keys, JWT,
// documented paths and codes, validation, the 20001 window, cancel rules, throttle and faults.
let emu: MngEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

const APP = { 'X-IBM-Client-Id': DEFAULT_APP.clientId, 'X-IBM-Client-Secret': DEFAULT_APP.clientSecret }

async function start(options: MngEmulatorOptions = {}) {
  emu = await startMngEmulator(options)
  const e = emu
  const call = async (
    method: string,
    path: (typeof MngPath)[keyof typeof MngPath],
    o: { param?: string; body?: unknown; jwt?: string | null; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(mngUrl(e, path, o.param), {
      method,
      headers: { ...APP, ...(o.jwt ? { Authorization: `Bearer ${o.jwt}` } : {}), 'Content-Type': 'application/json', ...o.headers },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    })
    const text = await res.text()
    return {
      status: res.status,
      headers: res.headers,
      json: text === '' ? null : (JSON.parse(text) as Record<string, unknown> & Record<number, Record<string, unknown>>),
    }
  }
  const login = async () =>
    (await call('POST', MngPath.token, { body: { customerNumber: DEFAULT_ACCOUNT.customerNumber, password: DEFAULT_ACCOUNT.password, identityType: 1 } })).json
      ?.jwt as string
  return { emu: e, call, login }
}

const orderBody = (ref: string, over: { order?: object; recipient?: object; pieces?: object[] } = {}) => ({
  order: {
    referenceId: ref,
    barcode: ref,
    billOfLandingId: '',
    isCOD: 0,
    codAmount: 0,
    shipmentServiceType: 1,
    packagingType: 3,
    content: 'Kitap',
    paymentType: 1,
    deliveryType: 1,
    description: '',
    ...over.order,
  },
  orderPieceList: over.pieces ?? [{ barcode: `${ref}_PARCA1`, desi: 2, kg: 1, content: 'Kitap' }],
  recipient: {
    customerId: '',
    cityCode: 34,
    cityName: 'İSTANBUL',
    districtCode: 34023,
    districtName: 'KADIKÖY',
    address: 'Moda Cad. No:1',
    fullName: 'Ali Veli',
    mobilePhoneNumber: '5321234567',
    ...over.recipient,
  },
})

describe('gateway and identity', () => {
  it('app keys on every call, product subscriptions, unknown paths in IBM API Connect wording', async () => {
    const { call } = await start({ apps: [DEFAULT_APP, { clientId: 'q', clientSecret: 'q', products: [MngProduct.cbsInfo] }] })
    const noKeys = await call('GET', MngPath.getCities, { headers: { 'X-IBM-Client-Secret': 'wrong' } })
    expect(noKeys).toMatchObject({ status: 401, json: { httpCode: '401', httpMessage: 'Unauthorized', moreInformation: 'Invalid client id or secret.' } })
    expect((await call('GET', MngPath.getCities, { headers: { 'X-IBM-Client-Id': 'q', 'X-IBM-Client-Secret': 'q' } })).status).toBe(200)
    expect(await call('POST', MngPath.token, { headers: { 'X-IBM-Client-Id': 'q', 'X-IBM-Client-Secret': 'q' }, body: {} })).toMatchObject({
      status: 401,
      json: { moreInformation: 'Client id not registered.' },
    })
    expect((await fetch(`${emu?.baseUrl}/standardcmdapi/createorder`, { method: 'POST', headers: APP })).status).toBe(404) // paths are case-sensitive
    expect((await call('GET', MngPath.createOrder)).status).toBe(405)
  })

  it('POST /token: documented body → JWT + dd.MM.yyyy expiry; wrong password 401; the log hides secrets', async () => {
    const { call, emu } = await start({ now: () => Date.parse('2025-03-10T09:00:00Z') })
    expect(await call('POST', MngPath.token, { body: { customerNumber: DEFAULT_ACCOUNT.customerNumber, password: 'x', identityType: 1 } })).toMatchObject({
      status: 401,
      json: { error: { Code: MngErrorCode.loginFailed } },
    })
    expect(
      (await call('POST', MngPath.token, { body: { customerNumber: DEFAULT_ACCOUNT.customerNumber, password: DEFAULT_ACCOUNT.password, identityType: 2 } }))
        .status,
    ).toBe(400)
    const ok = await call('POST', MngPath.token, {
      body: { customerNumber: DEFAULT_ACCOUNT.customerNumber, password: DEFAULT_ACCOUNT.password, identityType: 1 },
    })
    expect(ok.json).toMatchObject({ jwt: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/), jwtExpireDate: '10.03.2025 13:00:00' })
    expect(JSON.stringify(emu.requests)).not.toContain(DEFAULT_ACCOUNT.password)
    expect(JSON.stringify(emu.requests)).not.toContain(DEFAULT_APP.clientSecret)
  })

  it('JWT on command/query calls, none on the CBS lists (§3)', async () => {
    const { call, login, emu } = await start()
    expect(await call('GET', MngPath.getOrder, { param: 'X' })).toMatchObject({ status: 401, json: { error: { Message: MngMessage.tokenInvalid } } })
    const cities = await call('GET', MngPath.getCities)
    expect(Object.values(cities.json ?? {})).toHaveLength(81)
    expect(Object.values(cities.json ?? {})).toContainEqual({ code: '34', name: 'İSTANBUL' })
    expect(Object.values((await call('GET', MngPath.getDistricts, { param: '34' })).json ?? {})).toContainEqual({
      code: '34023',
      name: 'KADIKÖY',
      cityCode: '34',
      cityName: 'İSTANBUL',
    })
    const jwt = await login()
    expect((await call('GET', MngPath.getOrder, { param: 'X', jwt })).status).toBe(400)
    emu.expireTokens()
    expect((await call('GET', MngPath.getOrder, { param: 'X', jwt })).status).toBe(401)
  })
})

describe('createOrder → createbarcode', () => {
  it.each([
    ['barcode ≠ referenceId', orderBody('REF1', { order: { barcode: 'OTHER' } }), 'BARCODE'],
    ['lower-case referenceId', orderBody('ref1'), 'order.referenceId'],
    ['Turkish letters', orderBody('SİPARİŞ1'), 'order.referenceId'],
    ['decimal desi', orderBody('REF1', { pieces: [{ barcode: 'P1', desi: 2.5, kg: 1 }] }), 'orderPieceList.0.desi'],
    ['customerId and fullName', orderBody('REF1', { recipient: { customerId: '77' } }), 'CUSTOMERID'],
    ['9-digit phone', orderBody('REF1', { recipient: { mobilePhoneNumber: '532123456' } }), 'TELEFON'],
    ['district of another il', orderBody('REF1', { recipient: { districtCode: 6007 } }), 'İL/İLÇE'],
    ['COD without amount', orderBody('REF1', { order: { isCOD: 1, codAmount: 0 } }), 'KAPIDA'],
  ])('refuses %s with an MNG error body', async (_, body, words) => {
    const { call, login } = await start()
    const res = await call('POST', MngPath.createOrder, { body, jwt: await login() })
    expect(res.status).toBe(400)
    expect(res.json?.error).toMatchObject({ Code: MngErrorCode.validation })
    expect(JSON.stringify(res.json)).toContain(words)
  })

  it('3002 on a repeated reference; 20001 while not ready; ZPL per piece; a second createbarcode refused', async () => {
    const { call, login, emu } = await start({ barcodeNotReady: { attempts: 1 } })
    const jwt = await login()
    const body = orderBody('REF2', {
      pieces: [
        { barcode: 'REF2_PARCA1', desi: 2, kg: 1 },
        { barcode: 'REF2_PARCA2', desi: 3, kg: 4 },
      ],
    })
    expect(await call('POST', MngPath.createOrder, { body, jwt })).toMatchObject({
      status: 200,
      json: [{ referenceId: 'REF2', orderInvoiceId: expect.any(String), shipperBranchCode: expect.any(String) }],
    })
    expect(await call('POST', MngPath.createOrder, { body, jwt })).toMatchObject({
      status: 400,
      json: { error: { Code: '3002', Message: 'BU SİPARİS NUMARASINA AİT KAYIT ZATEN VAR!' } },
    })
    expect(await call('POST', MngPath.createBarcode, { body: { referenceId: 'REF2' }, jwt })).toMatchObject({
      status: 400,
      json: { error: { Code: '20001', Message: 'VARIŞ ŞUBESİ BULUNAMADI' } },
    })
    const made = await call('POST', MngPath.createBarcode, { body: { referenceId: 'REF2' }, jwt })
    const elements = Object.values(made.json ?? {}) as { shipmentId: string; barcodes: { pieceNumber: number; value: string }[] }[]
    expect(elements.map((e) => [e.shipmentId, e.barcodes[0]?.pieceNumber])).toEqual([
      ['369845765006', 1],
      ['369845765006', 2],
    ])
    expect(elements[0]?.barcodes[0]?.value).toMatch(/^\^XA[\s\S]*\^BCN[\s\S]*\^FD369845765006\^FS[\s\S]*\^XZ$/)
    expect(await call('POST', MngPath.createBarcode, { body: { referenceId: 'REF2' }, jwt })).toMatchObject({
      status: 400,
      json: { error: { Code: MngErrorCode.barcodeAlreadyCreated } },
    })
    expect(emu.shipments).toHaveLength(1)
    expect(await call('GET', MngPath.getOrder, { param: 'REF2', jwt })).toMatchObject({
      json: { order: { referenceId: 'REF2', shipmentId: '369845765006', isTransformedToShipment: 1 } },
    })
  })

  it('repeatBarcode newShipment: the worst case, a second shipment per repeated createbarcode', async () => {
    const { call, login, emu } = await start({ repeatBarcode: RepeatBarcode.newShipment })
    const jwt = await login()
    await call('POST', MngPath.createOrder, { body: orderBody('REF3'), jwt })
    await call('POST', MngPath.createBarcode, { body: { referenceId: 'REF3' }, jwt })
    await call('POST', MngPath.createBarcode, { body: { referenceId: 'REF3' }, jwt })
    expect(emu.shipments.map((s) => s.referenceId)).toEqual(['REF3', 'REF3'])
  })
})

describe('queries, cancel, throttle and faults', () => {
  it('status chain via the HTTP hook; cancel only while prepared; cancelled references vanish', async () => {
    const { call, login, emu } = await start({ statusTextWithSpaces: true })
    const jwt = await login()
    for (const ref of ['A1', 'A2']) {
      await call('POST', MngPath.createOrder, { body: orderBody(ref), jwt })
      await call('POST', MngPath.createBarcode, { body: { referenceId: ref }, jwt })
    }
    expect((await fetch(`${emu.origin}/__emu/advance/A1?to=3`, { method: 'POST' })).status).toBe(200)
    expect(await call('GET', MngPath.getShipmentStatus, { param: 'A1', jwt })).toMatchObject({
      json: {
        shipmentId: '369845765006',
        shipmentStatusCode: 3,
        shipmentStatus: 'Teslimat Birimine Ulaştı',
        isDelivered: 0,
        trackingUrl: 'https://kargotakip.dhlecommerce.com.tr/?takipNo=369845765006',
      },
    })
    const events = Object.values((await call('GET', MngPath.trackShipment, { param: 'A1', jwt })).json ?? {}) as Record<string, unknown>[]
    expect(events.map((e) => e.eventStatus)).toEqual(['Gönderi Hazırlandı', 'Teslimat Birimine Ulaştı'])
    expect(events[0]?.eventDateTime).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/)
    expect(await call('PUT', MngPath.cancelShipment, { body: { referenceId: 'A1', shipmentId: '369845765006' }, jwt })).toMatchObject({
      status: 400,
      json: { error: { Code: MngErrorCode.notCancellable } },
    })
    expect(await call('PUT', MngPath.cancelOrder, { param: 'A2', jwt })).toMatchObject({
      status: 400,
      json: { error: { Code: MngErrorCode.orderHasShipment } },
    })
    expect((await call('PUT', MngPath.cancelShipment, { body: { referenceId: 'A2', shipmentId: '369845765007' }, jwt })).status).toBe(200)
    expect((await call('GET', MngPath.getShipment, { param: 'A2', jwt })).json).toMatchObject({ error: { Code: MngErrorCode.recordNotFound } })
    expect((await call('GET', MngPath.trackShipmentByShipmentId, { param: '369845765007', jwt })).status).toBe(400)
  })

  it('the rate limit answers 429 with Retry-After in the gateway shape', async () => {
    const { call } = await start({ rateLimit: { limit: 2, windowMs: 60_000 } })
    await call('GET', MngPath.getCities)
    await call('GET', MngPath.getCities)
    const third = await call('GET', MngPath.getCities)
    expect(third).toMatchObject({ status: 429, json: { httpCode: '429', moreInformation: 'Rate Limit exceeded' } })
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(59)
  })

  it('dropAfterCommit stores the order and loses the answer', async () => {
    const { call, login, emu } = await start()
    const jwt = await login()
    emu.faults.queue([HttpFault.dropAfterCommit])
    await expect(call('POST', MngPath.createOrder, { body: orderBody('LOST1'), jwt })).rejects.toThrow()
    expect(emu.orders.map((o) => o.referenceId)).toEqual(['LOST1'])
    expect(emu.requests.at(-1)).toMatchObject({ operation: 'createOrder', fault: HttpFault.dropAfterCommit })
  })
})
