import { AppError, ErrorCode } from '../../../../shared/errors'
import { createNciFramer, parseNciFrame, type NciFrame, type NciOptions, type NciStatus } from './nci.parser'
import { PolledScaleDriver, type PolledScaleCodec, type PolledScaleDriverOptions, type ScaleRequest } from './polled-scale.driver'
import type { ScaleReading } from './scale.port'
import type { SerialLineSettings } from './serial-scale.transport'

/**
 * NCI: 9600 7E1 as in serial-nci-scale (docs/reference/hardware.md §2.1). A Brecknell 6712 leaves the factory
 * at 8N1, so this is a per-model setting.
 */
export const nciLineDefaults: SerialLineSettings = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 }

export type NciDriverOptions = PolledScaleDriverOptions & NciOptions

function fault(status: NciStatus): AppError | null {
  const problems = [
    status.ramError && 'RAM error',
    status.eepromError && 'EEPROM error',
    status.romError && 'ROM error',
    status.calibrationError && 'calibration error',
  ].filter((p): p is string => typeof p === 'string')
  if (problems.length === 0) return null
  return new AppError(ErrorCode.scaleFault, `the scale reports ${problems.join(', ')}`, { retryable: false, meta: { problems } })
}

function decode(frame: NciFrame, at: number): ScaleReading | AppError | null {
  if (frame.kind === 'unknownCommand') return null
  const broken = fault(frame.status)
  if (broken) return broken
  if (frame.status.overCapacity) return { grams: 0, stable: false, at, condition: 'overload' }
  if (frame.status.underCapacity) return { grams: 0, stable: false, at, condition: 'underload' }
  if (frame.kind !== 'weight' || frame.grams === null) return null
  return { grams: frame.grams, stable: !frame.status.moving, at, condition: 'ok' }
}

export const nciCodec = (options: NciOptions = {}): PolledScaleCodec<Uint8Array, NciFrame> => ({
  model: 'nci',
  lineDefaults: nciLineDefaults,
  createFramer: createNciFramer,
  parse: (frame) => parseNciFrame(frame, options),
  poll: { command: 'W', bytes: 'W\r', answers: (f) => f.kind === 'weight' || f.kind === 'status' },
  decode,
  zero: zeroRequest,
  replyError(frame, command) {
    if (frame.kind !== 'unknownCommand') return null
    return new AppError(ErrorCode.scaleCommandFailed, `scale did not understand ${command ?? 'a command'} (LF ? CR)`, {
      retryable: false,
      meta: { command },
    })
  },
})

// serial-nci-scale sends `Z<CR>` and reads no reply [unverified: whether a status reply follows],
// so the line is held briefly; a status reply that does come is read like any other.
const zeroRequest: ScaleRequest<NciFrame> = { command: 'Z', bytes: 'Z\r', answers: null }

/** NCI / SCP-12 request/response (§2.6): polls `W<CR>`; motion polarity is a per-model setting. */
export class NciDriver extends PolledScaleDriver<Uint8Array, NciFrame> {
  constructor(options: NciDriverOptions) {
    super(nciCodec(options), options)
  }
}
