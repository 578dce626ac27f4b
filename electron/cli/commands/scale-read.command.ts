import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { MtSicsDriver } from '../../core/devices/scale/mt-sics.driver'
import { evaluateStability } from '../../core/devices/scale/scale-stability'
import type { ScaleDriver, ScaleReading } from '../../core/devices/scale/scale.port'
import { numberFlag, parseFlags, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'

/** Protocols `scale read` can speak today; the others (Toledo, CAS, …) come later. */
const supportedProtocols = ['mt-sics'] as const
type Protocol = (typeof supportedProtocols)[number]

const flagOptions = {
  port: { type: 'string' },
  protocol: { type: 'string' },
  baud: { type: 'string' },
  parity: { type: 'string' },
  'data-bits': { type: 'string' },
  stable: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const

type ReadSettings = Readonly<{
  port: string
  protocol: Protocol
  baudRate: number
  parity: 'none' | 'even' | 'odd'
  dataBits: 7 | 8
  stable: boolean
  timeoutMs: number
  json: boolean
}>

function parseSettings(argv: readonly string[]): ReadSettings {
  const { values } = parseFlags(argv, flagOptions)
  const port = requireFlag(values.port, 'port')
  const protocol = requireFlag(values.protocol, 'protocol')
  if (!(supportedProtocols as readonly string[]).includes(protocol)) {
    throw new AppError(ErrorCode.inputInvalid, `protocol ${protocol} is not supported yet (supported: ${supportedProtocols.join(', ')})`)
  }
  const parity = values.parity ?? 'none'
  if (parity !== 'none' && parity !== 'even' && parity !== 'odd') {
    throw new AppError(ErrorCode.inputInvalid, `--parity must be none, even or odd, got "${parity}"`)
  }
  const dataBits = values['data-bits'] ?? '8'
  if (dataBits !== '7' && dataBits !== '8') throw new AppError(ErrorCode.inputInvalid, `--data-bits must be 7 or 8, got "${dataBits}"`)
  return {
    port,
    protocol: protocol as Protocol,
    baudRate: numberFlag(values.baud, 'baud', { positive: true, integer: true }) ?? 9600,
    parity,
    dataBits: dataBits === '7' ? 7 : 8,
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

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let settings: ReadSettings
  try {
    settings = parseSettings(argv)
  } catch (err) {
    io.stderr(`${prefix}${toAppError(err).message}\n`)
    return 2
  }
  const driver = new MtSicsDriver({
    path: settings.port,
    baudRate: settings.baudRate,
    parity: settings.parity,
    dataBits: settings.dataBits,
    pollIntervalMs: 100,
  })
  try {
    await driver.open()
  } catch (err) {
    const error = toAppError(err)
    io.stderr(`${prefix}${error.message} [${error.code}]\n`)
    return error.code === ErrorCode.inputInvalid ? 2 : 1
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
  if (settings.json) io.stdout(`${JSON.stringify({ grams, stable, protocol: settings.protocol })}\n`)
  else io.stdout(`${grams} g (${stable ? 'stable' : 'in motion'})\n`)
  return 0
}

export const scaleReadCommand: CliCommand = {
  name: 'scale read',
  summary: 'Read one weight from a serial scale',
  usage:
    'station scale read --port PATH --protocol mt-sics [--baud N] [--parity none|even|odd] [--data-bits 7|8] ' +
    '[--stable] [--timeout-ms N] [--json]\n' +
    'Exit 0 with the weight, 2 on bad flags, 1 when the port cannot be opened, 3 when no valid weight arrived in time.',
  run,
}
