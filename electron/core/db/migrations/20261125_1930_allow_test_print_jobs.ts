import type { Kysely } from 'kysely'
import { rebuildPrintJobs } from './print-jobs-rebuild'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the old table as it was.

/**
 * A test label (settings → "print test label") belongs to no order: `print_jobs.order_id` becomes
 * nullable, and only for kind 'test' — labels and reprints still need their order.
 *
 * SQLite cannot drop NOT NULL in place, so the table is rebuilt the documented way (print-jobs-rebuild.ts).
 * No other table references print_jobs, so the rebuild is safe with foreign_keys=ON (which cannot be
 * switched off inside the migration's transaction anyway).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuildPrintJobs(db, `'label','reprint','test'`)
}
