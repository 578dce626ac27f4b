import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the table as it was.

/**
 * Multi-package orders (issue 12): how many parcels the cloud says the order ships in. Every order known
 * before ships in one, as the desk always packed it; the packer may still add parcels at the desk (KJNEXTPKG).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table orders add column parcel_count integer not null default 1 check (parcel_count between 1 and 99)`.execute(db)
}
