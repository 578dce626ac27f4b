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
