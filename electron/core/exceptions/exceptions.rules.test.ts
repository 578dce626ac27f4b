import { describe, expect, it } from 'vitest'
import { EXCEPTION_ACTIONS } from '../../../shared/contract/exceptions'
import { ErrorCode } from '../../../shared/errors'
import { exceptionKindOf, factsOf } from './exceptions.rules'

describe('which stop is which exception', () => {
  it.each([
    [ErrorCode.addressUnresolved, 'address'],
    [ErrorCode.carrierAddressUnresolved, 'address'],
    [ErrorCode.weightOutOfTolerance, 'weight'],
    [ErrorCode.carrierUnavailable, 'carrier'],
    [ErrorCode.carrierProviderNotDefined, 'carrier'],
    [ErrorCode.carrierCircuitOpen, 'carrier'],
    [ErrorCode.noEligibleCarrier, 'carrier'],
    [ErrorCode.printerPaperOut, 'printer'],
    [ErrorCode.printerOffline, 'printer'],
    [ErrorCode.labelMismatch, 'printer'],
    [ErrorCode.syncConflict, 'syncConflict'],
  ])('%s → %s', (code, kind) => {
    expect(exceptionKindOf(code)).toBe(kind)
  })

  it.each([ErrorCode.itemNotInOrder, ErrorCode.orderUnknown, ErrorCode.printOutcomeUnknown, ErrorCode.scaleDisconnected, ErrorCode.supervisorRequired, 'nope'])(
    'a refusal the packer fixes on the spot, or what another list answers, is not queued: %s',
    (code) => {
      expect(exceptionKindOf(code)).toBeNull()
    },
  )

  it('every kind has its actions; override and settle are the supervisor ones', () => {
    expect(EXCEPTION_ACTIONS).toEqual({
      address: ['fixAddress'],
      carrier: ['retry', 'otherCarrier'],
      weight: ['override'],
      printer: ['resolvePrinter'],
      syncConflict: ['settle'],
    })
  })

  it('keeps only the primitive facts of an error meta (nothing nested reaches the screen)', () => {
    expect(factsOf({ expectedGrams: 550, measuredGrams: 715, ok: true, none: null, nested: { a: 1 }, list: [1] })).toEqual({
      expectedGrams: 550,
      measuredGrams: 715,
      ok: true,
      none: null,
    })
  })
})
