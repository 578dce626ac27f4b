import type { Box } from '../../../shared/domain/box'
import type { DbOrTrx } from '../db/database'

function toBox(r: { code: string; name: string; length_mm: number; width_mm: number; height_mm: number; tare_grams: number }): Box {
  return { code: r.code, name: r.name, lengthMm: r.length_mm, widthMm: r.width_mm, heightMm: r.height_mm, tareGrams: r.tare_grams }
}

export async function listBoxes(db: DbOrTrx): Promise<Box[]> {
  const rows = await db.selectFrom('boxes').selectAll().where('active', '=', 1).orderBy('length_mm').execute()
  return rows.map(toBox)
}

/** Box codes are matched case-insensitively: scanners in caps-lock or a Turkish layout vary the case. */
export async function findBox(db: DbOrTrx, code: string): Promise<Box | null> {
  const row = await db.selectFrom('boxes').selectAll().where('code', '=', code.toUpperCase()).where('active', '=', 1).executeTakeFirst()
  return row ? toBox(row) : null
}

export async function upsertBox(db: DbOrTrx, box: Box): Promise<void> {
  const values = {
    code: box.code.toUpperCase(),
    name: box.name,
    length_mm: box.lengthMm,
    width_mm: box.widthMm,
    height_mm: box.heightMm,
    tare_grams: box.tareGrams,
  }
  await db
    .insertInto('boxes')
    .values(values)
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .execute()
}
