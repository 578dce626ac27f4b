import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../electron/core/db/database'
import { findOrderByCode } from '../electron/core/orders/orders.repository'
import { summarize } from './stats'

/** Order lookup by scanned code with 200,000 orders (2 lines each) in a real SQLite file. */
export async function benchOrderLookup(orderCount = 200_000, lookups = 5_000) {
  const dir = mkdtempSync(join(tmpdir(), 'kj-bench-'))
  const { db, sqlite, close } = await openDatabase(join(dir, 'station.sqlite3'))
  const insertOrder = sqlite.prepare(
    `insert into orders (id, order_number, barcode, marketplace, status, recipient_json, cod_amount_kurus, mandated_carrier_id) values (?, ?, ?, 'Trendyol', 'open', ?, null, null)`,
  )
  const insertLine = sqlite.prepare(
    `insert into order_lines (id, order_id, line_no, sku, gtin, name, quantity, unit_weight_grams) values (?, ?, ?, ?, ?, ?, 1, 300)`,
  )
  const recipient = JSON.stringify({
    name: 'Ayşe Yıldız',
    address: 'Moda Caddesi No:18',
    district: 'Kadıköy',
    city: 'İstanbul',
    postalCode: '34710',
    phone: '+905321112233',
  })
  const seed = sqlite.transaction(() => {
    for (let i = 0; i < orderCount; i++) {
      insertOrder.run(`o${i}`, `SIP-${i}`, `KJ${1_000_000 + i}`, recipient)
      insertLine.run(`l${i}a`, `o${i}`, 1, `SKU-${i % 500}`, null, 'Ürün A')
      insertLine.run(`l${i}b`, `o${i}`, 2, `SKU-${(i + 7) % 500}`, null, 'Ürün B')
    }
  })
  seed()
  const samples: number[] = []
  for (let i = 0; i < lookups; i++) {
    const n = Math.floor(Math.random() * orderCount)
    // Alternate the two kinds of code a packer scans: the order barcode and the order number.
    const code = i % 2 === 0 ? `KJ${1_000_000 + n}` : `SIP-${n}`
    const t0 = performance.now()
    const order = await findOrderByCode(db, code)
    samples.push(performance.now() - t0)
    if (order?.lines.length !== 2) throw new Error(`lookup of ${code} failed`)
  }
  await close()
  rmSync(dir, { recursive: true, force: true })
  return summarize(samples.slice(100)) // first 100 warm the statement cache
}
