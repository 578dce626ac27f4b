import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { returnOf } from '../../../../tests/support/return-request'
import { closedAfterEach } from '../../../../tests/support/emulator-rig'
import { startYurticiEmulator, YkCode, YurticiFault, type YurticiEmulatorOptions } from '../../../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ReturnRequest, ShipmentRequest } from '../carrier.port'
import { YurticiConnector, type YurticiConnectorOptions } from './yurtici.adapter'
import { yurticiInvoiceKey } from './yurtici.offline'
import { isYurticiReturnCode, planYurticiReturn, RETURN_CODE_LENGTH, yurticiReturnCode } from './yurtici.returns'

/** The sample order coming back: the customer sends, the warehouse receives. */
const returnRequest = (over: Partial<ReturnRequest> = {}): ReturnRequest =>
  returnOf(sampleShipmentRequest() as ShipmentRequest, { carrierShipmentId: 'KJ0000000000000000001', trackingNumber: 'KJ0000000000000000001' }, over)

const startEmulator = closedAfterEach(startYurticiEmulator)

async function setup(emulator: YurticiEmulatorOptions = {}, over: Partial<YurticiConnectorOptions> = {}) {
  const emu = await startEmulator(emulator)
  const connector = new YurticiConnector({
    url: emu.url,
    accounts: { senderPays: { username: 'YKTEST', password: 'YK' } },
    timeoutMs: 500,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...over,
  })
  return { emu, connector }
}

describe('return code (pure)', () => {
  it('is "R" + 12 Crockford base32 characters, the same for a key every time and apart from the outbound keys', () => {
    const code = yurticiReturnCode('ret-1')
    expect(code).toHaveLength(RETURN_CODE_LENGTH)
    expect(code).toMatch(/^R[0-9A-HJKMNP-TV-Z]{12}$/)
    expect(isYurticiReturnCode(code)).toBe(true)
    expect(yurticiReturnCode('ret-1')).toBe(code)
    expect(yurticiReturnCode('ret-2')).not.toBe(code)
    expect(yurticiInvoiceKey('ret-1')).not.toContain(code.slice(1))
    expect(isYurticiReturnCode(yurticiInvoiceKey('ret-1'))).toBe(false)
  })

  it.each([
    ['validUntil before validFrom', { validFrom: '2025-03-02', validUntil: '2025-03-01' }, 'validUntil'],
    ['validFrom not YYYY-MM-DD', { validFrom: '01.03.2025' }, 'validFrom'],
    ['validUntil not a calendar day', { validUntil: '2025-02-30' }, 'validUntil'],
    ['validFrom empty', { validFrom: '' }, 'validFrom'],
  ] as const)('%s → input.invalid naming the field', (_name, over, field) => {
    expect(() => planYurticiReturn(returnRequest(over), 'k')).toThrow(
      expect.objectContaining({ code: ErrorCode.inputInvalid, meta: expect.objectContaining({ field }) }),
    )
  })

  it('a one-day window is fine; an empty idempotency key is not', () => {
    expect(planYurticiReturn(returnRequest({ validFrom: '2025-03-01', validUntil: '2025-03-01' }), 'k').validUntil).toBe('2025-03-01')
    expect(() => planYurticiReturn(returnRequest(), ' ')).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid, meta: { field: 'idempotencyKey' } }))
  })
})

describe('createReturn against the emulator', () => {
  it("saves the derived code under field 16 with YYYYMMDD dates and maxCount 1; kind 'code', no label, no tracking number", async () => {
    const { emu, connector } = await setup()
    const code = yurticiReturnCode('ret-1')
    const created = await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-1' })
    expect(created).toEqual({
      kind: 'code',
      returnCode: code,
      carrierShipmentId: null,
      trackingNumber: null,
      barcode: code,
      labelFormat: null,
      label: null,
      validUntil: '2025-03-31',
    })
    expect(emu.returnCodes).toEqual([{ fieldName: '16', returnCode: code, startDate: '20250301', endDate: '20250331', maxCount: 1, senderCustId: 903427364 }])
    expect(emu.requests.map((r) => r.operation)).toEqual(['saveReturnShipmentCode'])
    // §1: saveReturnShipmentCode takes wsLanguage, not userLanguage; it carries no address (none exists in the WSDL).
    expect(emu.requests[0]?.body).toContain('<wsLanguage>TR</wsLanguage>')
    expect(emu.requests[0]?.body).not.toContain(returnRequest().sender.name.trim())
  })

  it('takes the configured field name and maxCount', async () => {
    const { emu, connector } = await setup({}, { returnCodeFieldName: '53', returnCodeMaxCount: 2 })
    await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-cfg' })
    expect(emu.returnCodes[0]).toMatchObject({ fieldName: '53', maxCount: 2 })
  })

  it.each(['accept', 'error'] as const)(
    'exactly once when Yurtiçi answers a repeated code with "%s": a lost answer, then the same key again',
    async (repeatedReturnCode) => {
      // 'error' needs the station to know the errCode (none is published); the emulator's placeholder is passed in.
      const { emu, connector } = await setup({ repeatedReturnCode }, { returnCodeExistsErrCodes: [YkCode.returnCodeExists] })
      emu.queueFaults([YurticiFault.dropAfterCommit])
      const first = await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-once' })
      expect(emu.requests.filter((r) => r.operation === 'saveReturnShipmentCode')).toHaveLength(2) // the retry after the lost answer
      const again = await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-once' })
      expect(again).toEqual(first)
      expect(emu.returnCodes).toHaveLength(1)
      expect(emu.returnCodes[0]?.returnCode).toBe(first.returnCode)
      await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-other' })
      expect(emu.returnCodes.map((r) => r.returnCode)).toEqual([first.returnCode, yurticiReturnCode('ret-other')])
    },
  )

  it('the same key with another window is refused when Yurtiçi holds the code with the first one (accept mode: 82517)', async () => {
    const { emu, connector } = await setup()
    await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-window' })
    const err = await failure(connector.createReturn(returnRequest({ validUntil: '2025-04-30' }), { idempotencyKey: 'ret-window' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false, meta: { errCode: 82517 } })
    expect(emu.returnCodes).toHaveLength(1)
  })

  it('with no "exists" errCode configured (the default: Yurtiçi publishes none), a refused repeat is a refusal, never a second code', async () => {
    const { emu, connector } = await setup({ repeatedReturnCode: 'error' })
    await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-d' })
    expect(await failure(connector.createReturn(returnRequest(), { idempotencyKey: 'ret-d' }))).toMatchObject({ meta: { errCode: YkCode.returnCodeExists } })
    expect(emu.returnCodes).toHaveLength(1)
  })

  it('only the configured "exists" errCodes count as already saved', async () => {
    const { emu, connector } = await setup({ repeatedReturnCode: 'error', returnCodeExistsErrCode: 60020 })
    await connector.createReturn(returnRequest(), { idempotencyKey: 'ret-x' })
    expect(await failure(connector.createReturn(returnRequest(), { idempotencyKey: 'ret-x' }))).toMatchObject({ meta: { errCode: 60020 } })
    const told = new YurticiConnector({ url: emu.url, accounts: { senderPays: { username: 'YKTEST', password: 'YK' } }, returnCodeExistsErrCodes: [60020] })
    expect((await told.createReturn(returnRequest(), { idempotencyKey: 'ret-x' })).returnCode).toBe(yurticiReturnCode('ret-x'))
    expect(emu.returnCodes).toHaveLength(1)
  })

  it('bad input costs no request and saves nothing', async () => {
    const { emu, connector } = await setup()
    for (const [request, key] of [
      [returnRequest({ validFrom: '2025-03-31', validUntil: '2025-03-01' }), 'bad-1'],
      [returnRequest({ validUntil: '31.03.2025' }), 'bad-2'],
      [returnRequest(), ''],
    ] as const) {
      expect(await failure(connector.createReturn(request, { idempotencyKey: key }))).toMatchObject({ code: ErrorCode.inputInvalid, retryable: false })
    }
    expect(emu.requests).toHaveLength(0)
    expect(emu.returnCodes).toHaveLength(0)
  })
})
