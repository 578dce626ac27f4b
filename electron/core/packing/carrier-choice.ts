import { priceBand, type ShipmentMeasure } from '../../../shared/desi'
import type { Address } from '../../../shared/domain/address'
import type { Order } from '../../../shared/domain/order'
import { isAppError } from '../../../shared/errors'
import { selectCarrier, type QuoteOption, type RateCard, type SelectionRules } from '../../../shared/rates'
import type { AddressResolver } from '../addresses/address.resolver'
import { appendAudit } from '../audit/audit.repository'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import { marketplaceChoice } from '../carriers/marketplace/marketplace-choice'
import type { Db } from '../db/database'
import { getMarketplaceLabel, setOrderStatus } from '../orders/orders.repository'

export type CarrierChoiceDeps = Readonly<{
  db: Db
  rateCards: () => readonly RateCard[]
  /** Strategy, per-il preferences and the distance-band lookup (station.json `rates`). */
  rules: () => SelectionRules
  /** il/ilçe matching; null skips the check (tests of other concerns). */
  addresses: Pick<AddressResolver, 'resolve'> | null
  sender: Address
}>

export type CarrierChoice = Readonly<{
  chosen: QuoteOption | null
  options: QuoteOption[]
  /** The recipient as the carrier should get it: il/ilçe spelled as the official list spells them. */
  recipient: Address
}>

/**
 * Before any label is bought: the recipient's il/ilçe must match a real place (an unresolvable
 * address puts the order in the exceptions queue and stops the packer, unless a supervisor
 * overrode it); then the marketplace's own label if one came with the order, else rate shopping
 * with distance band, exclusions and preferences.
 */
export async function chooseCarrier(
  deps: CarrierChoiceDeps,
  order: Order,
  measure: ShipmentMeasure,
  options: { addressOverridden: boolean; actorId: string | null; parcels?: number },
): Promise<CarrierChoice> {
  let recipient = order.recipient
  if (deps.addresses && !options.addressOverridden) {
    try {
      const place = deps.addresses.resolve({ city: order.recipient.city, district: order.recipient.district, postalCode: order.recipient.postalCode })
      recipient = { ...order.recipient, city: place.city, district: place.district }
      if (place.corrected) {
        await appendAudit(deps.db, {
          actorId: options.actorId,
          action: 'order.addressCorrected',
          orderId: order.id,
          detail: {
            from: { city: order.recipient.city, district: order.recipient.district },
            to: { city: place.city, district: place.district },
            notes: place.notes,
          },
        })
      }
    } catch (err) {
      if (isAppError(err)) {
        await setOrderStatus(deps.db, order.id, 'exception')
        await appendAudit(deps.db, {
          actorId: options.actorId,
          action: 'order.addressUnresolved',
          orderId: order.id,
          detail: { city: order.recipient.city, district: order.recipient.district, postalCode: order.recipient.postalCode, message: err.message },
        })
      }
      throw err
    }
  }
  if ((await getMarketplaceLabel(deps.db, order.id)) !== null) {
    const only = marketplaceChoice(order.marketplace, priceBand(measure.chargeableKg))
    return { chosen: only, options: [only], recipient }
  }
  const { chosen, options: quoted } = selectCarrier(
    deps.rateCards(),
    {
      chargeableKg: measure.chargeableKg,
      cod: order.codAmountKurus !== null,
      mandatedCarrierId: order.mandatedCarrierId,
      senderCity: deps.sender.city,
      recipientCity: recipient.city,
      recipientDistrict: recipient.district,
      desi: measure.desi,
      weightKg: measure.weightKg,
    },
    withParcels(deps.rules(), options.parcels ?? 1),
  )
  return { chosen, options: quoted, recipient }
}

/**
 * A multi-parcel order goes as one shipment of N pieces: a carrier whose shipment carries fewer parcels
 * (carrier-capabilities.types.ts `pieces`) is not offered for it, with the reason on the comparison.
 */
function withParcels(rules: SelectionRules, parcels: number): SelectionRules {
  if (parcels <= 1) return rules
  return {
    ...rules,
    unavailable: (card) =>
      rules.unavailable?.(card) ??
      (capabilitiesOf(card.carrierId).pieces < parcels ? `${parcels} koli tek gönderide gidemez / cannot carry ${parcels} parcels in one shipment` : null),
  }
}
