import { msg } from '../../../../shared/i18n/notice-codes'
import { noticeBilingual } from '../../../../shared/i18n/notice-text'
import type { QuoteOption } from '../../../../shared/rates'
import { MARKETPLACE_CARRIER_ID } from './marketplace-label.connector'

const WHY = msg('rates.marketplaceLabel')

/**
 * The "quote" of an order whose label came from its marketplace: nothing to shop, no price on our
 * side; shown on the desk like any choice, with the reason.
 */
export function marketplaceChoice(marketplace: string | null, band: number): QuoteOption {
  const name = `${marketplace ?? 'Pazaryeri'} etiketi`
  return {
    carrierId: MARKETPLACE_CARRIER_ID,
    serviceCode: MARKETPLACE_CARRIER_ID,
    name,
    contract: 'platform',
    eligible: true,
    priceKurus: null,
    band,
    transitDays: 0,
    reason: noticeBilingual(WHY),
    reasonNotice: WHY,
  }
}
