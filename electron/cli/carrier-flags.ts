import { AppError, ErrorCode } from '../../shared/errors'
import { loadConfig, mergeLayers } from '../core/config/config.loader'
import { StationConfigSchema } from '../core/config/config.schema'
import { describeUnknownKeys, findUnknownKeys } from '../core/config/config.unknown-keys'
import { CARRIERS, findCarrier, type CarrierDefinition } from '../core/carriers/carrier-registry'
import type { CarrierConnector } from '../core/carriers/carrier.port'
import type { RetryOptions } from '../core/carriers/retry'
import { numberFlag, readJsonInput } from './cli-args'
import type { CliIo } from './cli.types'
import { z } from 'zod'
import { join } from 'node:path'
import { openDatabase } from '../core/db/database'
import { defaultDataDir } from './data-dir'

/** The credential flags `station ship` and `station track` share. */
export const carrierFlagOptions = {
  carrier: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'customer-code': { type: 'string' },
  'carrier-config': { type: 'string' },
  data: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const

export const CARRIER_FLAGS_USAGE =
  '  Credentials: --api-key KEY | --username U --password P [--customer-code C], or the environment\n' +
  '  (KARGOJET_<CARRIER>_API_KEY, _USERNAME, _PASSWORD, _CUSTOMER_CODE), or --carrier-config FILE.json (the carrier\'s\n' +
  "  station.json section), or the station's own station.json with --data DIR. Flags win over files.\n" +
  `  Carriers: ${CARRIERS.map((c) => c.id).join(', ')}.`

type Values = Partial<Record<keyof typeof carrierFlagOptions, string | boolean | undefined>>

export function requireCarrier(id: string | undefined): CarrierDefinition {
  if (!id) throw new AppError(ErrorCode.inputInvalid, 'missing required flag --carrier')
  const def = findCarrier(id)
  if (!def) throw new AppError(ErrorCode.inputInvalid, `carrier "${id}" is not supported (supported: ${CARRIERS.map((c) => c.id).join(', ')})`)
  return def
}

/**
 * Builds the connector the flags describe: the station.json section (with --data) < the
 * --carrier-config file < environment < flags, validated by the same schema the desk uses.
 */
export async function connectorFromFlags(
  def: CarrierDefinition,
  values: Values,
  env: NodeJS.ProcessEnv,
  retry: RetryOptions,
): Promise<{ connector: CarrierConnector; dispose(): Promise<void> }> {
  const str = (k: keyof typeof carrierFlagOptions) => (typeof values[k] === 'string' ? (values[k] as string) : undefined)
  const envKey = (suffix: string) => env[`KARGOJET_${def.id.toUpperCase()}_${suffix}`]
  const baseUrl = str('base-url')
  if (baseUrl !== undefined && (!/^https?:\/\/[^\s/]+/.test(baseUrl) || !URL.canParse(baseUrl))) {
    throw new AppError(ErrorCode.inputInvalid, `--base-url must be an http(s) URL, got "${baseUrl}"`)
  }
  const dataDir = str('data')
  const stationSection = dataDir ? (def.section(loadConfig(dataDir).carriers) ?? {}) : {}
  const fileSection = str('carrier-config') ? await readJsonInput(str('carrier-config') as string, z.record(z.string(), z.unknown())) : {}
  const unknownKeys = findUnknownKeys(StationConfigSchema, { carriers: { [def.id]: fileSection } })
  if (unknownKeys.length > 0) {
    const named = unknownKeys.map((k) => ({ path: k.path.split('.').slice(2).join('.'), suggestion: k.suggestion?.split('.').slice(2).join('.') ?? null }))
    throw new AppError(ErrorCode.inputInvalid, `${str('carrier-config')}: unknown key ${describeUnknownKeys(named)}`)
  }
  const flagSection = def.fromFlags({
    baseUrl,
    apiKey: str('api-key') ?? envKey('API_KEY'),
    username: str('username') ?? envKey('USERNAME'),
    password: str('password') ?? envKey('PASSWORD'),
    customerCode: str('customer-code') ?? envKey('CUSTOMER_CODE'),
    timeoutMs: numberFlag(str('timeout-ms'), 'timeout-ms', { positive: true, integer: true }),
  })
  const merged = mergeLayers(stationSection as Record<string, unknown>, fileSection, flagSection, { enabled: true })
  // Validated by the desk's own schema, so the CLI and the desk can never disagree on a field.
  const parsed = StationConfigSchema.safeParse({ carriers: { [def.id]: merged } })
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.slice(2).join('.') || def.id}: ${i.message}`).join('; ')
    throw new AppError(ErrorCode.inputInvalid, `${def.id} settings: ${detail}`)
  }
  const section = def.section(parsed.data.carriers)
  if (!section) throw new AppError(ErrorCode.inputInvalid, `${def.id}: no settings`)
  // PTT barcodes come from the station's own range record: the CLI uses the same database as the desk.
  const opened = def.needsDatabase ? await openDatabase(join(dataDir ?? defaultDataDir(), 'station.sqlite3')) : null
  const connector = def.create(section as never, { retry, sqlite: opened ? () => opened.sqlite : undefined })
  return { connector, dispose: async () => void (await opened?.close()) }
}

/** A carrier command needs an endpoint: the flag, a carrier-config file, or the station's own station.json. */
export function requireEndpoint(values: Values): void {
  if (!values['base-url'] && !values['carrier-config'] && !values.data) throw new AppError(ErrorCode.inputInvalid, 'missing required flag --base-url (or --carrier-config / --data)')
}

/**
 * The connector of a CLI command (`ship`, `track`, `return`), each retry announced on stderr.
 * `sameKey`: the command sends an idempotency key, and the message says it is reused.
 */
export function cliConnector(def: CarrierDefinition, values: Values, io: CliIo, prefix: string, options: Readonly<{ maxAttempts: number; sameKey: boolean }>) {
  const tail = options.sameKey ? ' with the same key' : ''
  return connectorFromFlags(def, values, process.env, {
    maxAttempts: options.maxAttempts,
    onRetry: ({ attempt, delayMs, error }) => io.stderr(`${prefix}${error.code} on attempt ${attempt}, retrying in ${delayMs} ms${tail}\n`),
  })
}
