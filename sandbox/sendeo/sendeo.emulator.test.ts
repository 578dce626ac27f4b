import { afterEach, describe, expect, it } from 'vitest'
import { SENDEO_TEST_ACCOUNT, startSendeoEmulator, type SendeoEmulator, type SendeoEmulatorOptions } from './sendeo.emulator'
import { closedAfterEach } from '../../tests/support/emulator-rig'

const start = closedAfterEach(startSendeoEmulator)

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

async function login(e: SendeoEmulator, account: { musteri: string; sifre: string } = SENDEO_TEST_ACCOUNT): Promise<string> {
  const res = await post(e.urls.login, account)
  const body = (await res.json()) as { result: { Token: string } }
  return body.result.Token
}

const delivery = (ref: string) => ({
  deliveryType: 1,
  referenceNo: ref,
  receiver: 'Alıcı',
  receiverAddress: 'Adres',
  receiverCityId: '6',
  receiverDistrictId: '222813',
  receiverGSM: '5321234567',
  paymentType: 1,
  collectionType: 0,
  barcodeLabelType: 3,
  products: [{ count: 2, deci: 3 }],
})

describe('auth', () => {
  it('LoginAES → {StatusCode:200, result:{Token}}; Cargo calls without a valid Bearer → 401 with an empty body', async () => {
    const e = await start()
    const res = await post(e.urls.login, SENDEO_TEST_ACCOUNT)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ StatusCode: 200, result: { Token: expect.stringMatching(/^ey/) }, exceptionMessage: null })
    const unauth = await post(e.urls.setDelivery, delivery('R1'))
    expect([unauth.status, await unauth.text(), unauth.headers.get('www-authenticate')]).toEqual([401, '', 'Bearer'])
    expect(e.requests.at(-1)?.headers.authorization).toBeUndefined()
    await post(e.urls.setDelivery, delivery('R1'), 'bogus').then((r) => expect(r.status).toBe(401))
    expect(e.requests.find((r) => r.operation === 'LoginAES')?.body).toBe('{"musteri":"TEST","sifre":"[redacted]"}')
  })

  it('wrong passwords → 401 envelope; after lockoutAfter of them even the right one is refused', async () => {
    const e = await start({ lockoutAfter: 2 })
    for (let i = 0; i < 2; i++) {
      const r = await post(e.urls.login, { musteri: 'TEST', sifre: 'x' })
      expect([r.status, ((await r.json()) as { StatusCode: number }).StatusCode]).toEqual([401, 401])
    }
    const blocked = await post(e.urls.login, SENDEO_TEST_ACCOUNT)
    expect(blocked.status).toBe(401)
    expect(((await blocked.json()) as { exceptionMessage: string }).exceptionMessage).toMatch(/bloke/)
  })
})

describe('cargo operations', () => {
  it('SETDELIVERY reads keys in any case, makes one barcode per Count, ZPL array for type 3; routes are case-insensitive', async () => {
    const e = await start()
    const token = await login(e)
    const r = await post(`${e.origin}/api/cargo/setdelivery`, delivery('R-CASE'), token)
    const body = (await r.json()) as { StatusCode: number; result: { TrackingNumber: string; BarcodeNumbers: string[]; BarcodeZpls: string[] } }
    expect(body.StatusCode).toBe(200)
    expect(body.result.BarcodeNumbers).toHaveLength(2)
    expect(body.result.BarcodeZpls).toHaveLength(2)
    expect(body.result.BarcodeZpls[1]).toContain(`^FD${body.result.BarcodeNumbers[1]}^FS`)
    expect(e.shipments[0]).toMatchObject({ referenceNo: 'R-CASE', receiver: { cityId: 6, districtId: 222813 } })
  })

  it('DeliveryType 2 (customer → location, a return): stored as type 2; the customer (Sender) is required, the location (Receiver) is not', async () => {
    const e = await start()
    const token = await login(e)
    const customer = { sender: 'Ayşe Demir', senderAddress: 'Kışlalı Cd. 4', senderCityId: 6, senderDistrictId: 222813, senderGSM: '5327654321' }
    const r = await post(
      e.urls.setDelivery,
      { deliveryType: 2, referenceNo: 'R-IADE', ...customer, paymentType: 1, collectionType: 0, barcodeLabelType: 2, products: [{ count: 1, deci: 3 }] },
      token,
    )
    expect(((await r.json()) as { StatusCode: number }).StatusCode).toBe(200)
    expect(e.shipments.at(-1)).toMatchObject({
      referenceNo: 'R-IADE',
      deliveryType: 2,
      sender: { name: 'Ayşe Demir', cityId: 6, districtId: 222813, phone: '5327654321' },
    })
    const noCustomer = await post(e.urls.setDelivery, { ...delivery('R-IADE-2'), deliveryType: 2 }, token)
    expect(((await noCustomer.json()) as { exceptionMessage: string }).exceptionMessage).toBe('Sender Cannot Be Null.') // 301
    expect(e.shipments.map((s) => s.referenceNo)).toEqual(['R-IADE'])
  })

  it('a repeated ReferenceNo is stored again by default, refused with rejectDuplicateReference', async () => {
    const e = await start({ rejectDuplicateReference: true })
    const token = await login(e)
    await post(e.urls.setDelivery, delivery('R-DUP'), token)
    const again = await post(e.urls.setDelivery, delivery('R-DUP'), token)
    expect([again.status, await again.json()]).toMatchObject([500, { StatusCode: 500, exceptionMessage: 'Delivery Reference No Already Exists.' }])
    expect(e.shipments).toHaveLength(1)
  })

  it('TRACKDELIVERY answers the same query from a 30-minute cache', async () => {
    let now = Date.parse('2024-03-01T09:00:00Z')
    const e = await start({ now: () => now })
    const token = await login(e)
    await post(e.urls.setDelivery, delivery('R-T'), token)
    const track = async () =>
      (
        (await (await fetch(`${e.urls.trackDelivery}?referenceNo=R-T`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
          result: { State: number; UpdateDate: string }
        }
      ).result
    expect(await track()).toMatchObject({ State: 101, UpdateDate: '01/03/2024 12:00:00' })
    now += 60_000
    e.advance('R-T')
    expect((await track()).State).toBe(101) // cached
    now += 30 * 60_000
    expect((await track()).State).toBe(138)
  })

  it('the advance hook walks the chain and refuses to move a final delivery', async () => {
    const e = await start()
    const token = await login(e)
    await post(e.urls.setDelivery, delivery('R-A'), token)
    const hook = (to?: number) => fetch(`${e.origin}/__emu/advance/R-A${to ? `?to=${to}` : ''}`, { method: 'POST' })
    expect(((await (await hook(109)).json()) as { history: { statusId: number }[] }).history.map((h) => h.statusId)).toEqual([
      101, 138, 102, 103, 105, 106, 107, 109,
    ])
    expect((await hook(114)).status).toBe(200)
    expect((await hook()).status).toBe(200) // back out for delivery
    expect((await hook(111)).status).toBe(200)
    expect((await hook()).status).toBe(409)
    expect((await fetch(`${e.origin}/__emu/advance/NOPE`, { method: 'POST' })).status).toBe(404)
  })
})
