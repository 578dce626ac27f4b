import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { CloudDb, CloudSchema } from './cloud.schema'
import { cloudMigrations } from './migrations'

export type CloudStore = Readonly<{ db: CloudDb; sqlite: Database.Database; close(): Promise<void> }>

/**
 * Opens the reference cloud's own SQLite store (':memory:' by default) and migrates it. It shares
 * nothing with the desk's database: the cloud is another system, emulated here.
 */
export async function openCloudStore(path = ':memory:'): Promise<CloudStore> {
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<CloudSchema>({ dialect: new SqliteDialect({ database: sqlite }) })
  // Kysely does not wrap SQLite migrations in a transaction: each `up` runs inside one here.
  const wrapped = Object.fromEntries(
    Object.entries(cloudMigrations).map(([name, m]) => [name, { up: (k: Kysely<any>) => k.transaction().execute((trx) => m.up(trx)) } satisfies Migration]),
  )
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => wrapped } }).migrateToLatest()
  if (error) {
    await db.destroy()
    throw new AppError(ErrorCode.dbMigrationFailed, `reference cloud migration failed: ${(error as Error).message}`, { cause: error })
  }
  return { db, sqlite, close: () => db.destroy() }
}
