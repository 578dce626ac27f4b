import { pickedReason, screenOrder } from '../../../shared/contract/carrier-change'
import type { CarrierChangeReasonKey } from '../../../shared/contract/desk-reasons'
import { priceBand, type ShipmentMeasure } from '../../../shared/desi'
import type { Address } from '../../../shared/domain/address'
import type { Order } from '../../../shared/domain/order'
import { AppError, ErrorCode, isAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { selectCarrier, type QuoteOption, type RateCard, type SelectionRules } from '../../../shared/rates'
import type { AddressResolver } from '../addresses/address.resolver'
import { appendAudit } from '../audit/audit.repository'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import { marketplaceChoice } from '../carriers/marketplace/marketplace-choice'
import type { Db } from '../db/database'
import { getMarketplaceLabel, setOrderStatus } from '../orders/orders.repository'
import { judgeCarrierChange, sameOption, type CarrierChangeRules } from '../rates/carrier-change.rules'

export type CarrierChoiceDeps = Readonly<{
  db: Db
  rateCards: () => readonly RateCard[]
  /** Strategy, per-il preferences and the distance-band lookup (station.json `rates`). */
  rules: () => SelectionRules
  /** il/ilçe matching; null skips the check (tests of other concerns). */
  addresses: Pick<AddressResolver, 'resolve'> | null
  sender: Address
  /** The packer's carrier picks (packing/carrier-change.ts) and the station's rules for them; none: the rules' choice stands. */
  picks?: Readonly<{ get(orderId: string): Promise<CarrierPick | null> }> | undefined
  changeRules?: () => CarrierChangeRules
}>

/** The packer's carrier for the open order, taken from the comparison instead of the suggestion (what it took: a reason, a badge). */
export type CarrierPick = Readonly<{
  orderId: string
  carrierId: string
  serviceCode: string
  reason: CarrierChangeReasonKey | null
  /** The supervisor whose badge let a change dearer than the station's limit go. */
  approvedBy: string | null
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
  return withPick(deps, { chosen, options: quoted, recipient }, await deps.picks?.get(order.id))
}

/**
 * The packer's pick replaces the rules' choice, judged again on the parcel as weighed: still eligible, within the
 * cap, and what it takes now (a reason, a supervisor) given when it was taken. Otherwise the purchase stops with
 * the reason (the packer takes another with Ctrl+K, or the suggestion): never a silent fall back to another carrier.
 */
function withPick(deps: CarrierChoiceDeps, quoted: CarrierChoice, pick: CarrierPick | null | undefined): CarrierChoice {
  // In the screen's order (eligible, cheapest, fastest), decided here on the real prices: a packer's screen shows the
  // comparison without prices, and its row keys (Ctrl+K) must mean the same carrier as the carrier prompt's.
  const choice = { ...quoted, options: [...quoted.options].sort(screenOrder) }
  if (!pick || !choice.chosen || !deps.changeRules) return choice
  const verdict = judgeCarrierChange(deps.changeRules(), choice.options, choice.chosen, pick)
  const option = choice.options.find((o) => sameOption(o, pick))
  if (!option || !verdict.allowed || (verdict.need !== 'none' && !pick.reason) || (verdict.need === 'supervisor' && !pick.approvedBy)) {
    throw new AppError(ErrorCode.noEligibleCarrier, msg('carrierChange.noLonger', { name: option?.name ?? pick.serviceCode }), {
      meta: { carrierId: pick.carrierId, serviceCode: pick.serviceCode, need: verdict.need },
    })
  }
  // The comparison's row says it too (an eligible option has no other wording to keep).
  const picked = { ...option, reason: pickedReason(pick.reason) }
  return { ...choice, chosen: picked, options: choice.options.map((o) => (o === option ? picked : o)) }
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
