import { AppError, ErrorCode, toAppError, errorText } from '../../../shared/errors'
import { detectScaleProtocol } from '../../core/devices/scale/scale-protocol-detect'
import { createSerialScaleDriver, isScaleProtocol, scaleProtocols, type ScaleProtocol } from '../../core/devices/scale/scale-protocol'
import { evaluateStability } from '../../core/devices/scale/scale-stability'
import type { ScaleDriver, ScaleReading } from '../../core/devices/scale/scale.port'
import type { SerialLineSettings } from '../../core/devices/scale/serial-scale.transport'
import { numberFlag, parseFlags, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'

const protocolChoices = [...scaleProtocols, 'auto'] as const

const flagOptions = {
  port: { type: 'string' },
  protocol: { type: 'string' },
  baud: { type: 'string' },
  parity: { type: 'string' },
  'data-bits': { type: 'string' },
  'stop-bits': { type: 'string' },
  stable: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const

type ReadSettings = Readonly<{
  port: string
  protocol: ScaleProtocol | 'auto'
  /** Only the line settings given as flags; the rest come from the protocol's defaults (or detection). */
  line: Partial<SerialLineSettings>
  stable: boolean
  timeoutMs: number
  json: boolean
}>

function parseSettings(argv: readonly string[]): ReadSettings {
  const { values } = parseFlags(argv, flagOptions)
  const port = requireFlag(values.port, 'port')
  const protocol = requireFlag(values.protocol, 'protocol')
  if (protocol !== 'auto' && !isScaleProtocol(protocol)) {
    throw new AppError(ErrorCode.inputInvalid, `--protocol must be one of ${protocolChoices.join(', ')}, got "${protocol}"`)
  }
  const parity = values.parity
  if (parity !== undefined && parity !== 'none' && parity !== 'even' && parity !== 'odd') {
    throw new AppError(ErrorCode.inputInvalid, `--parity must be none, even or odd, got "${parity}"`)
  }
  const dataBits = values['data-bits']
  if (dataBits !== undefined && dataBits !== '7' && dataBits !== '8')
    throw new AppError(ErrorCode.inputInvalid, `--data-bits must be 7 or 8, got "${dataBits}"`)
  const stopBits = values['stop-bits']
  if (stopBits !== undefined && stopBits !== '1' && stopBits !== '2')
    throw new AppError(ErrorCode.inputInvalid, `--stop-bits must be 1 or 2, got "${stopBits}"`)
  const baudRate = numberFlag(values.baud, 'baud', { positive: true, integer: true })
  const line: Partial<SerialLineSettings> = {
    ...(baudRate === undefined ? {} : { baudRate }),
    ...(parity === undefined ? {} : { parity }),
    ...(dataBits === undefined ? {} : { dataBits: dataBits === '7' ? 7 : 8 }),
    ...(stopBits === undefined ? {} : { stopBits: stopBits === '2' ? 2 : 1 }),
  }
  return {
    port,
    protocol,
    line,
    stable: values.stable ?? false,
    timeoutMs: numberFlag(values['timeout-ms'], 'timeout-ms', { positive: true, integer: true }) ?? 5000,
    json: values.json ?? false,
  }
}

type Outcome = { ok: true; reading: ScaleReading } | { ok: false; reason: string }

/**
 * Collects readings until one qualifies: any valid weight, or with `--stable` one the stability
 * rule accepts (device flag + agreeing readings, scale-stability.ts).
 */
function readOnce(driver: ScaleDriver, settings: ReadSettings): Promise<Outcome> {
  return new Promise((resolve) => {
    const readings: ScaleReading[] = []
    let lastProblem = ''
    const finish = (outcome: Outcome) => {
      clearTimeout(timer)
      for (const off of subs) off()
      resolve(outcome)
    }
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no valid weight within ${settings.timeoutMs} ms${lastProblem ? ` (last: ${lastProblem})` : ''}` }),
      settings.timeoutMs,
    )
    const subs = [
      driver.onDidRead((reading) => {
        readings.push(reading)
        if (reading.condition === 'overload' || reading.condition === 'underload') {
          lastProblem = `scale reports ${reading.condition}`
          return
        }
        if (!settings.stable) return finish({ ok: true, reading })
        const verdict = evaluateStability(readings, Date.now())
        if (verdict.stable) finish({ ok: true, reading: { ...reading, grams: verdict.grams, stable: true } })
        else lastProblem = 'weight not stable'
      }),
      driver.onDidError((error) => (lastProblem = error.message)),
      // Opened fine but went silent or away: still "no valid weight in time" for the caller.
      driver.onDidDisconnect((error) => finish({ ok: false, reason: error.message })),
    ]
  })
}

const prefix = 'station scale read: '

/** Exit code for a failure before any weight could arrive: 2 bad settings, 3 nothing recognised, 1 no port. */
function failureExit(error: AppError): number {
  if (error.code === ErrorCode.inputInvalid) return 2
  if (error.code === ErrorCode.scaleProtocolUnknown) return 3
  return 1
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let settings: ReadSettings
  try {
    settings = parseSettings(argv)
  } catch (err) {
    io.stderr(`${prefix}${errorText(toAppError(err))}\n`)
    return 2
  }
  let driver: ScaleDriver
  let protocol: ScaleProtocol
  try {
    if (settings.protocol === 'auto') {
      const detected = await detectScaleProtocol(settings.port, scaleProtocols, { line: settings.line })
      protocol = detected.protocol
      driver = createSerialScaleDriver({
        protocol,
        path: settings.port,
        ...detected.line,
        ...(detected.checksum === undefined ? {} : { checksum: detected.checksum }),
        pollIntervalMs: 100,
      })
    } else {
      protocol = settings.protocol
      driver = createSerialScaleDriver({ protocol, path: settings.port, ...settings.line, pollIntervalMs: 100 })
    }
    await driver.open()
  } catch (err) {
    const error = toAppError(err)
    io.stderr(`${prefix}${errorText(error)} [${error.code}]\n`)
    return failureExit(error)
  }
  let outcome: Outcome
  try {
    outcome = await readOnce(driver, settings)
  } finally {
    await driver.close()
  }
  if (!outcome.ok) {
    io.stderr(`${prefix}${outcome.reason} [${ErrorCode.scaleTimeout}]\n`)
    return 3
  }
  const { grams, stable } = outcome.reading
  if (settings.json) io.stdout(`${JSON.stringify({ grams, stable, protocol })}\n`)
  else io.stdout(`${grams} g (${stable ? 'stable' : 'in motion'})\n`)
  return 0
}

export const scaleReadCommand: CliCommand = {
  name: 'scale read',
  summary: 'Read one weight from a serial scale',
  usage:
    `station scale read --port PATH --protocol ${protocolChoices.join('|')} [--baud N] [--parity none|even|odd] ` +
    '[--data-bits 7|8] [--stop-bits 1|2] [--stable] [--timeout-ms N] [--json]\n' +
    "Line settings default to the protocol's (hardware.md §2.1); auto listens for continuous frames, then probes.\n" +
    'Exit 0 with the weight, 2 on bad flags, 1 when the port cannot be opened, 3 when no valid weight arrived in time.',
  run,
}
