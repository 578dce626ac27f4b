import { roleAtLeast, type PackerRole } from '../domain/packer'
import type { PackingView } from './views'

/** Who sees what a parcel costs (issue 12): prices and carrier charges are for managers and admins. */
export const COST_MINIMUM_ROLE: PackerRole = 'manager'

/** An amount as shared/money.ts formatTry writes it ("1.234,56 TL"), inside a reason text. */
const AMOUNT = /-?\d{1,3}(?:\.\d{3})*,\d{2} TL/g
export const withoutAmounts = (reason: string) => reason.replace(AMOUNT, '…')

/**
 * The packing view as the logged-in role may see it: below COST_MINIMUM_ROLE (and with nobody logged
 * in) every kuruş figure is null: the comparison's prices, the chosen option's, the box suggestions'
 * and the shipment's cost, charge and difference; amounts inside the comparison's reasons ("12,00 TL
 * daha pahalı") become "…". The order of the comparison (cheapest first, from
 * the rules) and the carrier names stay, so the packer still sees which carrier and box the desk picks.
 */
export function withCostsFor(view: PackingView): PackingView {
  if (roleAtLeast(view.packer?.role, COST_MINIMUM_ROLE)) return view
  return {
    ...view,
    quote: view.quote?.map((o) => ({ ...o, priceKurus: null, reason: withoutAmounts(o.reason) })) ?? null,
    chosen: view.chosen ? { ...view.chosen, priceKurus: null, reason: withoutAmounts(view.chosen.reason) } : null,
    shipment: view.shipment ? { ...view.shipment, costKurus: null, chargedKurus: null, priceDifferenceKurus: null } : null,
    boxSuggestions: view.boxSuggestions?.map((b) => ({ ...b, priceKurus: null, reason: withoutAmounts(b.reason) })) ?? view.boxSuggestions,
  }
}
