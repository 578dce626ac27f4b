import { AppError, ErrorCode } from '../../shared/errors'
import { loadConfig, mergeLayers } from '../core/config/config.loader'
import { describeUnknownKeys, findUnknownKeys } from '../core/config/config.unknown-keys'
import { CARRIERS, findCarrier, type AnyCarrier, type CarrierList } from '../core/carriers/carrier-registry'
import { carrierEnvName } from '../core/carriers/carrier-plugin'
import type { CarrierConnector } from '../core/carriers/carrier.port'
import type { RetryOptions } from '../core/net/retry'
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

/** The help text of the credential flags for a list of carriers: the generic lines, then what each carrier reads from them. */
export function carrierFlagsUsage(carriers: CarrierList = CARRIERS): string {
  return (
    '  Credentials: --api-key KEY | --username U --password P [--customer-code C], or the environment\n' +
    "  (KARGOJET_<CARRIER>_API_KEY, _USERNAME, _PASSWORD, _CUSTOMER_CODE), or --carrier-config FILE.json (the carrier's\n" +
    "  station.json section), or the station's own station.json with --data DIR. Flags win over files.\n" +
    `  Carriers: ${carriers.map((c) => c.id).join(', ')}.` +
    carriers.map((c) => (c.flagHelp ? `\n    ${c.id}: ${c.flagHelp}` : '')).join('')
  )
}

export const CARRIER_FLAGS_USAGE = carrierFlagsUsage()

type Values = Partial<Record<keyof typeof carrierFlagOptions, string | boolean | undefined>>

/** The carrier `--carrier` names, from the registry (or a test's own list). */
export function requireCarrier(id: string | undefined, carriers: CarrierList = CARRIERS): AnyCarrier {
  if (!id) throw new AppError(ErrorCode.inputInvalid, 'missing required flag --carrier')
  const def = findCarrier(id, carriers)
  if (!def) throw new AppError(ErrorCode.inputInvalid, `carrier "${id}" is not supported (supported: ${carriers.map((c) => c.id).join(', ')})`)
  return def
}

/**
 * Builds the connector the flags describe: the station.json section (with --data) < the
 * --carrier-config file < environment < flags, validated by the carrier's own settings schema (the one the desk's
 * station.json schema is built from).
 */
export async function connectorFromFlags(
  def: AnyCarrier,
  values: Values,
  env: NodeJS.ProcessEnv,
  retry: RetryOptions,
): Promise<{ connector: CarrierConnector; dispose(): Promise<void> }> {
  const str = (k: keyof typeof carrierFlagOptions) => (typeof values[k] === 'string' ? (values[k] as string) : undefined)
  const baseUrl = str('base-url')
  if (baseUrl !== undefined && (!/^https?:\/\/[^\s/]+/.test(baseUrl) || !URL.canParse(baseUrl))) {
    throw new AppError(ErrorCode.inputInvalid, `--base-url must be an http(s) URL, got "${baseUrl}"`)
  }
  const dataDir = str('data')
  const stationSection = dataDir ? stationSectionOf(loadConfig(dataDir).carriers, def.id) : {}
  const fileSection = str('carrier-config') ? await readJsonInput(str('carrier-config') as string, z.record(z.string(), z.unknown())) : {}
  const unknownKeys = findUnknownKeys(def.settings, fileSection)
  if (unknownKeys.length > 0) throw new AppError(ErrorCode.inputInvalid, `${str('carrier-config')}: unknown key ${describeUnknownKeys(unknownKeys)}`)
  const flagSection = def.fromFlags({
    baseUrl,
    apiKey: str('api-key') ?? env[carrierEnvName(def.id, 'apiKey')],
    username: str('username') ?? env[carrierEnvName(def.id, 'username')],
    password: str('password') ?? env[carrierEnvName(def.id, 'password')],
    customerCode: str('customer-code') ?? env[carrierEnvName(def.id, 'customerCode')],
    timeoutMs: numberFlag(str('timeout-ms'), 'timeout-ms', { positive: true, integer: true }),
  })
  const merged = mergeLayers(stationSection as Record<string, unknown>, fileSection, flagSection, { enabled: true })
  // Validated by the carrier's own schema, the one the desk's station.json schema holds, so the CLI and the desk can never disagree on a field.
  const parsed = def.settings.safeParse(merged)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || def.id}: ${i.message}`).join('; ')
    throw new AppError(ErrorCode.inputInvalid, `${def.id} settings: ${detail}`)
  }
  // PTT barcodes come from the station's own range record: the CLI uses the same database as the desk.
  const opened = def.needsDatabase ? await openDatabase(join(dataDir ?? defaultDataDir(), 'station.sqlite3')) : null
  const connector = def.connect(parsed.data, { retry, sqlite: opened ? () => opened.sqlite : undefined })
  return { connector, dispose: async () => void (await opened?.close()) }
}

/** The carrier's section of a loaded station.json (already validated), or nothing. */
function stationSectionOf(carriers: object, id: string): Record<string, unknown> {
  const section: unknown = Object.hasOwn(carriers, id) ? (carriers as Record<string, unknown>)[id] : undefined
  return typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {}
}

/** A carrier command needs an endpoint: the flag, a carrier-config file, or the station's own station.json. */
export function requireEndpoint(values: Values): void {
  if (!values['base-url'] && !values['carrier-config'] && !values.data)
    throw new AppError(ErrorCode.inputInvalid, 'missing required flag --base-url (or --carrier-config / --data)')
}

/**
 * The connector of a CLI command (`ship`, `track`, `return`), each retry announced on stderr.
 * `sameKey`: the command sends an idempotency key, and the message says it is reused.
 */
export function cliConnector(def: AnyCarrier, values: Values, io: CliIo, prefix: string, options: Readonly<{ maxAttempts: number; sameKey: boolean }>) {
  const tail = options.sameKey ? ' with the same key' : ''
  return connectorFromFlags(def, values, process.env, {
    maxAttempts: options.maxAttempts,
    onRetry: ({ attempt, delayMs, error }) => io.stderr(`${prefix}${error.code} on attempt ${attempt}, retrying in ${delayMs} ms${tail}\n`),
  })
}
