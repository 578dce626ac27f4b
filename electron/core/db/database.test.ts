import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { migrations } from './migrations'
import { openDatabase } from './database'
import { orderRow } from '../../../tests/support/station-db'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-db-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('openDatabase', () => {
  it('creates every table with WAL, foreign keys and FULL sync', async () => {
    const { db, sqlite, close } = await openDatabase(join(dir, 's.sqlite3'))
    const tables = (
      sqlite.prepare(`select name from sqlite_master where type='table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`).all() as {
        name: string
      }[]
    ).map((r) => r.name)
    expect(tables.filter((t) => !t.startsWith('order_search'))).toEqual([
      'audit_log',
      'boxes',
      'carrier_exchanges',
      'carrier_key_allocations',
      'desk_exceptions',
      'order_lines',
      'orders',
      'outbox',
      'packages',
      'packers',
      'print_jobs',
      'returns',
      'settings',
      'shipments',
      'tracking_events',
    ])
    // The FTS5 search index (migration 20261207_2030_create_search_index) and its shadow tables.
    expect(tables.filter((t) => t.startsWith('order_search'))).toEqual([
      'order_search',
      'order_search_config',
      'order_search_content',
      'order_search_data',
      'order_search_docsize',
      'order_search_idx',
    ])
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect((await sql<{ ok: string }>`pragma integrity_check`.execute(db)).rows[0]).toEqual({ integrity_check: 'ok' })
    await close()
  })

  it('refuses a second live shipment for the same order at the database level', async () => {
    const { db, close } = await openDatabase(join(dir, 's.sqlite3'))
    await db
      .insertInto('orders')
      .values(orderRow({ id: 'o', order_number: 'S-1', barcode: 'B1', status: 'open' }))
      .execute()
    const ship = (id: string, status: 'purchasing' | 'failed') =>
      db
        .insertInto('shipments')
        .values({
          id,
          order_id: 'o',
          carrier_id: 'c',
          service_code: 's',
          status,
          idempotency_key: `k-${id}`,
          reference_no: 'r',
          request_json: '{}',
        })
        .execute()
    await ship('a', 'failed')
    await ship('b', 'purchasing')
    await expect(ship('c', 'purchasing')).rejects.toThrow(/UNIQUE/)
    await close()
  })

  it('refuses a file written by a newer version and leaves it untouched', async () => {
    const path = join(dir, 's.sqlite3')
    const first = await openDatabase(path)
    first.sqlite.prepare(`insert into kysely_migration (name, timestamp) values ('29990101_0000_future_change', '2999-01-01T00:00:00Z')`).run()
    await first.close()
    const before = readFileSync(path)
    await expect(openDatabase(path)).rejects.toMatchObject({ code: ErrorCode.dbFromNewerVersion })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('backs up an existing file before migrating it, and runs each migration in a transaction', async () => {
    const path = join(dir, 's.sqlite3')
    await (await openDatabase(path)).close()
    const broken: Migration = {
      up: async (db: Kysely<any>) => {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute()
        throw new Error('boom in the middle')
      },
    }
    const next = { ...migrations, '20991231_0000_add_broken': broken }
    await expect(openDatabase(path, { migrations: next, now: () => new Date('2026-11-25T10:00:00Z') })).rejects.toMatchObject({
      code: ErrorCode.dbMigrationFailed,
    })
    const backups = (await import('node:fs')).readdirSync(dir).filter((f) => f.startsWith('backup-before-20991231_0000_add_broken'))
    expect(backups).toHaveLength(1)
    const raw = new Database(path, { readonly: true })
    // The failed migration left nothing behind: its table creation was rolled back with it.
    expect(raw.prepare(`select name from sqlite_master where name='half_done'`).get()).toBeUndefined()
    raw.close()
    expect(existsSync(join(dir, backups[0]!))).toBe(true)
  })
})
