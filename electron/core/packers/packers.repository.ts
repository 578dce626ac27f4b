import type { Packer, PackerRole } from '../../../shared/domain/packer'
import type { DbOrTrx } from '../db/database'

export async function findPackerByBadge(db: DbOrTrx, badge: string): Promise<Packer | null> {
  const row = await db.selectFrom('packers').select(['id', 'name', 'badge', 'role']).where('badge', '=', badge).where('active', '=', 1).executeTakeFirst()
  return row ?? null
}

export async function upsertPacker(db: DbOrTrx, packer: { id: string; name: string; badge: string; role: PackerRole }): Promise<void> {
  await db
    .insertInto('packers')
    .values(packer)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: packer.name, badge: packer.badge, role: packer.role }))
    .execute()
}
