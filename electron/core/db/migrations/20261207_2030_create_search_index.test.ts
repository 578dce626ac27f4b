import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../database'
import { migrations } from './index'

let dir: string
let path: string
let opened: OpenedDatabase | null = null
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-mig-search-'))
  path = join(dir, 'station.sqlite3')
})
afterEach(async () => {
  await opened?.close()
  opened = null
  rmSync(dir, { recursive: true, force: true })
})

const NAME = '20261207_2030_create_search_index'

function before(): Record<string, Migration> {
  const names = Object.keys(migrations)
  return Object.fromEntries(names.slice(0, names.indexOf(NAME)).map((n) => [n, migrations[n]!]))
}

describe(NAME, () => {
  it('indexes the orders and shipments already there (backfill)', async () => {
    const old = await openDatabase(path, { migrations: before() })
    await old.db
      .insertInto('orders')
      .values({
        id: 'o1',
        order_number: 'SIP-1',
        barcode: 'KJ1',
        marketplace: null,
        status: 'packed',
        recipient_json: JSON.stringify({ name: 'IŞIK Yılmaz', phone: '0532 123 45 67' }),
        cod_amount_kurus: null,
        mandated_carrier_id: null,
        marketplace_label_zpl: null,
        packed_by: null,
        packed_at: null,
      })
      .execute()
    await old.db
      .insertInto('shipments')
      .values({
        id: 's1',
        order_id: 'o1',
        carrier_id: 'aras',
        service_code: 'aras:std',
        status: 'purchased',
        idempotency_key: 'k1',
        reference_no: 'r1',
        request_json: '{}',
        tracking_number: '4455667788',
        barcode: null,
      })
      .execute()
    await old.close()

    opened = await openDatabase(path)
    const find = (q: string) => opened!.sqlite.prepare(`select order_id from order_search where order_search match ?`).all(q)
    expect(find('"isik"')).toEqual([{ order_id: 'o1' }])
    expect(find('"yilmaz"')).toEqual([{ order_id: 'o1' }])
    expect(find('"5321234567"')).toEqual([{ order_id: 'o1' }])
    expect(find('"4455667788"')).toEqual([{ order_id: 'o1' }])
    expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
