import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_KG_ACCOUNT, KgMessage, startKolayGelsinEmulator, type KolayGelsinEmulator, type KolayGelsinEmulatorOptions } from './kolaygelsin.emulator'
import { closedAfterEach } from '../../tests/support/emulator-rig'

const start = closedAfterEach(startKolayGelsinEmulator)

async function call(
  e: KolayGelsinEmulator,
  method: string,
  body: unknown,
  auth = `Bearer ${DEFAULT_KG_ACCOUNT.token}`,
): Promise<{ status: number; text: string; json: Record<string, unknown> }> {
  const res = await fetch(`${e.origin}/api/request/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown> }
}

const recipient = {
  RecipientType: 1,
  RecipientName: 'Bireysel',
  RecipientSurname: 'Müşteri',
  Gsm: '5321234567',
  Address: { CityId: 34, TownName: 'Kadıköy', AddressText: 'Mehmet Akman Sk. Koşuyolu Mh. Kadıköy İstanbul' },
}
const shipment = (recipientId: number, over: Record<string, unknown> = {}) => ({
  SenderCustomer: { CustomerId: 20, Address: { AddressId: 28 } },
  Recipient: { RecipientId: recipientId },
  PackageType: 2,
  CustomerSpecificCode: 'Shp1',
  ShipmentItemList: [{ Width: 10, Length: 20, Height: 30, Weight: 1, CustomerBarcode: 'ShpItem1', CustomerTrackingId: 'ABC1' }],
  ...over,
})

describe('envelope and auth', () => {
  it('success and refusal envelopes as the doc shows them, ResultCode decimals kept (500.0, 404.1)', async () => {
    const e = await start()
    const ok = await call(e, 'SaveRecipient', recipient)
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({
      Source: 'parcelDelivery',
      Target: 'APIReadQ',
      JobOwner: 'APIReadQ',
      Username: DEFAULT_KG_ACCOUNT.username,
      ResultCode: 200,
      ResultMessage: 'OK',
      Payload: { RecipientId: expect.any(Number) },
    })
    expect(ok.json.JobId).toMatch(/^S-KGTEST-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d+\.\d+$/)
    const refused = await call(e, 'SaveIntegrationShipment', shipment(999))
    expect(refused.status).toBe(200)
    expect(refused.text).toContain('"ResultCode":500.0,"ResultMessage":"NoContactsFound"')
    const address = await call(e, 'SaveIntegrationShipment', shipment(999, { SenderCustomer: { CustomerId: 20, Address: { AddressId: 1 } } }))
    expect(address.text).toContain('"ResultCode":404.1,"ResultMessage":"Adres müşteriye ait değil"')
  })

  it('a wrong or missing token → HTTP 401 (Web API message); the bare token is accepted too; the log hides it', async () => {
    const e = await start({ errorHttpStatus: 500 })
    expect((await call(e, 'SaveRecipient', recipient, 'Bearer nope')).status).toBe(401)
    expect((await call(e, 'SaveRecipient', recipient, '')).status).toBe(401)
    expect((await call(e, 'SaveRecipient', recipient, DEFAULT_KG_ACCOUNT.token)).status).toBe(200)
    expect((await call(e, 'SaveRecipient', { ...recipient, Address: { ...recipient.Address, CityId: 82 } })).status).toBe(500) // errorHttpStatus 500: the swagger's reading
    expect(e.requests.every((r) => r.headers.authorization === undefined || r.headers.authorization === '[redacted]')).toBe(true)
  })
})

describe('validation in the doc’s order', () => {
  it.each([
    [KgMessage.identityRequired, { ...recipient, OnlyDeliverToRecipient: true }],
    [KgMessage.identityNotValid, { ...recipient, OnlyDeliverToRecipient: true, RecipientIdentityNumber: '123' }],
    [KgMessage.taxRequired, { ...recipient, RecipientType: 2, OnlyDeliverToRecipient: true, RecipientTitle: 'X AŞ' }],
    [KgMessage.taxNotValid, { ...recipient, RecipientType: 2, OnlyDeliverToRecipient: true, RecipientTaxIdentityNumber: '12', RecipientTitle: 'X AŞ' }],
    [KgMessage.identityBadChars, { ...recipient, RecipientIdentityNumber: '1234567890a' }],
    [KgMessage.taxBadChars, { ...recipient, RecipientType: 2, RecipientTaxIdentityNumber: '12-34', RecipientTitle: 'X AŞ' }],
    [KgMessage.errorSavingReceiver, { ...recipient, RecipientType: 2, RecipientTitle: 'X AŞ' }], // a company needs BuildingName
    [KgMessage.cityNotFound, { ...recipient, Address: { ...recipient.Address, CityId: 82 } }],
    [KgMessage.geoCodeFail, { ...recipient, Address: { ...recipient.Address, AddressText: '12345' } }],
  ])('SaveRecipient → %s', async (message, body) => {
    const e = await start()
    expect((await call(e, 'SaveRecipient', body)).json).toMatchObject({ ResultMessage: message, Payload: null })
  })

  it('SaveIntegrationShipment: refusals of the doc for schema-valid bodies', async () => {
    const e = await start()
    const rid = ((await call(e, 'SaveRecipient', recipient)).json.Payload as { RecipientId: number }).RecipientId
    for (const [over, message] of [
      [{ ShipmentItemList: [] }, KgMessage.somethingWentWrong],
      [{ PackageType: 3 }, KgMessage.moveOptionNotFound],
      [{ SenderCustomer: { CustomerId: 1, Address: { AddressId: 28 } } }, KgMessage.customerNotFound],
    ] as const) {
      expect((await call(e, 'SaveIntegrationShipment', shipment(rid, over))).json.ResultMessage).toBe(message)
    }
  })

  it('V2 (recipient inline) is not in the published swagger: 404 unless serveUndeclaredV2', async () => {
    const off = await start()
    expect((await call(off, 'SaveIntegrationShipmentV2', shipment(0, { Recipient: recipient }))).status).toBe(404)
    await off.close()
    const e = await start({ serveUndeclaredV2: true })
    const v2 = await call(e, 'SaveIntegrationShipmentV2', shipment(0, { Recipient: recipient }))
    expect(v2.json).toMatchObject({
      ResultCode: 200,
      Payload: {
        ShipmentId: expect.any(String),
        ShipmentItemLabelList: [{ CustomerBarcode: 'ShpItem1', ShipmentItemIdLabel: expect.stringContaining('<html>') }],
      },
    })
  })
})

describe('bodies against the published schemas (protocols/kolaygelsin/swagger.json)', () => {
  it.each([
    ['SaveIntegrationShipment', shipment(0, { Recipient: recipient }), 'model.Recipient.RecipientId'],
    [
      'SaveIntegrationShipment',
      shipment(5, { ShipmentItemList: [{ Width: 10.5, Length: 20, Height: 30, Weight: 1, CustomerTrackingId: 'A' }] }),
      'model.ShipmentItemList[0].Width',
    ],
    [
      'SaveIntegrationShipment',
      shipment(5, { ShipmentItemList: [{ Width: 10, Length: 20, Height: 30, Weight: 0.85 }] }),
      'model.ShipmentItemList[0].CustomerTrackingId',
    ],
    ['SaveIntegrationShipment', shipment(5, { PackageType: '2' }), 'model.PackageType'],
    ['SaveRecipient', { ...recipient, RecipientName: undefined }, 'model.RecipientName'],
    ['SaveRecipient', { ...recipient, Address: { ...recipient.Address, CityId: '34' } }, 'model.Address.CityId'],
    ['SaveRecipient', { ...recipient, RecipientType: 2 }, 'model.RecipientTitle'],
    ['CancelPickupAndDelivery', { ShipmentId: 12, DeliveryCancellationReason: 1 }, 'model.ShipmentId'],
    ['GetCorporateShipmentsStatus', { ShipmentIdList: 'x' }, 'model.ShipmentIdList'],
  ])('%s refused before it runs: 400 with %s in ModelState (ASP.NET Web API model validation)', async (method, body, key) => {
    const e = await start()
    const r = await call(e, method, body)
    expect(r.status).toBe(400)
    expect(r.json.Message).toBe('The request is invalid.')
    expect(Object.keys(r.json.ModelState as object)).toContain(key)
    expect(e.shipments).toHaveLength(0)
  })

  it('validateSchema: false lets a body the schema refuses reach the operation', async () => {
    const e = await start({ validateSchema: false })
    expect((await call(e, 'SaveIntegrationShipment', shipment(0, { Recipient: recipient }))).json.ResultMessage).toBe(KgMessage.noContactsFound)
  })
})

describe('status query and cancel', () => {
  it('one model per parcel; OnlyLatestEvents; only the reported events; all lists empty is refused', async () => {
    const e = await start({ reportedEvents: [1, 12, 29] })
    const r = await call(e, 'SaveRecipient', recipient)
    const id = (
      (await call(e, 'SaveIntegrationShipment', shipment((r.json.Payload as { RecipientId: number }).RecipientId))).json.Payload as { ShipmentId: string }
    ).ShipmentId
    e.advance(id, 13)
    const all = await call(e, 'GetCorporateShipmentsStatus', { CustomerSpecificCodeList: ['Shp1'], OnlyLatestEvents: false })
    const models = all.json.Payload as { CargoEventLogModelList: { CargoEventType: string; TimeStamp: string }[] }[] // swagger.json: the bare array
    expect(models).toHaveLength(1)
    expect(models[0]?.CargoEventLogModelList.map((x) => x.CargoEventType)).toEqual(['1', '12'])
    expect(models[0]?.CargoEventLogModelList[0]?.TimeStamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+03:00$/)
    const latest = await call(e, 'GetCorporateShipmentsStatus', { CustomerBarcodeList: ['ShpItem1'], OnlyLatestEvents: true })
    expect((latest.json.Payload as { CargoEventLogModelList: unknown[] }[])[0]?.CargoEventLogModelList).toHaveLength(1)
    expect((await call(e, 'GetCorporateShipmentsStatus', { ShipmentIdList: [], OnlyLatestEvents: true })).json.ResultMessage).toBe(KgMessage.allListsEmpty)
    await e.close()
    const doc = await start({ statusPayloadShape: 'object' }) // the integration doc's wrapping
    const rid = ((await call(doc, 'SaveRecipient', recipient)).json.Payload as { RecipientId: number }).RecipientId
    await call(doc, 'SaveIntegrationShipment', shipment(rid))
    const wrapped = await call(doc, 'GetCorporateShipmentsStatus', { CustomerSpecificCodeList: ['Shp1'], OnlyLatestEvents: true })
    expect((wrapped.json.Payload as { ShipmentModelList: unknown[] }).ShipmentModelList).toHaveLength(1)
  })

  it('cancel: before pickup cancelled; after pickup 31 with a return ShipmentId; delivered refused', async () => {
    const e = await start()
    const rid = ((await call(e, 'SaveRecipient', recipient)).json.Payload as { RecipientId: number }).RecipientId
    const ids: string[] = []
    for (const code of ['A', 'B', 'C'])
      ids.push(((await call(e, 'SaveIntegrationShipment', shipment(rid, { CustomerSpecificCode: code }))).json.Payload as { ShipmentId: string }).ShipmentId)
    e.advance(ids[1]!, 12)
    e.advance(ids[2]!, 29)
    for (const id of ids) await call(e, 'CancelPickupAndDelivery', { ShipmentId: id, DeliveryCancellationReason: 1 })
    expect(e.shipments[0]?.cancelled).toBe(true)
    expect(e.shipments[1]?.events.at(-1)).toMatchObject({ type: 31, detail: { DeliveryCancellationReason: '1', ReturnShipmentId: expect.any(String) } })
    expect((await call(e, 'CancelPickupAndDelivery', { ShipmentId: ids[2], DeliveryCancellationReason: 1 })).json.ResultMessage).toBe(
      KgMessage.alreadyDelivered,
    )
    expect((await call(e, 'CancelPickupAndDelivery', { ShipmentId: '1', DeliveryCancellationReason: 1 })).json.ResultMessage).toBe(KgMessage.shipmentNotFound)
  })
})
