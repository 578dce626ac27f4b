import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg, type NoticeRef } from '../../../shared/i18n/notice-codes'
import { createFileSecretBox, encryptSecrets, type SecretBox } from '../secrets/secret-box'
import { mergeLayers, stripBom } from './config.loader'

export const STATION_FILE = 'station.json'

function failed(message: NoticeRef, path: string, cause?: unknown): AppError {
  return new AppError(ErrorCode.settingsWriteFailed, message, { meta: { path }, cause })
}

async function readExisting(path: string): Promise<{ layer: Record<string, unknown>; mode: number } | null> {
  let text: string
  let mode: number
  try {
    ;[text, mode] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mode & 0o777)])
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw failed(msg('settings.fileUnreadable', { detail: (err as Error).message }), path, err)
  }
  let raw: unknown
  try {
    raw = JSON.parse(stripBom(text))
  } catch (err) {
    throw failed(msg('settings.fileNotJson', { detail: (err as Error).message }), path, err)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw failed(msg('settings.fileNotObject'), path)
  return { layer: raw as Record<string, unknown>, mode }
}

/**
 * Merges `patch` into the data folder's station.json (the station layer of the configuration,
 * config.loader.ts) and writes it atomically: a temp file in the same folder, fsync, rename over
 * the old one, so a crash leaves either the old file or the new one, never half of each. Other
 * keys are kept as they were; arrays in `patch` replace, as in the loader. Credential fields
 * (apiKey, password…) are encrypted on the way (secrets/secret-box.ts). A file that is not valid
 * JSON is refused untouched (`settings.writeFailed`). A new file is made readable by its owner only
 * (it may hold API keys); an existing one keeps its permissions. Resolves with the written object.
 */
export async function updateStationFile(
  dataDir: string,
  patch: Record<string, unknown>,
  options: { secretBox?: SecretBox } = {},
): Promise<Record<string, unknown>> {
  const path = join(dataDir, STATION_FILE)
  const existing = await readExisting(path)
  // Credentials are written encrypted, whoever passed them in (never in plain text at rest).
  const merged = encryptSecrets(mergeLayers(existing?.layer ?? {}, patch), options.secretBox ?? createFileSecretBox(dataDir)).value as Record<string, unknown>
  const tmp = join(dataDir, `.${STATION_FILE}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, existing?.mode ?? 0o600)
    try {
      await file.writeFile(`${JSON.stringify(merged, null, 2)}\n`, 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(tmp, path)
  } catch (err) {
    await unlink(tmp).catch(() => undefined) // may not exist if open failed; nothing else to clean
    throw failed(msg('settings.fileNotWritten', { detail: (err as Error).message }), path, err)
  }
  await syncDir(dataDir)
  return merged
}

/** Makes the rename durable (POSIX); Windows cannot open a folder for fsync, and its rename is durable enough. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(dir, constants.O_RDONLY)
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // The file is written and renamed; a folder that cannot be synced only weakens power-loss safety.
  }
}
