import { shipmentMeasure } from '../../../shared/desi'
import type { MeasuredPackage } from '../../../shared/domain/box'
import type { Order } from '../../../shared/domain/order'
import type { Packer } from '../../../shared/domain/packer'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { getOrder } from '../orders/orders.repository'
import { countPackedToday } from '../orders/packed-today.repository'
import type { ShipmentRequest } from '../carriers/carrier.port'
import { getLiveShipment, type ShipmentRecord } from '../shipping/shipments.repository'
import { chooseCarrier, type CarrierChoice } from './carrier-choice'
import type { PipelineContext } from './packing.deps'
import type { PackingEffect, Refusal } from './packing.machine'
import { checkWeight } from './packing.rules'
import { markPrintPending } from './printer-recovery.rules'
import { checkScanBack } from './scan-back.rules'
import { insertMissingPackages } from './packages.repository'
import { ensureStillOurs, recordShipmentIntent } from './shipment-intent'

export { MIN_WEIGHT_GRAMS } from './packing.machine'
export type { PipelineContext } from './packing.deps'

export function packerOf(ctx: PipelineContext): Packer {
  if (!ctx.s.packer) throw new AppError(ErrorCode.sessionRequired, msg('session.scanBadgeFirst'))
  return ctx.s.packer
}

export function orderOf(ctx: PipelineContext): Order {
  packerOf(ctx)
  if (!ctx.s.order) throw new AppError(ErrorCode.wrongState, msg('session.scanOrderFirst'))
  return ctx.s.order
}

/** The machine's refusals, worded for the operator. */
export function refusal(reason: Refusal): AppError {
  switch (reason) {
    case 'nothingToRetry':
      return new AppError(ErrorCode.wrongState, msg('packing.nothingToRetry'))
    case 'labelBought':
      return new AppError(ErrorCode.wrongState, msg('packing.labelBought'))
    case 'purchaseNotAllowed':
      return new AppError(ErrorCode.wrongState, msg('packing.noWeight'))
    case 'parcelNotAllowed':
      return new AppError(ErrorCode.wrongState, msg('packing.parcelNotAllowed'))
  }
}

/** Throws the machine's refusal, if the effects hold one. */
export function throwIfRefused(effects: readonly PackingEffect[]): void {
  const refused = effects.find((e) => e.kind === 'refuse')
  if (refused) throw refusal(refused.reason)
}

/** Whether the parcel on the scale is the order's last (a single-parcel order's only one). */
export function isLastParcel(ctx: PipelineContext): boolean {
  return ctx.s.machine.parcelsWeighed + 1 >= ctx.s.machine.parcels
}

/**
 * A settled weight: ignored unless the desk waits for one (items verified, or re-weighing after a
 * mismatch); out of tolerance stops the packer; within it the order ships. A multi-parcel order's items
 * are not split by parcel, so a parcel before the last needs a stable weight only, and the last one's
 * expected weight is what the items and every box still lack (packing.service.ts `useBox`): the tolerance is
 * the order's, on its total.
 */
export async function weighed(ctx: PipelineContext, grams: number): Promise<void> {
  const { s } = ctx
  const problem = s.expectedGrams === null || !isLastParcel(ctx) ? null : checkWeight(s.expectedGrams, grams, ctx.deps.tolerance)
  const effects = ctx.dispatch({ type: 'weightSettled', grams, stable: true, withinTolerance: problem === null, blockingCode: s.blocking?.code ?? null })
  for (const effect of effects) {
    if (effect.kind === 'blockOnWeight') {
      s.measuredGrams = grams
      s.blocking = problem
      throw problem
    }
    if (effect.kind === 'parcelDone') {
      s.measuredGrams = grams
      s.blocking = null
      await keepParcel(ctx)
    }
    if (effect.kind === 'chooseCarrier') {
      s.measuredGrams = grams
      s.blocking = null
      await ship(ctx)
    }
  }
}

/** The parcel on the scale, as measured (its index is the count weighed before it, plus one). */
function currentParcel(ctx: PipelineContext): MeasuredPackage {
  const { s } = ctx
  if (!s.dims || s.measuredGrams === null) throw new AppError(ErrorCode.wrongState, msg('packing.noWeight'))
  return { index: s.parcels.length + 1, boxCode: s.box?.code ?? null, ...s.dims, weightGrams: s.measuredGrams }
}

/**
 * A parcel before the last is weighed: it is kept (in the session and the database, so a restart resumes at
 * the next parcel) and the next parcel starts without a box or a weight.
 */
export async function keepParcel(ctx: PipelineContext): Promise<void> {
  const { s, deps } = ctx
  const order = orderOf(ctx)
  const parcel = currentParcel(ctx)
  await insertMissingPackages(deps.db, order.id, [parcel], null)
  s.parcels = [...s.parcels, parcel]
  s.parcelFrom = Date.now() // the weight still on the scale is this parcel's, never the next one's
  Object.assign(s, { box: null, dims: null, expectedGrams: null, measuredGrams: null, boxFitPending: null })
  const count = s.machine.parcels
  s.notice = { tone: 'ok', ...msg('packing.parcelWeighed', { index: parcel.index, count, next: parcel.index + 1 }) }
}

/**
 * measured → rate shop → record purchase intent with the measurement → finish. `carrierPick`: another
 * eligible carrier of the comparison, taken instead of the chosen one (the exceptions queue, issue 12).
 */
export async function ship(ctx: PipelineContext, carrierPick: string | null = null): Promise<void> {
  const { s, deps } = ctx
  const order = orderOf(ctx)
  // Every parcel, each with its own box, weight and desi: one shipment of N pieces (carrier-choice.ts offers only carriers that carry N).
  const packages = [...s.parcels, currentParcel(ctx)]
  const measure = shipmentMeasure(packages)
  let choice: CarrierChoice
  try {
    const parcels = packages.length
    choice = await chooseCarrier(deps.choice, order, measure, { addressOverridden: s.overridden, actorId: s.packer?.id ?? null, parcels })
    // Last, right before the intent that the finisher buys: the order is still ours (claims re-checked).
    await ensureStillOurs(deps, order)
  } catch (err) {
    ctx.dispatch({ type: 'carrierRefused' })
    throw (s.blocking = toAppError(err))
  }
  const { options } = choice
  const chosen = carrierPick === null ? choice.chosen : (options.find((o) => o.eligible && o.serviceCode === carrierPick) ?? null)
  s.quote = options
  s.chosen = chosen
  const effects = ctx.dispatch({ type: 'carrierChosen', chosen: chosen !== null })
  if (effects.some((e) => e.kind === 'blockNoCarrier') || !chosen) {
    s.blocking = new AppError(ErrorCode.noEligibleCarrier, msg('packing.noEligibleCarrier'), { meta: { chargeableKg: measure.chargeableKg } })
    throw s.blocking
  }
  throwIfRefused(effects)
  ctx.fire()
  await recordShipmentIntent(deps, { order, packages, chosen, recipient: choice.recipient, expectedGrams: s.expectedGrams, overridden: s.overridden })
  await finish(ctx, order.id)
}

/** Buys (or resumes) the label and prints it; with scan-back the order waits for the label's scan. */
export async function finish(ctx: PipelineContext, orderId: string): Promise<void> {
  const { s, deps } = ctx
  const stopAfterPrint = deps.scanBack !== null
  try {
    await deps.finisher.advance(
      orderId,
      s.packer?.id ?? null,
      (stage, shipment) => {
        s.shipment = shipment
        ctx.dispatch({ type: 'stageReached', stage })
        ctx.fire()
      },
      { stopAfterPrint },
    )
  } catch (err) {
    s.shipment = await getLiveShipment(deps.db, orderId)
    ctx.dispatch({ type: 'finishFailed', shipmentLive: s.shipment !== null })
    s.blocking = toAppError(err)
    markPrintPending(s, s.blocking)
    throw err
  }
  s.printPending = false
  for (const effect of ctx.dispatch({ type: 'finished', scanBack: stopAfterPrint })) {
    if (effect.kind === 'awaitScanBack') s.notice = { tone: 'ok', ...msg('packing.awaitScanBack') }
    if (effect.kind === 'completePacked') await completePacked(ctx, orderId)
  }
}

/** Scan-back: the label on the box must carry this shipment's barcode before the order completes. */
export async function scanBack(ctx: PipelineContext, code: string): Promise<void> {
  const order = orderOf(ctx)
  const mismatch = checkScanBack(ctx.s.shipment?.barcode ?? '', code, ctx.deps.scanBack?.options)
  if (mismatch) throw mismatch
  // A shipment of N pieces printed N labels: the label on each parcel is scanned before the order completes.
  const count = labelCount(ctx.s.shipment)
  ctx.s.labelsScanned += 1
  if (ctx.s.labelsScanned < count) {
    ctx.s.notice = { tone: 'ok', ...msg('packing.parcelLabelScanned', { index: ctx.s.labelsScanned, count }) }
    return
  }
  await ctx.deps.finisher.advance(order.id, ctx.s.packer?.id ?? null)
  await completePacked(ctx, order.id)
}

/** How many labels the shipment printed: one per parcel of its request (1 when it cannot tell). */
function labelCount(shipment: Pick<ShipmentRecord, 'requestJson'> | null): number {
  try {
    return Math.max(1, (JSON.parse(shipment?.requestJson ?? '{}') as Partial<ShipmentRequest>).packages?.length ?? 1)
  } catch {
    return 1
  }
}

async function completePacked(ctx: PipelineContext, orderId: string): Promise<void> {
  const { s, deps } = ctx
  deps.claims?.settle(orderId) // done: stop renewing; the cloud closes the claim when order.packed arrives
  ctx.dispatch({ type: 'packed' })
  s.order = await getOrder(deps.db, orderId)
  // Counted from the database, not added to: the counter is "packed today at this desk" and turns over at the day's start.
  s.packedCount = await countPackedToday(deps.db)
  s.notice = { tone: 'ok', ...msg('packing.packed', { trackingNumber: s.shipment?.trackingNumber ?? '' }) }
}
