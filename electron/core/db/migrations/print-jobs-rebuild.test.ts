import { createHash } from 'node:crypto'
import { Kysely, SqliteDialect } from 'kysely'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../database'
import { rebuildPrintJobs } from './print-jobs-rebuild'
import { migrationsThrough } from '../../../../tests/support/station-db'

describe('rebuildPrintJobs (frozen: the SQL of migrations 20261125_1930 and 20261126_0100)', () => {
  // SHA-256 of the print_jobs table SQL each migration left in sqlite_master when it still wrote the rebuild itself.
  it.each([
    ['20261125_1930_allow_test_print_jobs', 'f8e0fbb512f925e657d8680edf1fc0c06321822fe5f79d38641fce07b6d9748e'],
    ['20261126_0100_returns_and_item_sizes', '24cf4352a38dc39cd82efa3700d404b7dea2f0a07d257cc71496380e2d2fba77'],
  ])('%s leaves print_jobs byte for byte as it shipped', async (name, sha256) => {
    const opened = await openDatabase(':memory:', { migrations: migrationsThrough(name) })
    const { sql } = opened.sqlite.prepare(`select sql from sqlite_master where type = 'table' and name = 'print_jobs'`).get() as { sql: string }
    await opened.close()
    expect(createHash('sha256').update(sql).digest('hex')).toBe(sha256)
  })

  it('refuses kinds that are not a quoted list, before touching the table', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
    await expect(rebuildPrintJobs(db, "'label'); drop table orders; --")).rejects.toThrow(/kinds must be a quoted list/)
    await expect(rebuildPrintJobs(db, 'label,test')).rejects.toThrow(/kinds must be a quoted list/)
    await db.destroy()
  })
})
