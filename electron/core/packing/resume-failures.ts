import { AppError, ErrorCode, errorText, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'

/** An interrupted order the resume at start could not finish: it stays bought and not packed until its re-scan. */
export type ResumeFailure = Readonly<{ orderId: string; orderNumber: string; error: AppError }>

/** The error line for the shell's log (support reads it), one per order. */
export function resumeFailureLine(f: ResumeFailure): string {
  return `resume at start failed: order ${f.orderNumber} (${f.orderId}) left unfinished: ${f.error.code}: ${errorText(f.error)}`
}

/**
 * The problem the packer sees after the resume at start left orders half-done, naming each; null when
 * none needs it. A label whose print outcome is unknown is not repeated: it is already listed, and blocks
 * new orders, as an unconfirmed label.
 */
export function resumeFailedProblem(failures: readonly ResumeFailure[]): AppError | null {
  const shown = failures.filter((f) => f.error.code !== ErrorCode.printOutcomeUnknown)
  if (shown.length === 0) return null
  const list = shown.map((f) => `${f.orderNumber} (${f.error.code})`).join(', ')
  return new AppError(ErrorCode.resumeFailed, msg('resume.notFinished', { orders: list }), {
    meta: { orders: shown.map((f) => ({ orderId: f.orderId, orderNumber: f.orderNumber, code: f.error.code })) },
  })
}

/** The resume itself failed (its orders could not be read): nothing was finished, so every interrupted order waits. */
export function resumeAbortedProblem(error: AppError): AppError {
  return new AppError(ErrorCode.resumeFailed, msg('resume.unreadable', { detail: error.message }), {
    meta: { orders: [], code: error.code },
  })
}

/**
 * Runs the resume at start and reports what it could not finish: an error line per order for the
 * shell's log, and one problem on the packer's screen (shown before this resolves). Resolves with the
 * order ids resumed.
 */
export async function resumeAtStart(
  deps: Readonly<{
    resume: (onFailed: (failure: ResumeFailure) => void) => Promise<string[]>
    show: (problem: AppError) => Promise<void>
    logError: (line: string) => void
  }>,
): Promise<string[]> {
  const failures: ResumeFailure[] = []
  try {
    const resumed = await deps.resume((f) => {
      failures.push(f)
      deps.logError(resumeFailureLine(f))
    })
    const problem = resumeFailedProblem(failures)
    if (problem) await deps.show(problem)
    return resumed
  } catch (err) {
    const e = toAppError(err)
    deps.logError(`resume at start failed: ${e.code}: ${errorText(e)}`)
    await deps.show(resumeAbortedProblem(e))
    return []
  }
}
