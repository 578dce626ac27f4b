import { createCasFramer, parseCasFrame, type CasFrame, type CasOptions } from './cas.parser'
import { ContinuousScaleDriver, type ContinuousScaleCodec, type ContinuousScaleDriverOptions } from './continuous-scale.driver'
import type { ScaleReading } from './scale.port'
import type { SerialLineSettings } from './serial-scale.transport'

/** CAS/Kern default line: 9600 8N1 [unverified: §2.1 has no row; the usual factory setting of these indicators]. */
export const casLineDefaults: SerialLineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }

export type CasDriverOptions = ContinuousScaleDriverOptions & CasOptions

function decode(frame: CasFrame, at: number): ScaleReading | null {
  switch (frame.kind) {
    case 'weight':
      return { grams: frame.grams, stable: frame.stable, at, condition: 'ok' }
    case 'tare':
      return null // the stored tare, not what is on the pan
    default:
      return { grams: 0, stable: false, at, condition: frame.kind }
  }
}

export function casCodec(options: CasOptions = {}): ContinuousScaleCodec<CasFrame> {
  return {
    model: 'cas',
    lineDefaults: casLineDefaults,
    createFramer: createCasFramer,
    parse: (frame) => parseCasFrame(frame, options),
    decode,
  }
}

/** CAS 22-byte, Kern and AND `ST,GS` continuous lines (§2.5). Read-only. */
export class CasDriver extends ContinuousScaleDriver<CasFrame> {
  constructor(options: CasDriverOptions) {
    super(casCodec(options), options)
  }
}
