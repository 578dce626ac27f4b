import { describe, expect, it } from 'vitest'
import { PackingStep } from '../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { ShipmentRecord } from '../shipping/shipments.repository'
import { newSession } from './packing.session'
import { PRINTER_BACK_NOTICE, clearsWhenPrinterReady, markPrintPending, onPrinterReady } from './printer-recovery.rules'

const shipment = { id: 's1', status: 'purchased' } as ShipmentRecord
const stopped = (code: ErrorCode, withShipment = true) => {
  const s = newSession()
  s.machine = { ...s.machine, step: PackingStep.exception }
  s.shipment = withShipment ? shipment : null
  s.blocking = new AppError(code, 'x')
  markPrintPending(s, s.blocking)
  return s
}

/** Printer codes with nothing to wait for: a wrong address, or a transport that cannot report status. */
const nothingToWaitFor: readonly string[] = [ErrorCode.printerAddressInvalid, ErrorCode.printerStatusUnsupported]
const allCodes: readonly string[] = Object.values(ErrorCode)
const printerConditions = allCodes.filter((c) => c.startsWith('printer.') && !nothingToWaitFor.includes(c))
const otherCodes = allCodes.filter((c) => !printerConditions.includes(c))

describe('printer recovery rules', () => {
  it('the rule is about printer conditions: some clear, some do not', () => {
    expect(printerConditions).toContain(ErrorCode.printerPaperOut)
    expect(otherCodes).toEqual(expect.arrayContaining([ErrorCode.printOutcomeUnknown, ErrorCode.labelMismatch, ErrorCode.carrierTimeout, ...nothingToWaitFor]))
  })

  it.each(printerConditions)('%s clears when the printer is ready', (code) => expect(clearsWhenPrinterReady(code)).toBe(true))

  it.each(otherCodes)('%s does not clear on its own', (code) => expect(clearsWhenPrinterReady(code)).toBe(false))

  it('paper-out with a bought label: the label is owed; ready clears the banner and offers F2, printing nothing itself', () => {
    const s = stopped(ErrorCode.printerPaperOut)
    s.problem = new AppError(ErrorCode.wrongState, 'F4 refused while owed')
    expect(s.printPending).toBe(true)
    expect(onPrinterReady(s)).toBe(true)
    expect(s.blocking).toBeNull()
    expect(s.problem).toBeNull()
    expect(s.machine.step).toBe(PackingStep.exception)
    expect(s.printPending).toBe(true)
    expect(s.notice).toEqual(PRINTER_BACK_NOTICE)
    // A second "ready" changes nothing.
    expect(onPrinterReady(s)).toBe(false)
  })

  it('a printer problem before any label was bought owes no label', () => {
    const s = stopped(ErrorCode.printerOffline, false)
    expect(s.printPending).toBe(false)
    expect(onPrinterReady(s)).toBe(true)
    expect(s.notice).toEqual(PRINTER_BACK_NOTICE)
  })

  it('"outcome unknown" and carrier problems stay until the operator answers', () => {
    for (const code of [ErrorCode.printOutcomeUnknown, ErrorCode.carrierUnavailable]) {
      const s = stopped(code)
      expect(s.printPending).toBe(false)
      expect(onPrinterReady(s)).toBe(false)
      expect(s.blocking?.code).toBe(code)
    }
  })

  it('nothing blocking: ready is a no-op', () => {
    expect(onPrinterReady(newSession())).toBe(false)
  })
})
