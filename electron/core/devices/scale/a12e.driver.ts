import { createA12eFramer, parseA12eFrame, type A12eFrame, type A12eOptions } from './a12e.parser'
import { ContinuousScaleDriver, type ContinuousScaleCodec, type ContinuousScaleDriverOptions } from './continuous-scale.driver'
import type { ScaleReading } from './scale.port'
import type { SerialLineSettings } from './serial-scale.transport'

/** XK3190-A12E default line: 9600 8N1 [unverified: §2.1 has no row; the baud rate is selectable on the indicator]. */
export const a12eLineDefaults: SerialLineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }

export type A12eCodecOptions = A12eOptions &
  Readonly<{
    /**
     * The frame has no stable flag, so a weight counts as stable once it has stayed within
     * `steadyToleranceGrams` for `steadyMs` (software debouncing, §2.7; a design choice, not sourced).
     */
    steadyMs?: number
    steadyToleranceGrams?: number
  }>

export type A12eDriverOptions = ContinuousScaleDriverOptions & A12eCodecOptions

export function a12eCodec(options: A12eCodecOptions = {}): ContinuousScaleCodec<A12eFrame> {
  const steadyMs = options.steadyMs ?? 400
  const tolerance = options.steadyToleranceGrams ?? 0
  // Per-driver state: the weight the run started at and when.
  let anchor: { grams: number; since: number } | null = null
  return {
    model: 'a12e',
    lineDefaults: a12eLineDefaults,
    createFramer: createA12eFramer,
    parse: (frame) => parseA12eFrame(frame, options),
    decode(frame, at): ScaleReading {
      if (frame.kind !== 'weight') {
        anchor = null
        return { grams: 0, stable: false, at, condition: frame.kind }
      }
      if (!anchor || Math.abs(frame.grams - anchor.grams) > tolerance) anchor = { grams: frame.grams, since: at }
      return { grams: frame.grams, stable: at - anchor.since >= steadyMs, at, condition: 'ok' }
    },
  }
}

/** Yaohua XK3190-A12(E) continuous output (§2.5). Read-only; stability judged from repeated frames. */
export class A12eDriver extends ContinuousScaleDriver<A12eFrame> {
  constructor(options: A12eDriverOptions) {
    super(a12eCodec(options), options)
  }
}
