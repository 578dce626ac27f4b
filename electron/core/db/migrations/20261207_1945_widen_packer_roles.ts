import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the old table as it was.

/**
 * Issue 12, users and roles: `packers.role` may also be 'manager' or 'admin', and a badge may carry a
 * PIN (`pin_hash`: scrypt, salted, as the cloud's packer record gives it; null = no PIN).
 *
 * The CHECK constraint can only change by rebuilding the table (sqlite.org/lang_altertable.html).
 * orders.packed_by references packers and foreign_keys=ON cannot be switched off inside the migration's
 * transaction, so the rows are kept aside, the table is dropped and made again under its own name with
 * the foreign-key checks deferred to commit, and the rows go back: by commit every packed_by finds its
 * packer again, which foreign_key_check confirms before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`pragma defer_foreign_keys = on`.execute(db)
  await sql`create temp table packers_keep as select id, name, badge, role, active from packers`.execute(db)
  await sql`drop table packers`.execute(db)
  await sql`create table packers (
    id text primary key,
    name text not null,
    badge text not null unique,
    role text not null check (role in ('packer','supervisor','manager','admin')),
    active integer default 1 not null,
    pin_hash text
  )`.execute(db)
  await sql`insert into packers (id, name, badge, role, active) select id, name, badge, role, active from packers_keep`.execute(db)
  await sql`drop table temp.packers_keep`.execute(db)
  const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(db)
  if (broken.rows.length > 0) throw new Error(`packers rebuild left ${broken.rows.length} row(s) with a missing packer`)
}
