import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../../shared/errors'
import { createFileSecretBox, decryptSecrets, type SecretBox } from '../secrets/secret-box'
import { StationConfigSchema, type StationConfig } from './config.schema'
import { describeUnknownKeys, findUnknownKeys } from './config.unknown-keys'

export function adminConfigPath(platform = process.platform): string {
  return platform === 'win32' ? join(process.env.ProgramData ?? 'C:\\ProgramData', 'KargoJet', 'station.json') : '/etc/kargojet/station.json'
}

function readLayer(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {}
  let raw: unknown
  try {
    raw = JSON.parse(stripBom(readFileSync(path, 'utf8')))
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, `${path} is not valid JSON: ${(err as Error).message}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError(ErrorCode.inputInvalid, `${path} must hold a JSON object`)
  return raw as Record<string, unknown>
}

/** Windows Notepad saves UTF-8 with a byte-order mark; JSON.parse refuses it, so it is dropped first. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Unknown keys are errors, not silently ignored: a typo (`printer.urii`) must not start the desk on defaults. */
function refuseUnknownKeys(layer: Record<string, unknown>, source: string): void {
  const unknown = findUnknownKeys(StationConfigSchema, layer)
  if (unknown.length > 0)
    throw new AppError(ErrorCode.inputInvalid, `invalid station configuration: unknown key in ${source}: ${describeUnknownKeys(unknown)}`, {
      meta: { source, unknown },
    })
}

/** The longest timer Node keeps (2^31 − 1 ms, 24.8 days); a longer one fires after 1 ms instead. */
export const MAX_TIMER_MS = 2_147_483_647

/** Durations (keys ending in `Ms`, the unit-in-name convention) beyond MAX_TIMER_MS, with their paths. */
function overflowingDurations(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => overflowingDurations(v, [...path, String(i)]))
  if (!isPlainObject(value)) return []
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === 'number' && k.endsWith('Ms') && v > MAX_TIMER_MS ? [[...path, k].join('.')] : overflowingDurations(v, [...path, k]),
  )
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Deep merge where later layers win; arrays are replaced, not concatenated. */
export function mergeLayers(...layers: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergeLayers(out[k] as Record<string, unknown>, v) : v
    }
  }
  return out
}

/**
 * Loads defaults < admin file < station file in the data folder < overrides, validated as a whole.
 * A key the schema does not know is an error naming the file and the key (with a near miss
 * suggested); a UTF-8 byte-order mark at the start of a file is accepted.
 * Encrypted credentials ("enc:…", see secrets/secret-box.ts) are opened with `secretBox` (the
 * Electron shell passes its safeStorage box; default: the data folder's key file).
 */
export function loadConfig(
  dataDir: string,
  overrides: Record<string, unknown> = {},
  adminPath = adminConfigPath(),
  options: { secretBox?: SecretBox } = {},
): StationConfig {
  let box: SecretBox | null = options.secretBox ?? null
  const stationPath = join(dataDir, 'station.json')
  const layers = [
    { layer: readLayer(adminPath), source: adminPath },
    { layer: readLayer(stationPath), source: stationPath },
    { layer: overrides, source: 'overrides (command line / demo)' },
  ]
  for (const { layer, source } of layers) refuseUnknownKeys(layer, source)
  const merged = decryptSecrets(mergeLayers(...layers.map((l) => l.layer)), () => (box ??= createFileSecretBox(dataDir)))
  const parsed = StationConfigSchema.safeParse(merged)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new AppError(ErrorCode.inputInvalid, `invalid station configuration: ${detail}`)
  }
  const overflow = overflowingDurations(parsed.data)
  if (overflow.length > 0)
    throw new AppError(
      ErrorCode.inputInvalid,
      `invalid station configuration: ${overflow.join(', ')}: must be a finite number ≤ ${MAX_TIMER_MS} ms (24.8 days)`,
    )
  return parsed.data
}
