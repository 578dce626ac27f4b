import type { UnconfirmedLabelView } from '../../../shared/contract/views'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import { getOrder, resetPackedQuantities, setOrderStatus } from '../orders/orders.repository'
import { isUncertain, pendingPrintJobs } from '../printing/print-jobs.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { getLiveShipment } from '../shipping/shipments.repository'
import type { PipelineContext } from './packing.deps'
import { finish, keepParcel, orderOf, packerOf, ship, throwIfRefused } from './packing.pipeline'
import { deletePackages } from './packages.repository'
import { SUPERVISOR_OVERRIDABLE } from './packing.rules'
import { markPrintPending } from './printer-recovery.rules'
import { ORDER_RESET } from './packing.session'
import { awaitingAnswer, listUnconfirmedLabels, pickUnconfirmed } from './unconfirmed-labels'
import { roleAtLeast } from '../../../shared/domain/packer'

/**
 * The ways out of a stopped order: a supervisor's override, retry, cancel, the operator's answer for
 * a label whose print outcome is unknown (or a supervisor's deferral of it), and a reprint. Each runs inside the service's queue.
 */

/** A supervisor lets an overridable problem (weight, address…) go: audited with the reason, then the order ships. */
export async function override(ctx: PipelineContext, supervisorBadge: string, reason: string): Promise<void> {
  const { s, deps } = ctx
  const order = orderOf(ctx)
  const problem = s.blocking
  if (!problem || !SUPERVISOR_OVERRIDABLE.has(problem.code)) throw new AppError(ErrorCode.wrongState, 'Onaylanacak bir sorun yok / Nothing to override')
  const supervisor = await findPackerByBadge(deps.db, supervisorBadge)
  if (!supervisor || !roleAtLeast(supervisor.role, 'supervisor')) {
    throw new AppError(ErrorCode.supervisorRequired, msg('session.supervisorBadgeRequired'), { meta: { badge: supervisorBadge } })
  }
  await appendAudit(deps.db, {
    actorId: supervisor.id,
    action: 'packing.override',
    orderId: order.id,
    detail: { problem: problem.code, meta: problem.meta, reason, packerId: s.packer?.id ?? null },
  })
  s.blocking = null
  s.overridden = true
  s.notice = { tone: 'warn', ...msg('packing.overridden', { supervisor: supervisor.name }) }
  const effects = ctx.dispatch({ type: 'overridden' })
  if (effects.some((e) => e.kind === 'parcelDone')) await keepParcel(ctx)
  if (effects.some((e) => e.kind === 'chooseCarrier')) await ship(ctx)
}

/**
 * Retries what failed: resumes the same shipment (same idempotency key) or prints the label still
 * owed to the printer, once. On a packed order only a reprint left queued (printer problem) prints;
 * with nothing owed it refuses, so pressing it again never prints a second copy.
 */
export async function retry(ctx: PipelineContext, carrierPick: string | null = null): Promise<void> {
  const { s, deps } = ctx
  const order = orderOf(ctx)
  const orderPacked = (await getOrder(deps.db, order.id))?.status === 'packed'
  const shipmentLive = !orderPacked && (s.shipment !== null || (await getLiveShipment(deps.db, order.id)) !== null)
  const effects = ctx.dispatch({ type: 'retry', orderPacked, shipmentLive, blockingCode: s.blocking?.code ?? null })
  throwIfRefused(effects)
  for (const effect of effects) {
    if (effect.kind === 'printOwed') {
      const owed = (await pendingPrintJobs(deps.db)).filter((j) => j.orderId === order.id && !isUncertain(j))
      if (owed.length === 0) throw new AppError(ErrorCode.wrongState, msg('packing.nothingToRetry'))
      for (const job of owed) await deps.printQueue.printJob(job.id)
      s.blocking = null
      s.notice = { tone: 'ok', ...msg('packing.labelPrinted') }
    } else if (effect.kind === 'finish') {
      s.blocking = null
      await finish(ctx, order.id)
    } else if (effect.kind === 'chooseCarrier') {
      s.blocking = null
      // Read again: the exceptions queue may have fixed its il/ilçe since it stopped.
      s.order = (await getOrder(deps.db, order.id)) ?? order
      await ship(ctx, carrierPick)
    }
  }
}

/** Gives the open order back (items unscanned, claim released); refused once a label is bought. */
export async function cancel(ctx: PipelineContext): Promise<void> {
  const { s, deps } = ctx
  const order = s.order
  const effects = ctx.dispatch({ type: 'cancel', shipmentLive: order !== null && (await getLiveShipment(deps.db, order.id)) !== null })
  throwIfRefused(effects)
  if (order && order.status !== 'packed' && effects.some((e) => e.kind === 'releaseOrder')) {
    await deps.db.transaction().execute(async (trx) => {
      await resetPackedQuantities(trx, order.id)
      await deletePackages(trx, order.id)
      await setOrderStatus(trx, order.id, 'open')
      await appendAudit(trx, { actorId: s.packer?.id ?? null, action: 'packing.cancelled', orderId: order.id })
    })
    void deps.claims?.release(order.id) // best effort; an unreleased lease expires on its own
  }
  Object.assign(s, ORDER_RESET)
  ctx.dispatch({ type: 'orderReset' })
  s.notice = { tone: 'warn', ...msg('packing.cancelled') }
}

/** Reads the paid labels with an unknown print outcome into the session (listed on the desk). */
export async function refreshUnconfirmed(ctx: PipelineContext): Promise<readonly UnconfirmedLabelView[]> {
  const { s, deps } = ctx
  s.unconfirmed = await listUnconfirmedLabels(deps.db, deps.printQueue, deps.carrierNames, s.deferred)
  return s.unconfirmed
}

/**
 * The operator's answer for a label whose print outcome is unknown (the given job, else the open
 * order's, else the oldest listed), audited; then that order is finished. "printAgain" sends the
 * same job once more, never a new one.
 */
export async function resolveUncertainPrint(ctx: PipelineContext, decision: 'printed' | 'printAgain', jobId?: string): Promise<void> {
  const { s, deps } = ctx
  const packer = packerOf(ctx)
  const job = pickUnconfirmed(await refreshUnconfirmed(ctx), jobId, s.order?.id)
  if (!job) throw new AppError(ErrorCode.wrongState, 'Karar bekleyen etiket yok / No label awaiting a decision')
  const own = s.order?.id === job.orderId
  try {
    await deps.printQueue.resolveUncertain(job.jobId, decision, packer.id)
  } catch (err) {
    // "Print again" met a printer problem: the job is queued again (or unknown again); the order waits on it.
    if (own) markPrintPending(s, (s.blocking = toAppError(err)))
    throw err
  } finally {
    s.deferred.delete(job.jobId)
    await refreshUnconfirmed(ctx)
  }
  if (own) {
    s.blocking = null
    await finish(ctx, job.orderId)
    return
  }
  await deps.finisher.advance(job.orderId, packer.id)
  s.notice = {
    tone: 'ok',
    ...msg(decision === 'printed' ? 'packing.labelConfirmedPacked' : 'packing.labelPrintedAgainPacked', { orderNumber: job.orderNumber }),
  }
}

/** A supervisor lets the desk go on without answering the listed labels; each is audited and stays listed. */
export async function deferUnconfirmed(ctx: PipelineContext, supervisorBadge: string): Promise<void> {
  const { s, deps } = ctx
  const packer = packerOf(ctx)
  const supervisor = await findPackerByBadge(deps.db, supervisorBadge)
  if (!supervisor || !roleAtLeast(supervisor.role, 'supervisor')) {
    throw new AppError(ErrorCode.supervisorRequired, msg('session.supervisorBadgeRequired'), { meta: { badge: supervisorBadge } })
  }
  const waiting = awaitingAnswer(await refreshUnconfirmed(ctx))
  if (waiting.length === 0) throw new AppError(ErrorCode.wrongState, 'Ertelenecek etiket yok / No label to defer')
  await deps.db.transaction().execute(async (trx) => {
    for (const l of waiting) {
      await appendAudit(trx, {
        actorId: supervisor.id,
        action: 'label.uncertainDeferred',
        orderId: l.orderId,
        detail: { jobId: l.jobId, orderNumber: l.orderNumber, trackingNumber: l.trackingNumber, packerId: packer.id },
      })
    }
  })
  for (const l of waiting) s.deferred.add(l.jobId)
  await refreshUnconfirmed(ctx)
  s.notice = { tone: 'warn', ...msg('packing.deferred', { supervisor: supervisor.name, count: waiting.length }) }
}

/**
 * Reprints the order's label. A multi-parcel order has one label per parcel: `parcel` names it; asked by the
 * scanner without one (`askParcel`), the desk asks which and the next digit answers (packing.machine.ts 'reprintParcel').
 */
export async function reprint(ctx: PipelineContext, orderCode: string, reason: string, which: { askParcel?: boolean; parcel?: number } = {}): Promise<void> {
  const packer = packerOf(ctx)
  const count = which.parcel === undefined && which.askParcel ? await ctx.deps.reprints.parcelCount(orderCode) : 1
  if (count > 1) {
    ctx.s.reprintPick = true
    ctx.s.notice = { tone: 'ok', ...msg('packing.whichParcel', { count }) }
    return
  }
  const printed = await ctx.deps.reprints.reprint(orderCode, packer.id, reason, which.parcel)
  ctx.s.notice =
    printed.count > 1
      ? { tone: 'ok', ...msg('packing.parcelReprinted', { index: printed.index, count: printed.count }) }
      : { tone: 'ok', ...msg('packing.labelReprinted') }
}
