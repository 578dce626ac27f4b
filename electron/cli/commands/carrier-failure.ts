import { ErrorCode, errorText, toAppError } from '../../../shared/errors'
import type { CliIo } from '../cli.types'

/**
 * A carrier call failed. Bad input is the caller's (rethrown, so the usage exit applies); anything
 * else is one stderr line with its code, and exit status 1.
 */
export function reportCarrierFailure(io: CliIo, prefix: string, err: unknown): 1 {
  const e = toAppError(err)
  if (e.code === ErrorCode.inputInvalid) throw e
  io.stderr(`${prefix}${errorText(e)} [${e.code}]\n`)
  return 1
}
