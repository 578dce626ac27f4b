import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../shared/errors'
import { INSTANCE_LOCK_FILE } from '../core/instance-lock'

/** The file demo mode writes into its data folder: only a folder holding it may be wiped by `--reset`. */
export const DEMO_MARKER_FILE = '.kargojet-demo'

/**
 * Demo mode calls this on every start: a folder the demo starts fresh (no desk database yet) is marked as a
 * demo folder. A folder that already holds a desk database without the marker is left unmarked: it may be
 * a real desk started with --demo once, and --reset must never wipe it.
 */
export function markDemoFolder(dataDir: string): void {
  const marker = join(dataDir, DEMO_MARKER_FILE)
  if (!existsSync(marker) && !existsSync(join(dataDir, 'station.sqlite3')))
    writeFileSync(marker, 'KargoJet Station demo data: `station serve --demo --reset` may wipe this folder.\n')
}

/**
 * `station serve --demo --reset`: empties a demo data folder (its desk database, the demo cloud's store,
 * printed labels) so the next start seeds the demo afresh. A folder without the demo marker holds real
 * work (or is someone's other folder) and is refused, naming why; an empty or missing folder is fine.
 * The caller holds the folder's instance lock, which stays.
 */
export function resetDemoFolder(dataDir: string): number {
  if (!existsSync(dataDir)) return 0
  const entries = readdirSync(dataDir).filter((name) => name !== INSTANCE_LOCK_FILE)
  if (entries.length === 0) return 0
  if (!entries.includes(DEMO_MARKER_FILE)) {
    throw new AppError(
      ErrorCode.inputInvalid,
      `--reset refused: ${dataDir} is not a demo folder (no ${DEMO_MARKER_FILE} marker); it may hold real work, so nothing was deleted`,
    )
  }
  for (const name of entries) rmSync(join(dataDir, name), { recursive: true, force: true })
  return entries.length
}
