import { AppError, ErrorCode } from '../../../../shared/errors'
import { ContinuousScaleDriver, type ContinuousScaleCodec, type ContinuousScaleDriverOptions } from './continuous-scale.driver'
import type { SerialLineSettings } from './serial-scale.transport'
import { createToledoContinuousFramer, parseToledoContinuousFrame, type ToledoContinuousFrame } from './toledo-continuous.parser'

/**
 * Default line for Standard Continuous Output: 9600 7E1. docs/reference/hardware.md §2.1 has no row for it; the
 * WILDCAT manual only says to use 4800 baud or faster (§2.4) [unverified: the indicator's factory
 * setting]. Auto-detection also listens at 8N1.
 */
export const toledoContinuousLineDefaults: SerialLineSettings = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 }

export type ToledoContinuousDriverOptions = ContinuousScaleDriverOptions &
  Readonly<{
    /** Whether the indicator appends the checksum byte (a setup option; the issue asks for it on). Default true. */
    checksum?: boolean
  }>

function decode(frame: ToledoContinuousFrame, at: number) {
  if (frame.kind !== 'weight') return { grams: 0, stable: false, at, condition: frame.kind }
  if (frame.notZeroed) {
    // SWB bit 6: the indicator could not zero at power-up, so its weight cannot be trusted (§2.4).
    return new AppError(ErrorCode.scaleFault, 'the scale was not zeroed after power-up: empty the pan and zero it', {
      retryable: true,
      meta: { status: 'notZeroed' },
    })
  }
  return { grams: frame.grams, stable: !frame.motion, at, condition: 'ok' as const }
}

export function toledoContinuousCodec(checksum: boolean): ContinuousScaleCodec<ToledoContinuousFrame> {
  return {
    model: 'toledo-continuous',
    lineDefaults: toledoContinuousLineDefaults,
    createFramer: () => createToledoContinuousFramer({ checksum }),
    parse: (frame) => parseToledoContinuousFrame(frame, { checksum }),
    decode,
  }
}

/**
 * Mettler Toledo Standard Continuous Output (§2.4): the indicator streams ~7 frames a second;
 * motion comes from SWB bit 3, out of range from bit 2. Read-only: the format has no commands.
 */
export class ToledoContinuousDriver extends ContinuousScaleDriver<ToledoContinuousFrame> {
  constructor(options: ToledoContinuousDriverOptions) {
    super(toledoContinuousCodec(options.checksum ?? true), options)
  }
}
