import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Insertable, Migration } from 'kysely'
import { afterEach, beforeEach } from 'vitest'
import { openDatabase, type DbOrTrx, type OpenedDatabase } from '../../electron/core/db/database'
import { migrations } from '../../electron/core/db/migrations'
import type { OrdersTable, ShipmentsTable } from '../../electron/core/db/schema'

/** Every migration before `name`, in order: the database as the release before that migration left it. */
export function migrationsBefore(name: string): Record<string, Migration> {
  return migrationsUntil(name, 0)
}

/** Every migration up to and including `name`, in order: the database as that migration left it. */
export function migrationsThrough(name: string): Record<string, Migration> {
  return migrationsUntil(name, 1)
}

function migrationsUntil(name: string, andIt: 0 | 1): Record<string, Migration> {
  const names = Object.keys(migrations)
  const at = names.indexOf(name)
  if (at < 0) throw new Error(`no migration named "${name}" (known: ${names.join(', ')})`)
  return Object.fromEntries(names.slice(0, at + andIt).map((n) => [n, migrations[n]!]))
}

export type StationFile = Readonly<{
  /** station.sqlite3 in this test's own temp folder. */
  path: string
  /** Opens the file with the migrations before `name` only (the caller closes it). */
  openBefore(name: string): Promise<OpenedDatabase>
  /** Opens the file with every migration; closed after the test. */
  open(): Promise<OpenedDatabase>
  /** The orders written by the release before migration `name`, then the file opened with every migration (as `open`). */
  migrateOrders(name: string, orders: readonly Insertable<OrdersTable>[]): Promise<OpenedDatabase>
}>

/** A station file in a fresh temp folder for each test; after it, what `open` opened is closed and the folder removed. */
export function stationFileEachTest(prefix: string): StationFile {
  let dir: string | null = null
  let opened: OpenedDatabase | null = null
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await opened?.close()
    opened = null
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = null
  })
  const path = () => join(dir ?? failOutsideTest('stationFileEachTest'), 'station.sqlite3')
  return {
    get path() {
      return path()
    },
    openBefore: (name) => openDatabase(path(), { migrations: migrationsBefore(name) }),
    open: async () => {
      if (opened) throw new Error('stationFileEachTest: open() once per test (the database it gave is still open)')
      return (opened = await openDatabase(path()))
    },
    migrateOrders: async (name, orders) => {
      const old = await openDatabase(path(), { migrations: migrationsBefore(name) })
      await old.db
        .insertInto('orders')
        .values([...orders])
        .execute()
      await old.close()
      if (opened) throw new Error('stationFileEachTest: open() once per test (the database it gave is still open)')
      return (opened = await openDatabase(path()))
    },
  }
}

/** A fresh in-memory station database (every migration) for each test, closed after it: call the result inside a test. */
export function memoryStationEachTest(): () => OpenedDatabase {
  let opened: OpenedDatabase | null = null
  beforeEach(async () => {
    opened = await openDatabase(':memory:')
  })
  afterEach(async () => {
    await opened?.close()
    opened = null
  })
  return () => opened ?? failOutsideTest('memoryStationEachTest')
}

function failOutsideTest(fixture: string): never {
  throw new Error(`${fixture}: the database exists only inside a test`)
}

/** An orders row: what a test names, and no marketplace, COD, mandated carrier, marketplace label or packer otherwise. */
export function orderRow(
  order: Pick<Insertable<OrdersTable>, 'id' | 'order_number' | 'barcode' | 'status'> & Partial<Insertable<OrdersTable>>,
): Insertable<OrdersTable> {
  return {
    marketplace: null,
    recipient_json: '{}',
    cod_amount_kurus: null,
    mandated_carrier_id: null,
    marketplace_label_zpl: null,
    packed_by: null,
    packed_at: null,
    ...order,
  }
}

/**
 * A bought shipment `id` of `carrierId` and its own packed order `o-<id>`, as the purchaser leaves them (service 'S',
 * key `k-<id>`, reference `id`); `fields` set any other column (carrier ids, tracking number, status, created_at…).
 */
export async function insertShipmentWithOrder(db: DbOrTrx, id: string, carrierId: string, fields: Partial<Insertable<ShipmentsTable>> = {}): Promise<void> {
  await db
    .insertInto('orders')
    .values(orderRow({ id: `o-${id}`, order_number: `SIP-${id}`, barcode: `B${id}`, status: 'packed' }))
    .execute()
  await db
    .insertInto('shipments')
    .values({
      id,
      order_id: `o-${id}`,
      carrier_id: carrierId,
      service_code: 'S',
      status: 'purchased',
      idempotency_key: `k-${id}`,
      reference_no: id,
      request_json: '{}',
      ...fields,
    })
    .execute()
}
