import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the old tables as they were.

/**
 * Issue 12, shipment search: one FTS5 row per order (rowid = orders.rowid) holding what a packer types
 * or scans to find it: order number and barcode, recipient name, phone (as stored and as its last ten
 * digits), and the tracking numbers and label barcodes of all its shipments. Triggers keep it in step;
 * existing orders are indexed here.
 *
 * Turkish case folding: unicode61 folds case and (remove_diacritics 2) drops ş ğ ç ö ü to s g c o u, but
 * dotless ı and dotted İ are letters of their own to it, so both are folded to i before indexing (the
 * search query is folded the same way): "ışık", "IŞIK" and "isik" are one word here.
 */
const fold = (expr: string): string => `replace(replace(${expr}, 'ı', 'i'), 'İ', 'i')`

const phone = `coalesce(json_extract(o.recipient_json, '$.phone'), '')`
const digits = `replace(replace(replace(replace(replace(replace(${phone}, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`

const terms = fold(`o.order_number || ' ' || o.barcode || ' ' || coalesce(json_extract(o.recipient_json, '$.name'), '') || ' ' || ${phone}
  || ' ' || substr(${digits}, -10)
  || ' ' || coalesce((select group_concat(coalesce(s.tracking_number, '') || ' ' || coalesce(s.barcode, ''), ' ') from shipments s where s.order_id = o.id), '')`)

/** Re-indexes the order whose id is `orderId` (an expression such as new.order_id). */
const reindex = (orderId: string): string => `
  delete from order_search where rowid = (select rowid from orders where id = ${orderId});
  insert into order_search (rowid, order_id, terms) select o.rowid, o.id, ${terms} from orders o where o.id = ${orderId};`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create virtual table order_search using fts5(order_id unindexed, terms, tokenize = 'unicode61 remove_diacritics 2')`.execute(db)
  await sql.raw(`insert into order_search (rowid, order_id, terms) select o.rowid, o.id, ${terms} from orders o`).execute(db)
  await sql.raw(`create trigger order_search_order_insert after insert on orders begin ${reindex('new.id')} end`).execute(db)
  await sql
    .raw(
      `create trigger order_search_order_update after update of order_number, barcode, recipient_json on orders begin
    delete from order_search where rowid = old.rowid; ${reindex('new.id')} end`,
    )
    .execute(db)
  await sql.raw(`create trigger order_search_order_delete after delete on orders begin delete from order_search where rowid = old.rowid; end`).execute(db)
  await sql.raw(`create trigger order_search_shipment_insert after insert on shipments begin ${reindex('new.order_id')} end`).execute(db)
  await sql
    .raw(
      `create trigger order_search_shipment_update after update of tracking_number, barcode, order_id on shipments begin
    ${reindex('old.order_id')} ${reindex('new.order_id')} end`,
    )
    .execute(db)
  await sql.raw(`create trigger order_search_shipment_delete after delete on shipments begin ${reindex('old.order_id')} end`).execute(db)
}
