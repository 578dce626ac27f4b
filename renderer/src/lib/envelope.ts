import { AppError, type Result } from '../../../shared/errors'

/** Unwraps a reply envelope: the value, or the core's AppError rebuilt with its code. */
export function unwrapResult<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T
  throw AppError.fromSerialized(result.error)
}
