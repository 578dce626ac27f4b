import { carrierChangeReasonText, type CarrierChangeView } from '../../../shared/contract/carrier-change'
import type { CarrierChangeReasonKey } from '../../../shared/contract/desk-reasons'
import type { CommandHandlers } from '../../../shared/contract/commands'
import { COST_MINIMUM_ROLE, withoutAmounts } from '../../../shared/contract/cost-visibility'
import { PackingStep, type PackingView } from '../../../shared/contract/views'
import { shipmentMeasure, type ShipmentMeasure } from '../../../shared/desi'
import { roleAtLeast } from '../../../shared/domain/packer'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { QuoteOption } from '../../../shared/rates'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { getMarketplaceLabel } from '../orders/orders.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { judgeCarrierChange, sameOption, type CarrierChangeRules } from '../rates/carrier-change.rules'
import { chooseCarrier, type CarrierChoiceDeps, type CarrierPick } from './carrier-choice'

const PICKED = 'order.carrierChanged'
const UNDONE = 'order.carrierChangeUndone'

/**
 * The packer's picks, kept where they are audited: an order's pick is its last order.carrierChanged entry (unless
 * an order.carrierChangeUndone came after it), until a label is bought on it. So a restart keeps the pick, and an
 * order voided and packed again starts from the rules. A failed purchase keeps it: the retry goes to the same carrier.
 */
export class CarrierPicks {
  constructor(private readonly db: Db) {}

  async get(orderId: string): Promise<CarrierPick | null> {
    const last = await this.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'detail_json'])
      .where('order_id', '=', orderId)
      .where('action', 'in', [PICKED, UNDONE])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!last || last.action !== PICKED) return null
    const used = await this.db
      .selectFrom('shipments')
      .select('id')
      .where('order_id', '=', orderId)
      .where('created_at', '>=', last.at)
      .where('status', '!=', 'failed')
      .limit(1)
      .executeTakeFirst()
    if (used) return null
    const d = JSON.parse(last.detail_json) as {
      to: { carrierId: string; serviceCode: string }
      reasonKey: CarrierChangeReasonKey | null
      approvedBy: string | null
    }
    return { orderId, carrierId: d.to.carrierId, serviceCode: d.to.serviceCode, reason: d.reasonKey, approvedBy: d.approvedBy }
  }
}

export type CarrierChangeDeps = Readonly<{
  choice: CarrierChoiceDeps
  picks: CarrierPicks
  rules: () => CarrierChangeRules
  /** The desk's view of the open order (the packing service's). */
  view: () => PackingView
}>

export type CarrierChangeInput = Readonly<{ carrierId: string; serviceCode: string; reason: CarrierChangeReasonKey | null; supervisorBadge: string | null }>

/** Steps where nothing is bought yet and the carrier may still change: items counted (box and weight to come), or stopped. */
const CHANGEABLE: ReadonlySet<string> = new Set([PackingStep.itemsVerified, PackingStep.exception])

/**
 * The parcel as the desk expects it before the scale: the chosen box with the expected weight, or before a box is
 * chosen the suggested one (its desi and chargeable weight, as the box panel shows them) with the items' weight.
 */
function expectedMeasure(view: PackingView): ShipmentMeasure | null {
  const grams = view.measuredGrams ?? view.expectedGrams
  if (view.box) {
    if (grams === null) return null
    return shipmentMeasure([{ lengthMm: view.box.lengthMm, widthMm: view.box.widthMm, heightMm: view.box.heightMm, weightGrams: grams }])
  }
  const suggested = view.boxSuggestions?.find((b) => b.fits !== false)
  if (!suggested || !view.order) return null
  const itemsGrams = view.order.lines.reduce((sum, l) => sum + l.unitWeightGrams * l.quantity, 0)
  return { desi: suggested.desi, chargeableKg: suggested.chargeableKg, weightKg: (grams ?? itemsGrams) / 1000 }
}

/** The open order's comparison for a change, with the rules' verdict on every row; refused when the carrier can no longer change. */
async function comparison(deps: CarrierChangeDeps) {
  const view = deps.view()
  const order = view.order
  if (!view.packer) throw new AppError(ErrorCode.sessionRequired, msg('session.scanBadgeFirst'))
  if (!order || !CHANGEABLE.has(view.step) || view.shipment) throw new AppError(ErrorCode.wrongState, msg('carrierChange.notNow'))
  if ((await getMarketplaceLabel(deps.choice.db, order.id)) !== null) throw new AppError(ErrorCode.wrongState, msg('carrierChange.marketplaceLabel'))
  const measure = expectedMeasure(view)
  if (!measure) throw new AppError(ErrorCode.wrongState, msg('carrierChange.notNow'))
  // The rules' own choice (no pick), on the recipient as the carrier will get it; a place that does not resolve is
  // quoted as written here, and stops the purchase later with its own problem (no audit, no exception from a look).
  let recipient = order.recipient
  try {
    const place = deps.choice.addresses?.resolve({ city: recipient.city, district: recipient.district, postalCode: recipient.postalCode })
    if (place) recipient = { ...recipient, city: place.city, district: place.district }
  } catch {
    // as written
  }
  const { chosen: suggested, options } = await chooseCarrier({ ...deps.choice, picks: undefined }, { ...order, recipient }, measure, {
    addressOverridden: true,
    actorId: view.packer.id,
  })
  const rows = options // in the screen's order already (carrier-choice.ts)
  return { view, order, suggested, rows, rules: deps.rules() }
}

/** What the carrier prompt shows: every option keyed 1…N in the comparison's order, what taking it needs; prices for managers only. */
export async function carrierChangeView(deps: CarrierChangeDeps): Promise<CarrierChangeView> {
  const { view, order, suggested, rows, rules } = await comparison(deps)
  const pick = await deps.picks.get(order.id)
  const costs = roleAtLeast(view.packer?.role, COST_MINIMUM_ROLE)
  const shown = (o: QuoteOption): QuoteOption => (costs ? o : { ...o, priceKurus: null, reason: withoutAmounts(o.reason) })
  return {
    orderNumber: order.orderNumber,
    suggested: suggested ? shown(suggested) : null,
    rows: rows.map((o, i) => {
      const verdict = judgeCarrierChange(rules, rows, suggested, o)
      return {
        key: i + 1,
        option: shown(o),
        suggested: !!suggested && sameOption(o, suggested),
        picked: pick ? sameOption(o, pick) : false,
        need: verdict.need,
        refusal: verdict.allowed ? null : verdict.refusal,
      }
    }),
  }
}

/**
 * Takes another carrier for the open order, by the station's rules (rates.carrierChange): the option must be in
 * the comparison and eligible, of an allowed contract, within the price cap; dearer needs a reason, dearer than
 * the supervisor limit a supervisor's badge. Audited (order.carrierChanged: from, to, both prices, reason, who).
 * Taking the suggestion again drops the pick. The purchase re-checks the pick on the parcel as weighed (carrier-choice.ts).
 */
export async function changeCarrier(deps: CarrierChangeDeps, input: CarrierChangeInput): Promise<CarrierChangeView> {
  const { view, order, suggested, rows, rules } = await comparison(deps)
  const verdict = judgeCarrierChange(rules, rows, suggested, input)
  if (!verdict.allowed)
    throw new AppError(ErrorCode.inputInvalid, msg(verdict.refusal), { meta: { carrierId: input.carrierId, serviceCode: input.serviceCode } })
  if (verdict.need !== 'none' && input.reason === null) throw new AppError(ErrorCode.inputInvalid, msg('carrierChange.reasonRequired'))
  let approvedBy: string | null = null
  if (verdict.need === 'supervisor') {
    const supervisor = input.supervisorBadge ? await findPackerByBadge(deps.choice.db, input.supervisorBadge) : null
    if (!supervisor || !roleAtLeast(supervisor.role, 'supervisor')) {
      throw new AppError(ErrorCode.supervisorRequired, msg('session.supervisorBadgeRequired'), { meta: { badge: input.supervisorBadge } })
    }
    approvedBy = supervisor.id
  }
  const from = suggested!
  const to = rows.find((o) => sameOption(o, input))!
  // The audit entry is the pick itself (CarrierPicks reads it back); taking the suggestion again undoes it.
  const back = sameOption(to, from)
  const brief = (o: QuoteOption) => ({ carrierId: o.carrierId, serviceCode: o.serviceCode, name: o.name, contract: o.contract, priceKurus: o.priceKurus })
  await appendAudit(deps.choice.db, {
    actorId: view.packer!.id,
    action: back ? UNDONE : PICKED,
    orderId: order.id,
    detail: {
      from: brief(from),
      to: brief(to),
      extraKurus: verdict.extraKurus,
      reason: input.reason ? carrierChangeReasonText(input.reason) : null,
      reasonKey: input.reason,
      approvedBy,
    },
  })
  return carrierChangeView(deps)
}

/** packing.carrierOptions (the prompt's rows) and packing.changeCarrier. */
export function carrierChangeCommands(deps: CarrierChangeDeps): Pick<CommandHandlers, 'packing.carrierOptions' | 'packing.changeCarrier'> {
  return {
    'packing.carrierOptions': () => carrierChangeView(deps),
    'packing.changeCarrier': (input) =>
      changeCarrier(deps, {
        carrierId: input.carrierId,
        serviceCode: input.serviceCode,
        reason: input.reason ?? null,
        supervisorBadge: input.supervisorBadge ?? null,
      }),
  }
}
