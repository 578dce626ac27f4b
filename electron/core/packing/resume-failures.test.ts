import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import { resumeAtStart, resumeFailedProblem, type ResumeFailure } from './resume-failures'

const failure = (orderNumber: string, code: ErrorCode): ResumeFailure => ({ orderId: `id-${orderNumber}`, orderNumber, error: new AppError(code, 'down') })

describe('resumeFailedProblem', () => {
  it('names every order left half-done, with its cause', () => {
    const p = resumeFailedProblem([failure('SIP-1', ErrorCode.printerPaperOut), failure('SIP-2', ErrorCode.carrierUnavailable)])
    expect(p?.code).toBe(ErrorCode.resumeFailed)
    expect(p?.meta.orders).toEqual([
      { orderId: 'id-SIP-1', orderNumber: 'SIP-1', code: ErrorCode.printerPaperOut },
      { orderId: 'id-SIP-2', orderNumber: 'SIP-2', code: ErrorCode.carrierUnavailable },
    ])
  })

  it('leaves out a label with an unknown print outcome: the unconfirmed-labels list already shows it', () => {
    expect(resumeFailedProblem([failure('SIP-1', ErrorCode.printOutcomeUnknown)])).toBeNull()
    expect(resumeFailedProblem([])).toBeNull()
  })
})

describe('resumeAtStart', () => {
  it('logs each failure and shows one problem before it resolves', async () => {
    const lines: string[] = []
    const shown: AppError[] = []
    const resumed = await resumeAtStart({
      resume: async (onFailed) => (onFailed(failure('SIP-1', ErrorCode.printerPaperOut)), ['id-SIP-9']),
      show: async (p) => void shown.push(p),
      logError: (l) => lines.push(l),
    })
    expect(resumed).toEqual(['id-SIP-9'])
    expect(lines).toEqual([expect.stringContaining('SIP-1')])
    expect(shown.map((p) => p.code)).toEqual([ErrorCode.resumeFailed])
  })

  it('a resume that fails as a whole is logged and shown too, never swallowed', async () => {
    const lines: string[] = []
    const shown: AppError[] = []
    const resumed = await resumeAtStart({
      resume: async () => {
        throw new Error('database is locked')
      },
      show: async (p) => void shown.push(p),
      logError: (l) => lines.push(l),
    })
    expect(resumed).toEqual([])
    expect(lines).toEqual([expect.stringContaining('database is locked')])
    expect(shown[0]).toMatchObject({ code: ErrorCode.resumeFailed, meta: { orders: [], code: ErrorCode.internal } })
  })
})
