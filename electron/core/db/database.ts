import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Kysely, Migrator, SqliteDialect, type Migration, type Transaction } from 'kysely'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { assertDatabaseIntact } from './database.check'
import { migrations as appMigrations } from './migrations'
import type { Schema } from './schema'

export type Db = Kysely<Schema>
export type DbOrTrx = Kysely<Schema> | Transaction<Schema>

export type OpenedDatabase = Readonly<{
  db: Db
  sqlite: Database.Database
  path: string
  /** Path of the backup taken before migrating an existing file, if one was taken. */
  backupPath: string | null
  close(): Promise<void>
}>

/**
 * Opens (or creates) the station database: WAL, foreign keys, busy timeout and
 * synchronous=FULL (shipment purchases and outbox rows must survive power loss),
 * then migrates it. A file written by a newer app version, or one that fails `PRAGMA quick_check`
 * (`db.corrupt`, database.check.ts), is refused untouched.
 */
export async function openDatabase(
  path: string,
  options: { now?: () => Date; /** Tests only: another migration list. */ migrations?: Record<string, Migration> } = {},
): Promise<OpenedDatabase> {
  const isMemory = path === ':memory:'
  const existed = !isMemory && existsSync(path)
  if (!isMemory) mkdirSync(dirname(path), { recursive: true })
  // Before anything writes (WAL mode, migrations, backups): a damaged file is refused untouched.
  if (existed) assertDatabaseIntact(path)
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = FULL')
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    const backupPath = await migrateToLatest(db, sqlite, existed ? path : null, options.now ?? (() => new Date()), options.migrations ?? appMigrations)
    return {
      db,
      sqlite,
      path,
      backupPath,
      close: async () => {
        await db.destroy()
      },
    }
  } catch (err) {
    await db.destroy()
    throw err
  }
}

async function appliedMigrationNames(sqlite: Database.Database): Promise<string[]> {
  const table = sqlite.prepare(`select name from sqlite_master where type='table' and name='kysely_migration'`).get()
  if (!table) return []
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
}

/** Wraps each migration in a transaction: Kysely does not for SQLite (no transactional DDL flag). */
function transactional(all: Record<string, Migration>): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(all).map(([name, m]) => [name, { up: (db: Kysely<any>) => db.transaction().execute((trx) => m.up(trx)) } satisfies Migration]),
  )
}

async function migrateToLatest(
  db: Db,
  sqlite: Database.Database,
  existingPath: string | null,
  now: () => Date,
  migrations: Record<string, Migration>,
): Promise<string | null> {
  const applied = await appliedMigrationNames(sqlite)
  const unknown = applied.filter((name) => !(name in migrations))
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.dbFromNewerVersion, msg('db.fromNewerVersion'), { meta: { unknown } })
  }
  const pending = Object.keys(migrations).filter((name) => !applied.includes(name))
  let backupPath: string | null = null
  if (existingPath && applied.length > 0 && pending.length > 0) {
    backupPath = join(dirname(existingPath), `backup-before-${pending[0]}-${now().toISOString().replace(/[:.]/g, '-')}.sqlite3`)
    await sqlite.backup(backupPath)
  }
  if (pending.length === 0) return null
  const migrator = new Migrator({ db, provider: { getMigrations: async () => transactional(migrations) } })
  const { error } = await migrator.migrateToLatest()
  if (error) throw new AppError(ErrorCode.dbMigrationFailed, `database migration failed: ${(error as Error).message}`, { cause: error })
  return backupPath
}
