import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import type { PttEmulatorOptions } from '../../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_RANGE, samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { failure } from '../../../../tests/support/app-error'
import { usePttEmulator } from '../../../../tests/support/ptt-rig'
import type { PttBarcodeRange } from './ptt.barcode'
import { pttFaultError } from './ptt.errors'

// etiketGetir is declared in neither of PTT's published WSDLs (protocols/ptt/): without it, or when PTT
// refuses it, the registered parcel gets the desk's own label (label null) with the range barcode.
const emulatorSetup = usePttEmulator({}, { timeoutMs: 2000, retry: { maxAttempts: 3, sleep: async () => {} } })
const setup = (emulator: PttEmulatorOptions = {}, range: PttBarcodeRange = SAMPLE_PTT_RANGE) => emulatorSetup(emulator, {}, range)

describe('PTT without etiketGetir (the published WSDL)', () => {
  it('registers once and hands back no label, so the desk prints its own with the range barcode; again: same barcode, no second upload', async () => {
    const { emu, connector } = await setup()
    const first = await connector.createShipment(samplePttRequest(), { idempotencyKey: 'wsdl-1' })
    expect(first).toMatchObject({ barcode: '2740000000010', trackingNumber: '2740000000010', label: null, labelFormat: null })
    expect(emu.shipments).toHaveLength(1)
    const again = await connector.createShipment(samplePttRequest(), { idempotencyKey: 'wsdl-1' })
    expect(again).toMatchObject({ barcode: first.barcode, trackingNumber: first.trackingNumber, label: null })
    expect(emu.shipments).toHaveLength(1)
    expect(emu.requests.filter((r) => r.operation === 'etiketGetir').every((r) => r.status === 500)).toBe(true)
  })

  it('reprintLabel still says what is wrong: the operation is missing (not a validation error)', async () => {
    const { connector } = await setup()
    await connector.createShipment(samplePttRequest(), { idempotencyKey: 'wsdl-2' })
    const err = await failure(connector.reprintLabel('2740000000010'))
    expect(err).toMatchObject({ code: ErrorCode.carrierServiceUnsupported, retryable: false, meta: { operationMissing: true } })
  })

  it('a passing failure of etiketGetir is retried under the same barcode (PTT label in the end, one upload)', async () => {
    const { emu, connector } = await setup({ labelOperation: true })
    // kabulEkle2 answers; etiketGetir then fails with a 503 once.
    emu.faults.queue([null, HttpFault.http503])
    const created = await connector.createShipment(samplePttRequest(), { idempotencyKey: 'flaky-1' })
    expect(created.labelFormat).toBe('zpl')
    expect(emu.shipments).toHaveLength(1)
  })

  it('PTT refusing the order data stays carrier.validation (a barcode outside the customer range)', async () => {
    const { emu, connector } = await setup({}, { first: '275000000001', last: '275000000099' })
    const err = await failure(connector.createShipment(samplePttRequest(), { idempotencyKey: 'range-1' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false })
    expect(emu.shipments).toHaveLength(0)
  })
})

describe('pttFaultError', () => {
  it.each([
    [
      'The endpoint reference (EPR) for the Operation not found is /PttVeriYukleme/services/Sorgu and the WSA Action = urn:etiketGetir',
      'soapenv:Client',
      ErrorCode.carrierServiceUnsupported,
      false,
    ],
    ["No such operation 'etiketGetir'", 'soapenv:Server.userException', ErrorCode.carrierServiceUnsupported, false],
    ['org.apache.axis2.databinding.ADBException: Unexpected subelement foo', 'soapenv:Client', ErrorCode.carrierValidation, false],
    ['java.net.SocketTimeoutException: Read timed out', 'soapenv:Server', ErrorCode.carrierUnavailable, true],
  ])('%s (%s) → %s', (faultstring, faultcode, code, retryable) => {
    const e = pttFaultError({ faultcode, faultstring }, 'etiketGetir', 500)
    expect(e).toMatchObject({ code, retryable })
    expect(e.code === ErrorCode.carrierServiceUnsupported).toBe(e.meta.operationMissing === true)
  })
})
