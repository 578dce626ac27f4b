import { randomUUID } from 'node:crypto'
import { packageDesi } from '../../../shared/desi'
import type { MeasuredPackage } from '../../../shared/domain/box'
import type { DbOrTrx } from '../db/database'

export async function insertPackage(db: DbOrTrx, orderId: string, p: MeasuredPackage, expectedGrams: number | null): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('packages')
    .values({
      id,
      order_id: orderId,
      package_index: p.index,
      box_code: p.boxCode,
      length_mm: p.lengthMm,
      width_mm: p.widthMm,
      height_mm: p.heightMm,
      weight_grams: p.weightGrams,
      expected_weight_grams: expectedGrams,
      desi_milli: Math.round(packageDesi(p) * 1000),
    })
    .execute()
  return id
}

/** The order's measured parcels, by index (one row per index: the first one recorded for it). */
export async function listPackages(db: DbOrTrx, orderId: string): Promise<MeasuredPackage[]> {
  const rows = await db.selectFrom('packages').selectAll().where('order_id', '=', orderId).orderBy('package_index').orderBy('created_at').execute()
  const byIndex = new Map<number, MeasuredPackage>()
  for (const r of rows) {
    if (byIndex.has(r.package_index)) continue
    byIndex.set(r.package_index, {
      index: r.package_index,
      boxCode: r.box_code,
      lengthMm: r.length_mm,
      widthMm: r.width_mm,
      heightMm: r.height_mm,
      weightGrams: r.weight_grams,
    })
  }
  return [...byIndex.values()]
}

/**
 * Records the parcels not on record yet (a parcel weighed before the last is kept at once, so a restart
 * resumes at the next parcel; a retried purchase does not record the parcels a second time).
 */
export async function insertMissingPackages(db: DbOrTrx, orderId: string, parcels: readonly MeasuredPackage[], expectedGrams: number | null): Promise<void> {
  const known = new Set((await listPackages(db, orderId)).map((p) => p.index))
  const last = parcels.at(-1)?.index
  for (const p of parcels) if (!known.has(p.index)) await insertPackage(db, orderId, p, p.index === last ? expectedGrams : null)
}

/** The open order is given back (cancel): the parcels weighed for it are forgotten with its counted items. */
export async function deletePackages(db: DbOrTrx, orderId: string): Promise<void> {
  await db.deleteFrom('packages').where('order_id', '=', orderId).execute()
}

/** Whether any shipment (live, failed or cancelled) was ever recorded for the order: its parcels then belong to a purchase. */
export async function orderHasShipment(db: DbOrTrx, orderId: string): Promise<boolean> {
  return (await db.selectFrom('shipments').select('id').where('order_id', '=', orderId).executeTakeFirst()) !== undefined
}
