import { AppError, ErrorCode } from '../../../../shared/errors'
import { PolledScaleDriver, type PolledScaleCodec, type PolledScaleDriverOptions, type ScaleRequest } from './polled-scale.driver'
import type { ScaleReading } from './scale.port'
import type { SerialLineSettings } from './serial-scale.transport'
import { createToledo8217Framer, parseToledo8217Frame, type Toledo8217Frame, type Toledo8217Options } from './toledo-8217.parser'

/** Toledo 8217: 9600 7E1 (Odoo's default, docs/reference/hardware.md §2.1). */
export const toledo8217LineDefaults: SerialLineSettings = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 }

export type Toledo8217DriverOptions = PolledScaleDriverOptions & Toledo8217Options

function decode(frame: Toledo8217Frame, at: number): ScaleReading | AppError | null {
  if (frame.kind === 'weight') {
    // The scale only sends digits when it has a valid, settled weight; otherwise it sends status.
    return { grams: frame.grams, stable: true, at, condition: 'ok' }
  }
  if (frame.kind !== 'status') return null
  const { status } = frame
  if (status.overCapacity) return { grams: 0, stable: false, at, condition: 'overload' }
  if (status.underZero) return { grams: 0, stable: false, at, condition: 'underload' }
  // In motion the reply carries no weight at all: nothing to show, and the old weight goes stale.
  if (status.motion) return null
  if (status.outsideZeroCapture) {
    return new AppError(ErrorCode.scaleFault, 'the scale is outside its zero capture range: empty the pan and zero it', {
      retryable: true,
      meta: { status: frame.code },
    })
  }
  return null
}

const isReply = (f: Toledo8217Frame) => f.kind === 'weight' || f.kind === 'status'

export const toledo8217Codec = (options: Toledo8217Options = {}): PolledScaleCodec<Uint8Array, Toledo8217Frame> => ({
  model: 'toledo-8217',
  lineDefaults: toledo8217LineDefaults,
  createFramer: createToledo8217Framer,
  parse: (frame) => parseToledo8217Frame(frame, options),
  // `W` with no terminator (§2.3).
  poll: { command: 'W', bytes: 'W', answers: isReply },
  decode,
  zero: zeroRequest,
  tare: tareRequest,
})

// Odoo sends `Z`/`T` and reads no reply; what the scale answers, if anything, is undocumented
// [unverified], so the line is held briefly instead of waiting for a reply.
const zeroRequest: ScaleRequest<Toledo8217Frame> = { command: 'Z', bytes: 'Z', answers: null }
const tareRequest: ScaleRequest<Toledo8217Frame> = { command: 'T', bytes: 'T', answers: null }

/**
 * Toledo 8217 / Dialog 06 request/response (§2.3): polls `W`, one request at a time. A weight
 * reply is always a settled weight; a status reply says why there is none (motion, range).
 */
export class Toledo8217Driver extends PolledScaleDriver<Uint8Array, Toledo8217Frame> {
  constructor(options: Toledo8217DriverOptions) {
    super(toledo8217Codec(options), options)
  }
}
