import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../../shared/errors'
import { createFileSecretBox, decryptSecrets, type SecretBox } from '../secrets/secret-box'
import { StationConfigSchema, type StationConfig } from './config.schema'

export function adminConfigPath(platform = process.platform): string {
  return platform === 'win32' ? join(process.env.ProgramData ?? 'C:\\ProgramData', 'KargoJet', 'station.json') : '/etc/kargojet/station.json'
}

function readLayer(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {}
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, `${path} is not valid JSON: ${(err as Error).message}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError(ErrorCode.inputInvalid, `${path} must hold a JSON object`)
  return raw as Record<string, unknown>
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
  const merged = decryptSecrets(mergeLayers(readLayer(adminPath), readLayer(join(dataDir, 'station.json')), overrides), () => (box ??= createFileSecretBox(dataDir)))
  const parsed = StationConfigSchema.safeParse(merged)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new AppError(ErrorCode.inputInvalid, `invalid station configuration: ${detail}`)
  }
  return parsed.data
}
