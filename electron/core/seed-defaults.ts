import type { Db } from './db/database'
import { DEFAULT_BOXES } from '../../shared/default-boxes'
import { upsertBox } from './boxes/boxes.repository'

/** Seeds the box catalog once, on an empty database. Packers are never seeded here: they come from the cloud or demo. */
export async function seedCatalogDefaults(db: Db): Promise<void> {
  const any = await db.selectFrom('boxes').select('code').limit(1).executeTakeFirst()
  if (any) return
  for (const box of DEFAULT_BOXES) await upsertBox(db, box)
}
