import { afterEach, describe, expect, it } from 'vitest'
import type { ShipmentRequest } from '../../electron/core/carriers/carrier.port'
import type { CarrierExchange } from '../../electron/core/carriers/http/carrier-http'
import { createKolayGelsinConnector } from '../../electron/core/carriers/kolaygelsin/kolaygelsin.adapter'
import { startKolayGelsinEmulator, type KolayGelsinEmulator } from '../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { SAMPLE_KOLAYGELSIN_SETTINGS, sampleKolayGelsinRequest } from '../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { checkJson, componentSchema } from '../../sandbox/common/openapi-check'
import { kgRequestSchema, kgSchemaErrors, kolayGelsinOpenApi } from '../../sandbox/kolaygelsin/kolaygelsin.schema'

/**
 * Every JSON body the Kolay Gelsin connector sends (save recipient, create, track, cancel) meets its
 * schema in the published OpenAPI file (protocols/kolaygelsin/swagger.json). The emulator runs with
 * validateSchema off here, so the check below, not the emulator, is what can fail.
 */

let emu: KolayGelsinEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

describe('Kolay Gelsin request bodies validate against swagger.json', () => {
  it('the checker refuses what the schema refuses (so the test below can fail)', () => {
    const item = { Width: 1, Length: 1, Height: 1, Weight: 1, CustomerTrackingId: 'A' }
    const body = { SenderCustomer: { CustomerId: 1, Address: { AddressId: 1 } }, Recipient: { RecipientId: 1 }, PackageType: 2, ShipmentItemList: [item] }
    expect(kgSchemaErrors('SaveIntegrationShipment', body)).toEqual([])
    expect(kgSchemaErrors('SaveIntegrationShipment', { ...body, ShipmentItemList: [{ ...item, Weight: 0.85 }] })).toEqual([
      '$.ShipmentItemList[0].Weight: expected integer, got 0.85',
    ])
    expect(kgSchemaErrors('SaveIntegrationShipment', { ...body, Recipient: { RecipientName: 'x' } })).toEqual(['$.Recipient.RecipientId: required'])
    expect(kgRequestSchema('SaveIntegrationShipmentV2', body)).toBeNull()
  })

  it('SaveRecipient, SaveIntegrationShipment (two parcels, COD), GetCorporateShipmentsStatus, CancelPickupAndDelivery; answers as declared', async () => {
    emu = await startKolayGelsinEmulator({ validateSchema: false })
    const answers: { method: string; payload: unknown }[] = []
    const onExchange = (x: CarrierExchange) =>
      answers.push({ method: x.operation, payload: (JSON.parse(x.response ?? 'null') as { Payload?: unknown } | null)?.Payload })
    const c = createKolayGelsinConnector({
      origin: emu.origin,
      ...SAMPLE_KOLAYGELSIN_SETTINGS,
      timeoutMs: 2000,
      retry: { maxAttempts: 2, sleep: async () => {} },
      onExchange,
    })
    const base = sampleKolayGelsinRequest() as ShipmentRequest
    const request: ShipmentRequest = {
      ...base,
      codAmountKurus: 12_345,
      packages: [...base.packages, { index: 1, boxCode: null, lengthMm: 305, widthMm: 215, heightMm: 98, weightGrams: 455 }],
    }
    const created = await c.createShipment(request, { idempotencyKey: 'wire-1' })
    await c.track?.(created.carrierShipmentId)
    await c.cancelShipment?.(created.carrierShipmentId)
    const sent = emu.requests.map((r) => ({ method: r.operation ?? '', body: JSON.parse(r.body) as unknown }))
    expect(new Set(sent.map((s) => s.method))).toEqual(
      new Set(['SaveRecipient', 'SaveIntegrationShipment', 'GetCorporateShipmentsStatus', 'CancelPickupAndDelivery']),
    )
    for (const s of sent) {
      expect(kgRequestSchema(s.method, s.body), s.method).not.toBeNull()
      expect(kgSchemaErrors(s.method, s.body), s.method).toEqual([])
    }
    // The emulator's answers: the Payload of the envelope meets the response schema the swagger declares.
    const doc = kolayGelsinOpenApi()
    for (const [method, schema] of [
      ['SaveRecipient', 'SaveRecipientResponse'],
      ['SaveIntegrationShipment', 'SaveShipmentResponse'],
      ['GetCorporateShipmentsStatus', 'GetCorporateShipmentsStatusResponseModel'],
    ] as const) {
      const payload = answers.find((a) => a.method === method)?.payload
      expect(payload, method).toBeDefined()
      expect(checkJson(doc, componentSchema(doc, schema), payload), method).toEqual([])
    }
  })
})
