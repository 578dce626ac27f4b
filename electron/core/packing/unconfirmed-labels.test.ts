import { describe, expect, it } from 'vitest'
import type { UnconfirmedLabelView } from '../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../shared/errors'
import { awaitingAnswer, pickUnconfirmed, unansweredLabelsError } from './unconfirmed-labels'

const label = (n: number, deferred = false): UnconfirmedLabelView => ({
  jobId: `j${n}`,
  orderId: `o${n}`,
  orderNumber: `SIP-${n}`,
  orderBarcode: `KJ${n}`,
  carrierName: 'ComToHome',
  trackingNumber: `T${n}`,
  deferred,
})

describe('unconfirmed labels', () => {
  it('awaiting an answer: not deferred, and not the order being opened (its own stop asks about it)', () => {
    const list = [label(1), label(2, true), label(3)]
    expect(awaitingAnswer(list).map((l) => l.jobId)).toEqual(['j1', 'j3'])
    expect(awaitingAnswer(list, 'o1').map((l) => l.jobId)).toEqual(['j3'])
    expect(awaitingAnswer([label(2, true)])).toEqual([])
  })

  it('the refusal names every waiting order and points at the first job, with the outcome-unknown code', () => {
    const err = unansweredLabelsError([label(1), label(3)])
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe(ErrorCode.printOutcomeUnknown)
    expect(err.message).toContain('SIP-1, SIP-3')
    expect(err.meta).toMatchObject({ jobId: 'j1', orderId: 'o1', waiting: 2 })
  })

  it('an answer goes to the named job, else the open order, else the oldest', () => {
    const list = [label(1), label(2)]
    expect(pickUnconfirmed(list, 'j2', 'o1')?.jobId).toBe('j2')
    expect(pickUnconfirmed(list, undefined, 'o2')?.jobId).toBe('j2')
    expect(pickUnconfirmed(list, undefined, undefined)?.jobId).toBe('j1')
    expect(pickUnconfirmed([], undefined, 'o1')).toBeNull()
  })

  it('a job that is not listed is refused, never guessed', () => {
    expect(() => pickUnconfirmed([label(1)], 'j9', undefined)).toThrowError(expect.objectContaining({ code: ErrorCode.wrongState }))
  })
})
