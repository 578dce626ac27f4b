import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the table as it was.

/**
 * One price (docs/carriers.md "Where prices come from"): `shipments.cost_kurus` becomes the desk's price, the rate-card price the
 * packer saw in the comparison (quoted_kurus, or the carrier's figure when no card priced it, as for
 * a marketplace label); the carrier's own figure moves to the new `charged_kurus`, so a difference
 * between the two is kept and shown instead of silently replacing the price.
 *
 * Rows bought before this migration stored the carrier's figure in cost_kurus: it moves to
 * charged_kurus and cost_kurus takes the quoted price (SQLite evaluates every SET expression on the
 * old row, sqlite.org/lang_update.html). Rows still purchasing have neither yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table shipments add column charged_kurus integer`.execute(db)
  await sql`update shipments set charged_kurus = cost_kurus, cost_kurus = coalesce(quoted_kurus, cost_kurus) where status in ('purchased', 'cancelled')`.execute(
    db,
  )
}
