import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the database as it was.

/**
 * Issue 12, the exceptions queue: every order that could not finish at the desk (unresolved address,
 * carrier refused or down, weight out of tolerance, printer fault, sync conflict between two desks) is a
 * row here until someone acts on it. `kind` says which actions apply, `code` is the error that stopped
 * it, `detail_json` the facts shown (and, for a sync conflict, both desks' facts). One open row per
 * order and kind: the same stop seen again updates it. A resolved row keeps who settled it, how and when.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table desk_exceptions (
    id text primary key,
    order_id text not null references orders(id),
    kind text not null check (kind in ('address','carrier','weight','printer','syncConflict')),
    code text not null,
    status text not null default 'open' check (status in ('open','resolved')),
    detail_json text not null default '{}',
    opened_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    resolved_at text,
    resolved_by text,
    resolution text
  )`.execute(db)
  await sql`create unique index desk_exceptions_one_open on desk_exceptions(order_id, kind) where status = 'open'`.execute(db)
  await sql`create index desk_exceptions_status on desk_exceptions(status, opened_at)`.execute(db)
}
