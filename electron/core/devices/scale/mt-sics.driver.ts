import { AppError, ErrorCode } from '../../../../shared/errors'
import { createLineFramer, parseMtSicsLine, type MtSicsFrame } from './mt-sics.parser'
import { PolledScaleDriver, type PolledScaleCodec, type PolledScaleDriverOptions, type ScaleRequest } from './polled-scale.driver'
import type { SerialLineSettings } from './serial-scale.transport'

/** MT-SICS default: 9600 8N1, no handshake, CR LF (docs/reference/hardware.md §2.1). */
export const mtSicsLineDefaults: SerialLineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }

export type MtSicsDriverOptions = PolledScaleDriverOptions &
  Readonly<{
    /**
     * `SI` answers at once with `S S`/`S D` (default). `S` blocks until the weight is stable or
     * answers `S I` after the balance's own timeout (§2.2, §7.8), so its reply timeout must be longer.
     */
    command?: 'SI' | 'S'
    /**
     * Watchdog: no reply line this long after a command means the scale is gone (§7.6: unplug is not
     * always reported by the OS). Default 1500 ms for `SI`, so unplug is reported within 2 s; 10 s for
     * `S` because the balance's stability timeout is device-specific [unverified].
     */
    replyTimeoutMs?: number
  }>

const refusalText = { notExecutable: 'not executable now', upperLimit: 'above range', lowerLimit: 'below range' } as const

function isWeightReply(frame: MtSicsFrame): boolean {
  return frame.kind === 'weight' || frame.kind === 'overload' || frame.kind === 'underload' || frame.kind === 'notExecutable'
}

/** MT-SICS commands are upper case and end with CR LF (§2.2). */
function mtSicsCodec(command: 'SI' | 'S'): PolledScaleCodec<string, MtSicsFrame> {
  return {
    model: 'mt-sics',
    lineDefaults: mtSicsLineDefaults,
    createFramer: () => createLineFramer(),
    parse: parseMtSicsLine,
    poll: { command, bytes: `${command}\r\n`, answers: isWeightReply },
    zero: zeroRequest,
    tare: tareRequest,
    decode(frame, at) {
      if (frame.kind === 'weight') return { grams: frame.grams, stable: frame.stable, at, condition: 'ok' }
      if (frame.kind === 'overload' || frame.kind === 'underload') return { grams: 0, stable: false, at, condition: frame.kind }
      return null
    },
    replyError(frame, pending) {
      if (frame.kind !== 'error') return null
      return new AppError(ErrorCode.scaleCommandFailed, `scale answered ${frame.code} to ${pending ?? 'nothing'}`, {
        retryable: frame.code === 'ET', // transmission error (parity/framing): worth repeating
        meta: { reply: frame.code, command: pending },
      })
    },
  }
}

function refused(what: 'zero' | 'tare', command: string) {
  return (frame: MtSicsFrame): AppError | null => {
    if (frame.kind !== 'zeroFailed' && frame.kind !== 'tareFailed') return null
    return new AppError(ErrorCode.scaleCommandFailed, `scale refused ${what}: ${refusalText[frame.reason]}`, {
      retryable: frame.reason === 'notExecutable',
      meta: { command, reason: frame.reason },
    })
  }
}

/** `Z`: zero the balance. Rejects with `scale.commandFailed` when the balance refuses. */
const zeroRequest: ScaleRequest<MtSicsFrame> = {
  command: 'Z',
  bytes: 'Z\r\n',
  answers: (f) => f.kind === 'zeroed' || f.kind === 'zeroFailed',
  outcome: refused('zero', 'Z'),
}

/** `T`: tare with the load on the pan. Rejects with `scale.commandFailed` when the balance refuses. */
const tareRequest: ScaleRequest<MtSicsFrame> = {
  command: 'T',
  bytes: 'T\r\n',
  answers: (f) => f.kind === 'tared' || f.kind === 'tareFailed',
  outcome: refused('tare', 'T'),
}

/**
 * Mettler Toledo MT-SICS over a serial port. Polls one command at a time and matches each reply
 * before sending the next (§7.8: never pipeline). Lines are framed with `createLineFramer`, so
 * split frames and line noise are handled (§7.7). Single connection per `open()`; after a
 * disconnect the owner (ScaleService) makes a new driver.
 */
export class MtSicsDriver extends PolledScaleDriver<string, MtSicsFrame> {
  // MT-SICS always has both (zeroRequest, tareRequest above).
  declare readonly zero: () => Promise<void>
  declare readonly tare: () => Promise<void>

  constructor(options: MtSicsDriverOptions) {
    const command = options.command ?? 'SI'
    super(mtSicsCodec(command), { ...options, replyTimeoutMs: options.replyTimeoutMs ?? (command === 'S' ? 10_000 : 1500) })
  }
}
