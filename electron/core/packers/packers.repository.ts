import type { Packer, PackerRole } from '../../../shared/domain/packer'
import type { DbOrTrx } from '../db/database'

export async function findPackerByBadge(db: DbOrTrx, badge: string): Promise<Packer | null> {
  const row = await db.selectFrom('packers').select(['id', 'name', 'badge', 'role']).where('badge', '=', badge).where('active', '=', 1).executeTakeFirst()
  return row ?? null
}

/** The stored PIN hash of an active badge (null: no PIN, or no such badge). Never leaves the core. */
export async function findPinHash(db: DbOrTrx, packerId: string): Promise<string | null> {
  const row = await db.selectFrom('packers').select('pin_hash').where('id', '=', packerId).executeTakeFirst()
  return row?.pin_hash ?? null
}

/** The cloud's packer record is the source of roles and PINs: a record without pinHash clears the badge's PIN. */
export async function upsertPacker(db: DbOrTrx, packer: { id: string; name: string; badge: string; role: PackerRole; pinHash?: string | null }): Promise<void> {
  const values = { id: packer.id, name: packer.name, badge: packer.badge, role: packer.role, pin_hash: packer.pinHash ?? null }
  await db
    .insertInto('packers')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: values.name, badge: values.badge, role: values.role, pin_hash: values.pin_hash }))
    .execute()
}
