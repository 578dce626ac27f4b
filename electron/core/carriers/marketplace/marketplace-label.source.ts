import type { Db } from '../../db/database'
import type { MarketplaceLabelSource } from './marketplace-label.connector'

/** The marketplace labels the station database keeps with their orders (orders.marketplace_label_zpl, from the cloud). */
export function storedMarketplaceLabels(db: Db): MarketplaceLabelSource {
  return async (orderNumber) => {
    const row = await db.selectFrom('orders').select(['marketplace_label_zpl', 'marketplace']).where('order_number', '=', orderNumber).executeTakeFirst()
    return row?.marketplace_label_zpl ? { zpl: row.marketplace_label_zpl, marketplace: row.marketplace } : null
  }
}
