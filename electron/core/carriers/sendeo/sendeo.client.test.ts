import { describe, expect, it } from 'vitest'
import { SAMPLE_SENDEO_SETTINGS } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { ErrorCodePlacement, startSendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import { ErrorCode } from '../../../../shared/errors'
import { startedPerKey } from '../../../../tests/support/around-tests'
import { SendeoClient, SendeoPath } from './sendeo.client'
import { sendeoErrorToAppError } from './sendeo.errors'

// Every documented SETDELIVERY/CANCELDELIVERY code over real HTTP, through the real client, in each
// of the three ways the doc allows the code to travel (StatusCode, message text, bare number).
const placements = Object.values(ErrorCodePlacement)
const emu = startedPerKey('the Sendeo emulators', placements, (p) => startSendeoEmulator({ errorCodePlacement: p }))

const valid = {
  DeliveryType: 3,
  ReferenceNo: 'KJCLIENTTEST000001',
  Sender: 'Depo',
  SenderAddress: 'Adres 1',
  SenderCityId: 34,
  SenderDistrictId: 3398015,
  senderPhone: '2165550123',
  Receiver: 'Alıcı',
  ReceiverAddress: 'Adres 2',
  ReceiverCityId: 6,
  ReceiverDistrictId: 222813,
  ReceiverGSM: '5327654321',
  PaymentType: 1,
  CollectionType: 0,
  CollectionPrice: 0,
  ServiceType: 1,
  barcodeLabelType: 2,
  products: [{ Count: 1, Deci: 2, Price: 0 }],
}

const E = ErrorCode
const CASES: readonly (readonly [number, Record<string, unknown>, ErrorCode])[] = [
  [102, { ReferenceNo: '' }, E.carrierValidation],
  [103, { DeliveryType: 9 }, E.carrierValidation],
  [104, { products: [] }, E.carrierValidation],
  [411, { PaymentType: 0 }, E.carrierValidation],
  [105, { CollectionType: 7 }, E.carrierValidation],
  [410, { CollectionType: 1, CollectionPrice: 50 }, E.carrierValidation],
  [201, { Receiver: '' }, E.carrierValidation],
  [207, { ReceiverGSM: '' }, E.carrierValidation],
  [202, { ReceiverAddress: '' }, E.carrierValidation],
  [203, { ReceiverDistrictId: 0 }, E.carrierAddressUnresolved],
  [204, { ReceiverCityId: 0 }, E.carrierAddressUnresolved],
  [205, { ReceiverCityId: 90 }, E.carrierAddressUnresolved],
  [206, { ReceiverDistrictId: 34245 }, E.carrierAddressUnresolved],
  [301, { Sender: '' }, E.carrierValidation],
  [307, { senderPhone: '' }, E.carrierValidation],
  [302, { SenderAddress: '' }, E.carrierValidation],
  [303, { SenderDistrictId: 0 }, E.carrierAddressUnresolved],
  [304, { SenderCityId: 0 }, E.carrierAddressUnresolved],
  [305, { SenderCityId: 82 }, E.carrierAddressUnresolved],
  [306, { SenderDistrictId: 222813 }, E.carrierAddressUnresolved],
]

describe.each(placements)('error code placement "%s"', (placement) => {
  const client = () => new SendeoClient({ origin: emu(placement).origin, ...SAMPLE_SENDEO_SETTINGS, timeoutMs: 2000 })

  it.each(CASES)('SETDELIVERY %i', async (code, change, expected) => {
    const r = await client().call({ operation: 'SETDELIVERY', method: 'POST', path: SendeoPath.setDelivery, body: { ...valid, ...change } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.failure.httpStatus).toBe(500)
    expect(sendeoErrorToAppError(r.failure, 'SETDELIVERY')).toMatchObject({ code: expected, retryable: false, meta: { sendeoCode: code } })
  })

  it.each([
    [701, {}, E.carrierValidation],
    [702, { referenceNo: 'NOPE' }, E.carrierNotFound],
  ] as const)('CANCELDELIVERY %i', async (code, query, expected) => {
    const r = await client().call({ operation: 'CANCELDELIVERY', method: 'POST', path: SendeoPath.cancelDelivery, query })
    expect(r.ok ? null : sendeoErrorToAppError(r.failure, 'CANCELDELIVERY')).toMatchObject({ code: expected, retryable: false, meta: { sendeoCode: code } })
  })
})

describe('the valid body is valid', () => {
  it('is stored (so each case above fails only on its own change)', async () => {
    const c = new SendeoClient({ origin: emu(ErrorCodePlacement.statusCode).origin, ...SAMPLE_SENDEO_SETTINGS })
    const r = await c.call({ operation: 'SETDELIVERY', method: 'POST', path: SendeoPath.setDelivery, body: valid })
    expect(r.ok).toBe(true)
    const r703 = await c.call({ operation: 'CANCELDELIVERY', method: 'POST', path: SendeoPath.cancelDelivery, query: { referenceNo: valid.ReferenceNo } })
    expect(r703.ok).toBe(true)
    const again = await c.call({ operation: 'CANCELDELIVERY', method: 'POST', path: SendeoPath.cancelDelivery, query: { referenceNo: valid.ReferenceNo } })
    expect(again.ok ? null : sendeoErrorToAppError(again.failure, 'CANCELDELIVERY')).toMatchObject({ code: E.carrierNotCancellable, meta: { sendeoCode: 703 } })
  })
})
