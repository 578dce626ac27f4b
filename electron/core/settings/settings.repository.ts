import type { DbOrTrx } from '../db/database'

export async function getSetting<T>(db: DbOrTrx, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst()
  return row ? (JSON.parse(row.value_json) as T) : null
}

export async function setSetting(db: DbOrTrx, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value)
  await db
    .insertInto('settings')
    .values({ key, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: new Date().toISOString() }))
    .execute()
}
