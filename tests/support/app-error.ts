import { expect } from 'vitest'
import { AppError, ErrorCode } from '../../shared/errors'

/** The AppError `p` rejects with; the test fails if it resolves or rejects with anything else. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}

/** The AppError `fn` throws; the test fails if it returns or throws anything else. */
export function thrown(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected an AppError')
}

/** The input.invalid AppError `fn` throws; the test fails on any other outcome. */
export function inputError(fn: () => unknown): AppError {
  const err = thrown(fn)
  expect(err.code).toBe(ErrorCode.inputInvalid)
  return err
}
