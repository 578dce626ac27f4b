import { PackingStep } from '../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../shared/errors'
import { appendAudit } from '../audit/audit.repository'
import { resetPackedQuantities, setOrderStatus } from '../orders/orders.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { getLiveShipment } from '../shipping/shipments.repository'
import { finish, orderOf, packerOf, ship, type PipelineContext } from './packing.pipeline'
import { SUPERVISOR_OVERRIDABLE } from './packing.rules'
import { ORDER_RESET } from './packing.session'

/**
 * The ways out of a stopped order: a supervisor's override, retry, cancel, the operator's answer for
 * a label whose print outcome is unknown, and a reprint. Each runs inside the service's queue.
 */

/** A supervisor lets an overridable problem (weight, address…) go: audited with the reason, then the order ships. */
export async function override(ctx: PipelineContext, supervisorBadge: string, reason: string): Promise<void> {
  const { s, deps } = ctx
  const order = orderOf(ctx)
  const problem = s.blocking
  if (!problem || !SUPERVISOR_OVERRIDABLE.has(problem.code)) throw new AppError(ErrorCode.wrongState, 'Onaylanacak bir sorun yok / Nothing to override')
  const supervisor = await findPackerByBadge(deps.db, supervisorBadge)
  if (!supervisor || supervisor.role !== 'supervisor') {
    throw new AppError(ErrorCode.supervisorRequired, 'Süpervizör kartı gerekli / A supervisor badge is required', { meta: { badge: supervisorBadge } })
  }
  await appendAudit(deps.db, {
    actorId: supervisor.id,
    action: 'packing.override',
    orderId: order.id,
    detail: { problem: problem.code, meta: problem.meta, reason, packerId: s.packer?.id ?? null },
  })
  s.blocking = null
  s.overridden = true
  s.notice = { tone: 'warn', text: `Süpervizör onayı: ${supervisor.name} / Supervisor override` }
  await ship(ctx)
}

/** Retries what failed: resumes the same shipment (same idempotency key) or the queued label. */
export async function retry(ctx: PipelineContext): Promise<void> {
  const { s, deps } = ctx
  const order = orderOf(ctx)
  if (s.shipment || (await getLiveShipment(deps.db, order.id))) {
    s.blocking = null
    await finish(ctx, order.id)
  } else if (s.step === PackingStep.exception && s.measuredGrams !== null && s.blocking?.code !== ErrorCode.weightOutOfTolerance) {
    s.blocking = null
    await ship(ctx)
  } else {
    throw new AppError(ErrorCode.wrongState, 'Tekrar denenecek bir işlem yok / Nothing to retry')
  }
}

/** Gives the open order back (items unscanned, claim released); refused once a label is bought. */
export async function cancel(ctx: PipelineContext): Promise<void> {
  const { s, deps } = ctx
  const order = s.order
  if (order && (await getLiveShipment(deps.db, order.id))) {
    throw new AppError(ErrorCode.wrongState, 'Etiket alındı; iptal için gönderiyi iptal edin / A label was bought: cancel the shipment instead')
  }
  if (order && order.status !== 'packed') {
    await deps.db.transaction().execute(async (trx) => {
      await resetPackedQuantities(trx, order.id)
      await setOrderStatus(trx, order.id, 'open')
      await appendAudit(trx, { actorId: s.packer?.id ?? null, action: 'packing.cancelled', orderId: order.id })
    })
    void deps.claims?.release(order.id) // best effort; an unreleased lease expires on its own
  }
  Object.assign(s, ORDER_RESET)
  s.notice = { tone: 'warn', text: 'İptal edildi, sonraki siparişi okutun / Cancelled: scan the next order' }
}

/** The operator's answer for a label whose print outcome is unknown; then the order is finished. */
export async function resolveUncertainPrint(ctx: PipelineContext, decision: 'printed' | 'printAgain'): Promise<void> {
  const { s, deps } = ctx
  const packer = packerOf(ctx)
  const jobs = await deps.printQueue.uncertainJobs()
  const job = jobs.find((j) => j.orderId === s.order?.id) ?? jobs[0]
  if (!job) throw new AppError(ErrorCode.wrongState, 'Karar bekleyen etiket yok / No label awaiting a decision')
  await deps.printQueue.resolveUncertain(job.id, decision, packer.id)
  s.blocking = null
  if (s.order?.id === job.orderId) await finish(ctx, job.orderId)
  else await deps.finisher.advance(job.orderId, packer.id)
}

export async function reprint(ctx: PipelineContext, orderCode: string, reason: string): Promise<void> {
  const packer = packerOf(ctx)
  await ctx.deps.reprints.reprint(orderCode, packer.id, reason)
  ctx.s.notice = { tone: 'ok', text: `Etiket yeniden yazdırıldı / Label reprinted` }
}
