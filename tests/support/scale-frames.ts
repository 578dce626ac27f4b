import { expect, it } from 'vitest'
import { ErrorCode, type AppError } from '../../shared/errors'
import { thrown } from './app-error'

/** The bytes of a scale reply written as a string, one byte per character (latin1: `\xff` is the byte 0xff). */
export const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'))

/** Pushes `frame` in two pieces, cut at every byte boundary, into a fresh framer each time: the one whole frame must come out. */
export function expectWholeAtEveryCut(newFramer: () => { push(chunk: Uint8Array): Uint8Array[] }, frame: Uint8Array): void {
  if (frame.length < 2) throw new Error('expectWholeAtEveryCut: a frame of at least 2 bytes is needed to cut it')
  for (let cut = 1; cut < frame.length; cut++) {
    const framer = newFramer()
    expect([...framer.push(frame.subarray(0, cut)), ...framer.push(frame.subarray(cut))], `cut at ${cut}`).toEqual([frame])
  }
}

/** The scale.frameInvalid AppError `parse` throws (retryable: the next frame may be whole), its message matching `message` when given. */
export function frameInvalid(parse: () => unknown, message?: RegExp): AppError {
  const err = thrown(parse)
  expect(err).toMatchObject({ code: ErrorCode.scaleFrameInvalid, retryable: true })
  if (message) expect(err.message).toMatch(message)
  return err
}

/** One test per case, named "rejects <name> as scale.frameInvalid": `parse` of the case's input throws frameInvalid (message checked where the case has one). */
export function itRejectsEach(cases: ReadonlyArray<readonly [name: string, input: string, message?: RegExp]>, parse: (input: string) => unknown): void {
  const rows = cases.map(([name, input, message]): [string, string, RegExp | undefined] => [name, input, message])
  it.each(rows)('rejects %s as scale.frameInvalid', (_name, input, message) => {
    frameInvalid(() => parse(input), message)
  })
}
