import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { STATION_FILE, updateStationFile } from '../../core/config/station-file.writer'
import { KEY_FILE } from '../../core/secrets/secret-box'
import { parseFlags } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'
import { defaultDataDir } from '../data-dir'

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { data: { type: 'string' } })
  const dataDir = values.data ?? defaultDataDir()
  const path = join(dataDir, STATION_FILE)
  const before = await readFile(path, 'utf8').catch(() => null)
  if (before === null) {
    io.stdout(`${path}: no such file, nothing to encrypt`)
    return 0
  }
  await updateStationFile(dataDir, {})
  const after = await readFile(path, 'utf8')
  io.stdout(before === after ? `${path}: no plain-text credentials found` : `${path}: credentials encrypted with ${join(dataDir, KEY_FILE)}`)
  return 0
}

export const secretsEncryptCommand: CliCommand = {
  name: 'secrets encrypt',
  summary: "Encrypt plain-text credentials in the data folder's station.json",
  usage:
    'station secrets encrypt [--data DIR]\n' +
    '  Rewrites station.json (atomically) with every credential field (apiKey, password, secret, token, şifre…)\n' +
    '  encrypted as "enc:v1:…" under the data folder\'s secret.key (created, mode 0600). The desk opens them at start.\n' +
    '  DIR defaults to the station data folder (KARGOJET_DATA_DIR or the OS app-data folder).',
  run,
}
