import { sql } from 'kysely'
import type { ShipmentSearchHit } from '../../../shared/contract/views'
import { normalizeTrPhone } from '../../../shared/domain/address'
import type { DbOrTrx } from '../db/database'

/** How many hits the desk lists: a short list to pick from by arrow keys, not a report. */
export const SEARCH_LIMIT = 10

/**
 * The FTS5 match expression for what the packer typed or scanned: every word as a prefix, all required.
 * ı and İ fold to i as the index does (migration 20261207_2030); unicode61 folds the rest ("IŞIK" ~ "ışık").
 * A phone number written any common way ("0532 123 45 67", "+90 532…") is searched as its ten digits.
 * Null when nothing searchable is left.
 */
export function searchMatch(query: string): string | null {
  const text = query.trim()
  const phone = /^[\d\s()+.-]+$/.test(text) ? normalizeTrPhone(text) : null
  const words = (phone ? [phone] : text.replace(/[ıİ]/g, 'i').split(/\s+/)).map((w) => w.replace(/"/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w))
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ')
}

type HitRow = {
  order_id: string
  order_number: string
  order_barcode: string
  order_status: string
  recipient_name: string | null
  shipment_id: string | null
  tracking_number: string | null
  shipment_status: string | null
  service_code: string | null
  carrier_id: string | null
}

/**
 * Orders and their shipments by order number, barcode, tracking number, recipient name or phone, newest
 * order first. Each order comes with its live shipment, or else its newest one (null: never labelled).
 * Newest first, not bm25: ranking would score every match ("mehmet" matches thousands of orders; 50 ms
 * at 200,000 orders) where rowid order lets FTS5 stop after ten; a scanned number matches one order anyway.
 */
export async function searchShipments(db: DbOrTrx, query: string, carrierNames: ReadonlyMap<string, string>): Promise<ShipmentSearchHit[]> {
  const match = searchMatch(query)
  if (!match) return []
  const { rows } = await sql<HitRow>`
    with hits as (select rowid, order_id from order_search where order_search match ${match} order by rowid desc limit ${SEARCH_LIMIT})
    select o.id as order_id, o.order_number, o.barcode as order_barcode, o.status as order_status,
      json_extract(o.recipient_json, '$.name') as recipient_name,
      s.id as shipment_id, s.tracking_number, s.status as shipment_status, s.service_code, s.carrier_id
    from hits h
    join orders o on o.id = h.order_id
    left join shipments s on s.id = (
      select id from shipments where order_id = o.id
      order by case when status in ('purchasing', 'purchased') then 0 else 1 end, created_at desc, rowid desc limit 1)
    order by h.rowid desc`.execute(db)
  return rows.map((r) => ({
    orderId: r.order_id,
    orderNumber: r.order_number,
    orderBarcode: r.order_barcode,
    orderStatus: r.order_status,
    recipientName: r.recipient_name ?? '',
    shipmentId: r.shipment_id,
    trackingNumber: r.tracking_number,
    shipmentStatus: r.shipment_status,
    carrierName: r.service_code ? (carrierNames.get(r.service_code) ?? r.carrier_id) : null,
  }))
}
