import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { useMngEmulator } from '../../../../tests/support/mng-rig'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import type { MngEmulator } from '../../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS, sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { createMngConnector, mngTrackingUrl } from './mng.adapter'

const shipment = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleMngRequest(over)
const box = (index: number, weightGrams = 1000) => ({ index, boxCode: null, lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams })

const setup = useMngEmulator()

const text = (label: Uint8Array | null) => Buffer.from(label ?? new Uint8Array()).toString('utf8')
const ops = (e: MngEmulator) => e.requests.map((r) => r.operation)

describe('createShipment', () => {
  it('logs in, resolves CBS codes, createOrder → createbarcode, and returns MNG ZPL under the shipmentId', async () => {
    const { emu, connector, exchanges } = await setup()
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-1' })
    const ref = connector.referenceIdFor('kj-1')
    const s = emu.shipments[0]
    expect(ref).toMatch(/^KJ[0-9A-Z]{18}$/)
    expect(created).toMatchObject({
      carrierShipmentId: ref,
      trackingNumber: ref,
      barcode: s?.shipmentId,
      trackingUrl: mngTrackingUrl(s?.shipmentId ?? ''),
      labelFormat: 'zpl',
      costKurus: null,
    })
    expect(s?.shipmentId).toMatch(/^\d{12}$/)
    expect(text(created.label)).toMatch(new RegExp(`^\\^XA[\\s\\S]*\\^FD${s?.shipmentId}\\^FS[\\s\\S]*\\^XZ$`))
    expect(ops(emu)).toEqual(['getcities', 'getdistricts', 'token', 'createOrder', 'createbarcode'])
    expect(emu.requests.find((r) => r.operation === 'getdistricts')?.path).toBe('/mngapi/api/cbsinfoapi/getdistricts/6')
    // The CBS lists need the app keys but no JWT (§3); every other call carries both.
    expect(emu.requests[0]?.headers).toMatchObject({ 'x-ibm-client-id': SAMPLE_MNG_CREDENTIALS.clientId, 'x-ibm-client-secret': '[redacted]' })
    expect(emu.requests[0]?.headers.authorization).toBeUndefined()
    expect(emu.requests[3]?.headers.authorization).toBe('[redacted]')
    expect(JSON.parse(emu.requests[2]?.body ?? '{}')).toEqual({
      customerNumber: SAMPLE_MNG_CREDENTIALS.customerNumber,
      password: '[redacted]',
      identityType: 1,
    })
    expect(emu.orders[0]?.body).toMatchObject({
      order: {
        referenceId: ref,
        barcode: ref,
        isCOD: 0,
        codAmount: 0,
        shipmentServiceType: 1,
        packagingType: 3,
        paymentType: 1,
        deliveryType: 1,
        description: 'Sipariş SIP-3001',
      },
      // 300×200×150 mm → 9000 cm³ / 3000 = 3 desi; 1200 g → 2 kg (both rounded up, §11).
      orderPieceList: [{ barcode: `${ref}_PARCA1`, desi: 3, kg: 2 }],
      recipient: {
        customerId: '',
        cityCode: 6,
        cityName: 'ANKARA',
        districtName: 'ÇANKAYA',
        fullName: 'Ayşe Yıldız',
        mobilePhoneNumber: '5321112233',
        email: 'ayse@example.com',
      },
    })
    // Secrets never reach the support log.
    const logged = JSON.stringify(exchanges)
    for (const secret of [SAMPLE_MNG_CREDENTIALS.password, SAMPLE_MNG_CREDENTIALS.clientSecret, 'eyJ']) expect(logged).not.toContain(secret)
    expect(exchanges.find((e) => e.operation === 'token')?.response).toContain('"jwt":"[redacted]"')
  })

  it('multi-piece: one piece barcode per box and the ZPL of every piece in order, whichever envelope MNG uses', async () => {
    for (const barcodeElementPerPiece of [true, false]) {
      const { emu, connector } = await setup({ barcodeElementPerPiece })
      const created = await connector.createShipment(shipment({ packages: [box(0, 4500), box(1, 500)] }), { idempotencyKey: 'multi' })
      const ref = connector.referenceIdFor('multi')
      expect(emu.orders[0]?.body.orderPieceList.map((p) => [p.barcode, p.desi, p.kg])).toEqual([
        [`${ref}_PARCA1`, 2, 5],
        [`${ref}_PARCA2`, 2, 1],
      ])
      const zpl = text(created.label)
      expect(zpl.match(/\^XA/g)).toHaveLength(2)
      expect(zpl.indexOf('PARCA 1/2')).toBeLessThan(zpl.indexOf('PARCA 2/2'))
      await emu.close()
    }
  })

  it('COD goes as isCOD 1 with the amount in lira on both createOrder and createbarcode', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment({ codAmountKurus: 125_050 }), { idempotencyKey: 'cod' })
    expect(emu.orders[0]?.body.order).toMatchObject({ isCOD: 1, codAmount: 1250.5 })
    expect(JSON.parse(emu.requests.find((r) => r.operation === 'createbarcode')?.body ?? '{}')).toMatchObject({
      isCOD: 1,
      codAmount: 1250.5,
      packagingType: 3,
      printReferenceBarcodeOnError: 0,
    })
  })

  it('20001 right after createOrder: createbarcode is asked again after the documented wait, one order, one shipment', async () => {
    const { emu, connector, waits } = await setup({ barcodeNotReady: { attempts: 2 } })
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'slow' })
    expect(created.label).not.toBeNull()
    expect(waits).toEqual([5000, 5000])
    expect(ops(emu).filter((o) => o === 'createbarcode')).toHaveLength(3)
    expect([emu.orders.length, emu.shipments.length]).toEqual([1, 1])
  })

  it('20001 that lasts: a retryable error; a later call with the same key meets 3002 and resumes at createbarcode', async () => {
    const { emu, connector } = await setup(
      { barcodeNotReady: { attempts: 6 } },
      { retry: { maxAttempts: 2, sleep: async () => {} }, barcodeWait: { attempts: 2, delayMs: 10 } },
    )
    const err = await failure(connector.createShipment(shipment(), { idempotencyKey: 'later' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierUnavailable, retryable: true, meta: { mngCode: '20001', retryAfterMs: 5000 } })
    expect([emu.orders.length, emu.shipments.length]).toEqual([1, 0])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'later' })
    expect(created.label).not.toBeNull()
    expect([emu.orders.length, emu.shipments.length]).toEqual([1, 1])
    expect(emu.requests.filter((r) => r.operation === 'createOrder').map((r) => r.status)).toEqual([200, 400])
  })

  it('a createOrder answer lost after commit: the order is found with getorder and only createbarcode follows', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'warm-up' })
    const before = emu.requests.length
    emu.faults.queue([HttpFault.dropAfterCommit])
    await connector.createShipment(shipment(), { idempotencyKey: 'lost-order' })
    expect(ops(emu).slice(before)).toEqual(['createOrder', 'getshipment', 'getorder', 'createbarcode'])
    expect([emu.orders.length, emu.shipments.length]).toEqual([2, 2])
  })

  it('a createbarcode answer lost after commit: the shipment is found and never made twice (label null, barcode = shipmentId, cost read)', async () => {
    const { emu, connector } = await setup({ repeatBarcode: 'newShipment' })
    emu.faults.queue([null, null, null, null, HttpFault.dropAfterCommit])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'lost-label' })
    const s = emu.shipments[0]
    expect(emu.shipments).toHaveLength(1)
    expect(created).toMatchObject({ barcode: s?.shipmentId, label: null, labelFormat: null, costKurus: Math.round((s?.finalTotal ?? 0) * 100) })
    expect(ops(emu).slice(-2)).toEqual(['createbarcode', 'getshipment'])
  })

  it('a new session with the same key (3002) finds the stored shipment instead of buying again', async () => {
    const first = await setup()
    await first.connector.createShipment(shipment(), { idempotencyKey: 'twice' })
    const second = createMngConnector({ origin: first.emu.origin, ...SAMPLE_MNG_CREDENTIALS, retry: { sleep: async () => {} } })
    const again = await second.createShipment(shipment(), { idempotencyKey: 'twice' })
    expect(again).toMatchObject({ carrierShipmentId: first.connector.referenceIdFor('twice'), barcode: first.emu.shipments[0]?.shipmentId, label: null })
    expect(first.emu.shipments).toHaveLength(1)
    expect(ops(first.emu).slice(-3)).toEqual(['token', 'createOrder', 'getshipment'])
  })

  it('a reference whose order was cancelled is refused (3002 but no order): a new key is needed', async () => {
    const { emu, connector } = await setup({ barcodeNotReady: { attempts: 99 } }, { retry: { maxAttempts: 1 }, barcodeWait: { attempts: 1 } })
    await failure(connector.createShipment(shipment(), { idempotencyKey: 'gone' }))
    await connector.cancelShipment(connector.referenceIdFor('gone'))
    const err = await failure(connector.createShipment(shipment(), { idempotencyKey: 'gone' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierDuplicateReference, retryable: false })
    expect(emu.orders).toHaveLength(1)
  })

  it('bad input is refused before any request', async () => {
    const { emu, connector } = await setup()
    const cases: [Partial<ShipmentRequest>, string][] = [
      [{ packages: [] }, 'packages'],
      [{ packages: [{ ...box(0), weightGrams: 0 }] }, 'packages.0.weightGrams'],
      [{ recipient: { ...shipment().recipient, phone: '12345' } }, 'recipient.phone'],
      [{ recipient: { ...shipment().recipient, name: '  ' } }, 'recipient.name'],
      [{ serviceCode: 'EXPRESS' }, 'serviceCode'],
      [{ codAmountKurus: -5 }, 'codAmountKurus'],
    ]
    for (const [over, field] of cases) {
      expect(await failure(connector.createShipment(shipment(over), { idempotencyKey: 'bad' }))).toMatchObject({
        code: ErrorCode.inputInvalid,
        meta: { field },
      })
    }
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: ' ' }))).toMatchObject({
      code: ErrorCode.inputInvalid,
      meta: { field: 'idempotencyKey' },
    })
    expect(emu.requests).toHaveLength(0)
  })

  it('an il/ilçe MNG does not list is carrier.addressUnresolved and no order is sent', async () => {
    const { emu, connector } = await setup()
    const err = await failure(
      connector.createShipment(shipment({ recipient: { ...shipment().recipient, district: 'Kadıköy' } }), { idempotencyKey: 'nowhere' }),
    )
    expect(err).toMatchObject({ code: ErrorCode.carrierAddressUnresolved, retryable: false, meta: { field: 'district' } })
    expect(ops(emu)).toEqual(['getcities', 'getdistricts'])
  })
})
