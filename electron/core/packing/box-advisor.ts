import type { BoxSuggestionView } from '../../../shared/contract/views'
import type { Order } from '../../../shared/domain/order'
import { boxItemsFromLines, suggestBoxes } from '../../../shared/rates/box-suggestion'
import { listBoxes } from '../boxes/boxes.repository'
import type { CarrierChoiceDeps } from './carrier-choice'

/** The picker lists nine boxes (keys 1…9); each gets its fit and price. */
export const SHOWN_SUGGESTIONS = 9

/**
 * The box the items fit in and that lands in the cheapest band (docs/carriers.md "Box suggestion"), priced
 * exactly as the desk will quote it: the same rate cards, rules, sender and recipient il, COD and
 * mandated carrier. The recipient's il is taken as written (the address check runs at purchase); a
 * marketplace-issued label does not change the box, so it is priced like any other order.
 */
export async function adviseBoxes(deps: CarrierChoiceDeps, order: Order): Promise<BoxSuggestionView[]> {
  const boxes = await listBoxes(deps.db)
  if (boxes.length === 0) return []
  const ranked = suggestBoxes(boxes, boxItemsFromLines(order.lines), {
    cards: deps.rateCards(),
    rules: deps.rules(),
    quote: {
      cod: order.codAmountKurus !== null,
      mandatedCarrierId: order.mandatedCarrierId,
      senderCity: deps.sender.city,
      recipientCity: order.recipient.city,
      recipientDistrict: order.recipient.district,
    },
  })
  return ranked.slice(0, SHOWN_SUGGESTIONS).map((s) => ({
    code: s.box.code,
    name: s.box.name,
    fits: s.fits,
    desi: s.desi,
    chargeableKg: s.chargeableKg,
    carrierName: s.chosen?.name ?? null,
    priceKurus: s.priceKurus,
    reason: s.reason,
  }))
}
