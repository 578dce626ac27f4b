import {
  EXCEPTION_ACTIONS,
  type ConflictSide,
  type ExceptionAction,
  type ExceptionView,
  type PlaceSuggestion,
  type SettleChoice,
} from '../../../shared/contract/exceptions'
import type { PackingView } from '../../../shared/contract/views'
import { roleAtLeast, type Packer } from '../../../shared/domain/packer'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { getOrder } from '../orders/orders.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { getLiveShipment } from '../shipping/shipments.repository'
import { parkedOutbox } from '../sync/outbox.repository'
import { getException, listOpenExceptions, recordException, resolveException, type ExceptionRecord } from './exceptions.repository'
import { exceptionKindOf, factsOf } from './exceptions.rules'
import { findPlace, suggestPlaces } from './place-suggest'

/** What the queue needs of the desk: its view, and the same retry and override the desk's keys run (packing.service.ts). */
export type ExceptionsDesk = Readonly<{
  view(): PackingView
  /** F2's retry of the order open at this desk, optionally on another carrier of its comparison (never a second live purchase). */
  retryHeld(orderId: string, carrierPick: string | null): Promise<PackingView>
  override(supervisorBadge: string, reason: string): Promise<PackingView>
}>

export type ExceptionsDeps = Readonly<{
  db: Db
  desk: ExceptionsDesk
  /** Finishes an order with a live purchase or an owed label, as the resume after a restart does (same key, the queued job once). */
  finish(orderId: string, packerId: string | null): Promise<unknown>
  /** This desk's id at the cloud (a sync conflict names the winner's). */
  stationId: string | null
}>

/**
 * The exceptions queue (issue 12): every stop of an order at this desk is recorded as it shows on the desk
 * (`noteView`), listed oldest first, and acted on here. Each action is audited with its outcome; the row is
 * resolved when the action got the order past its stop. Actions on the order open at the desk go through the
 * desk's own session (`ExceptionsDesk`), so the purchase path, the idempotency key and the one-live-purchase
 * rule are the desk's. All writes run one after another, so a stop recorded from the view never re-opens a
 * row an action just resolved.
 */
export class ExceptionsService {
  private queue: Promise<unknown> = Promise.resolve()
  private lastSeen: string | null = null

  constructor(private readonly deps: ExceptionsDeps) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The desk's view changed: a stop of its open order that belongs in the queue is recorded (once per distinct stop). */
  noteView(v: PackingView): Promise<void> {
    const kind = v.problem && v.order && v.step === 'exception' ? exceptionKindOf(v.problem.code) : null
    if (!kind || !v.order || !v.problem) {
      if (v.step !== 'exception') this.lastSeen = null
      return Promise.resolve()
    }
    const key = `${v.order.id}\u0000${v.problem.code}\u0000${JSON.stringify(v.problem.meta)}`
    if (key === this.lastSeen) return Promise.resolve()
    this.lastSeen = key
    const { order, problem } = v
    const detail = {
      orderNumber: order.orderNumber,
      message: problem.message,
      meta: factsOf(problem.meta),
      serviceCode: v.chosen?.serviceCode ?? null,
      packerId: v.packer?.id ?? null,
    }
    return this.serial(async () => {
      const { id, created } = await recordException(this.deps.db, { orderId: order.id, kind, code: problem.code, detail })
      if (created)
        await appendAudit(this.deps.db, {
          actorId: v.packer?.id ?? null,
          action: 'exception.opened',
          orderId: order.id,
          detail: { exceptionId: id, kind, code: problem.code },
        })
    })
  }

  /** The open exceptions, oldest first. A stop the desk got past on its own (packed, given back, cancelled) is resolved on the way. */
  list(): Promise<ExceptionView[]> {
    return this.serial(() => this.listNow())
  }

  suggestPlaces(query: string): PlaceSuggestion[] {
    return suggestPlaces(query)
  }

  /** Unresolved address: the il/ilçe is set to a real pair (audited with the old one), then the order at the desk is retried. */
  fixAddress(input: { id: string; city: string; district: string }): Promise<ExceptionView[]> {
    return this.act(input.id, 'fixAddress', async (x, actor) => {
      const place = findPlace(input.city, input.district)
      if (!place)
        throw new AppError(ErrorCode.addressUnresolved, msg('exceptions.placeUnknown', { city: input.city, district: input.district }), { meta: { ...input } })
      const order = await this.orderOf(x)
      const recipient = { ...order.recipient, city: place.city, district: place.district }
      await this.deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('orders')
          .set({ recipient_json: JSON.stringify(recipient), updated_at: new Date().toISOString() })
          .where('id', '=', x.orderId)
          .execute()
        await appendAudit(trx, {
          actorId: actor.id,
          action: 'exception.addressFixed',
          orderId: x.orderId,
          detail: { exceptionId: x.id, from: { city: order.recipient.city, district: order.recipient.district }, to: place },
        })
        await resolveException(trx, x.id, actor.id, 'addressFixed')
      })
      // At the desk the order goes on at once; elsewhere the next scan of it packs it with the fixed address.
      if (this.atDesk(x)) await this.deps.desk.retryHeld(x.orderId, null)
    })
  }

  /** Carrier refused or down: the same purchase again (a live one resumes with its own key), at the desk or, for a live purchase, from here. */
  retry(input: { id: string }): Promise<ExceptionView[]> {
    return this.act(input.id, 'retry', (x) => this.goOn(x, null))
  }

  /** Carrier refused: another carrier of the order's comparison, only while no purchase of the order is live (never two labels). */
  useCarrier(input: { id: string; serviceCode: string }): Promise<ExceptionView[]> {
    return this.act(input.id, 'otherCarrier', async (x) => {
      if (!this.atDesk(x)) throw this.notAtDesk(x)
      if (await getLiveShipment(this.deps.db, x.orderId))
        throw new AppError(ErrorCode.wrongState, msg('exceptions.purchaseLive'), { meta: { orderId: x.orderId } })
      if (!this.carriersFor(x).some((c) => c.serviceCode === input.serviceCode)) {
        throw new AppError(ErrorCode.inputInvalid, msg('exceptions.carrierNotOffered', { serviceCode: input.serviceCode }), {
          meta: { serviceCode: input.serviceCode },
        })
      }
      const from = this.deps.desk.view().chosen?.serviceCode ?? null
      await appendAudit(this.deps.db, {
        actorId: this.deps.desk.view().packer?.id ?? null,
        action: 'exception.carrierChosen',
        orderId: x.orderId,
        detail: { exceptionId: x.id, from, to: input.serviceCode, reason: x.code },
      })
      await this.deps.desk.retryHeld(x.orderId, input.serviceCode)
    })
  }

  /** Weight out of tolerance: a supervisor's badge and a reason let it go (the desk's override, audited there and here). */
  override(input: { id: string; supervisorBadge: string; reason: string }): Promise<ExceptionView[]> {
    return this.act(input.id, 'override', async (x) => {
      const supervisor = await this.supervisor(input.supervisorBadge)
      if (!this.atDesk(x)) throw this.notAtDesk(x)
      await appendAudit(this.deps.db, {
        actorId: supervisor.id,
        action: 'exception.overrideApproved',
        orderId: x.orderId,
        detail: { exceptionId: x.id, reason: input.reason },
      })
      await this.deps.desk.override(input.supervisorBadge, input.reason)
    })
  }

  /** Printer fault: once the printer is fixed, the owed label prints (the queued job, once) and the order finishes. */
  resolvePrinter(input: { id: string }): Promise<ExceptionView[]> {
    return this.act(input.id, 'resolvePrinter', (x) => this.goOn(x, null))
  }

  /**
   * Sync conflict: a supervisor has seen both desks' facts and settles it: 'theirs' (the other desk's pack stands;
   * this desk's parcel is held back and its label voided through F8 where the carrier can), or 'ours' (both parcels
   * go). No carrier is called from here; the decision and both sides' facts are audited.
   */
  settle(input: { id: string; supervisorBadge: string; choice: SettleChoice }): Promise<ExceptionView[]> {
    return this.act(input.id, 'settle', async (x) => {
      const supervisor = await this.supervisor(input.supervisorBadge)
      const conflict = await this.conflictOf(x)
      await appendAudit(this.deps.db, {
        actorId: supervisor.id,
        action: 'exception.settledConflict',
        orderId: x.orderId,
        detail: { exceptionId: x.id, choice: input.choice, ...conflict },
      })
    })
  }

  private async goOn(x: ExceptionRecord, carrierPick: string | null): Promise<void> {
    if (this.atDesk(x)) {
      await this.deps.desk.retryHeld(x.orderId, carrierPick)
      return
    }
    // Not at the desk (another order is open, or the desk restarted): only a live purchase or an owed label can go on from here.
    if (!(await getLiveShipment(this.deps.db, x.orderId))) throw this.notAtDesk(x)
    await this.deps.finish(x.orderId, this.deps.desk.view().packer?.id ?? null)
  }

  /**
   * Runs one action on an open exception: it must list the action, the desk's packer is the actor, and the
   * outcome is audited. Success resolves the row; a failure of the same kind leaves it open (its facts
   * refreshed by the desk's view); a failure of another kind means this stop is past (the next one is queued).
   */
  private act(id: string, action: ExceptionAction, fn: (x: ExceptionRecord, actor: Packer) => Promise<void>): Promise<ExceptionView[]> {
    return this.serial(async () => {
      const actor = this.deps.desk.view().packer
      if (!actor) throw new AppError(ErrorCode.sessionRequired, msg('session.scanBadgeFirst'))
      const x = await getException(this.deps.db, id)
      if (!x) throw new AppError(ErrorCode.notFound, msg('exceptions.notFound'), { meta: { id } })
      if (x.status !== 'open') throw new AppError(ErrorCode.wrongState, msg('exceptions.alreadySettled'), { meta: { id, resolution: x.resolution } })
      if (!(await this.actionsFor(x)).includes(action))
        throw new AppError(ErrorCode.wrongState, msg('exceptions.actionNotOffered', { action }), { meta: { id, action } })
      const audit = (outcome: string, error?: AppError) =>
        appendAudit(this.deps.db, {
          actorId: actor.id,
          action: `exception.${action}`,
          orderId: x.orderId,
          detail: { exceptionId: x.id, kind: x.kind, outcome, ...(error ? { code: error.code } : {}) },
        })
      try {
        await fn(x, actor)
      } catch (err) {
        const e = toAppError(err)
        const moved = exceptionKindOf(e.code) !== null && exceptionKindOf(e.code) !== x.kind
        if (moved) await resolveException(this.deps.db, x.id, actor.id, `${action}:${e.code}`)
        await audit(moved ? 'nextStop' : 'failed', e)
        throw e
      }
      await resolveException(this.deps.db, x.id, actor.id, action)
      await audit('resolved')
      return this.listNow()
    })
  }

  /** Events the cloud answered with a conflict (parked by the sync, outbox-pusher.ts) that the queue has not seen yet. */
  private async collectConflicts(): Promise<void> {
    const seen = new Set<string>()
    const known = await this.deps.db.selectFrom('desk_exceptions').select('detail_json').where('kind', '=', 'syncConflict').execute()
    for (const k of known) for (const e of (JSON.parse(k.detail_json) as { eventIds?: string[] }).eventIds ?? []) seen.add(e)
    for (const row of await parkedOutbox(this.deps.db, 500)) {
      const m = /^conflict:([^:]*):([^:]*): ?(.*)$/s.exec(row.last_error ?? '')
      if (!m || !row.order_id || seen.has(row.id)) continue
      const open = await this.deps.db
        .selectFrom('desk_exceptions')
        .select('detail_json')
        .where('order_id', '=', row.order_id)
        .where('kind', '=', 'syncConflict')
        .where('status', '=', 'open')
        .executeTakeFirst()
      const eventIds = [...((open ? (JSON.parse(open.detail_json) as { eventIds?: string[] }).eventIds : []) ?? []), row.id]
      const order = await getOrder(this.deps.db, row.order_id)
      const detail = {
        orderNumber: order?.orderNumber ?? row.order_id,
        message: m[3] ?? '',
        meta: { reason: m[1] ?? '', winnerStationId: m[2] || null },
        eventIds,
      }
      const { id, created } = await recordException(this.deps.db, { orderId: row.order_id, kind: 'syncConflict', code: ErrorCode.syncConflict, detail })
      if (created)
        await appendAudit(this.deps.db, {
          actorId: null,
          action: 'exception.opened',
          orderId: row.order_id,
          detail: { exceptionId: id, kind: 'syncConflict', code: ErrorCode.syncConflict },
        })
      seen.add(row.id)
    }
  }

  /** Both desks' facts of a conflict: this desk's pack (packer, time, label) and the winner's, as far as the cloud names it. */
  private async conflictOf(x: ExceptionRecord): Promise<{ ours: ConflictSide; theirs: ConflictSide }> {
    const row = await this.deps.db.selectFrom('orders').select(['packed_at', 'packed_by']).where('id', '=', x.orderId).executeTakeFirst()
    const shipment = await getLiveShipment(this.deps.db, x.orderId)
    const meta = (x.detail.meta ?? {}) as Record<string, unknown>
    return {
      ours: {
        stationId: this.deps.stationId,
        packedAt: row?.packed_at ?? null,
        packerId: row?.packed_by ?? null,
        trackingNumber: shipment?.trackingNumber ?? null,
        carrierName: shipment?.carrierId ?? null,
      },
      theirs: {
        stationId: typeof meta.winnerStationId === 'string' ? meta.winnerStationId : null,
        packedAt: null,
        packerId: null,
        trackingNumber: null,
        carrierName: null,
      },
    }
  }

  private async listNow(): Promise<ExceptionView[]> {
    await this.collectConflicts()
    const out: ExceptionView[] = []
    for (const x of await listOpenExceptions(this.deps.db)) {
      const order = await getOrder(this.deps.db, x.orderId)
      if (!order) continue
      const past = x.kind !== 'syncConflict' && pastStop(order.status, this.atDesk(x))
      if (past) {
        await resolveException(this.deps.db, x.id, null, past)
        continue
      }
      out.push({
        id: x.id,
        orderId: x.orderId,
        orderNumber: order.orderNumber,
        orderBarcode: order.barcode,
        kind: x.kind,
        code: x.code,
        message: typeof x.detail.message === 'string' ? x.detail.message : x.code,
        openedAt: x.openedAt,
        atDesk: this.atDesk(x),
        actions: await this.actionsFor(x),
        facts: { ...factsOf((x.detail.meta ?? {}) as Record<string, unknown>), city: order.recipient.city, district: order.recipient.district ?? null },
        carriers: this.carriersFor(x),
        conflict: x.kind === 'syncConflict' ? await this.conflictOf(x) : null,
      })
    }
    return out
  }

  /** The kind's actions; another carrier only where the order was weighed (at the desk), no purchase is live and the comparison has one. */
  private async actionsFor(x: ExceptionRecord): Promise<ExceptionAction[]> {
    const all: readonly ExceptionAction[] = EXCEPTION_ACTIONS[x.kind]
    if (!all.includes('otherCarrier')) return [...all]
    const offered = this.carriersFor(x).length > 0 && !(await getLiveShipment(this.deps.db, x.orderId))
    return all.filter((a) => a !== 'otherCarrier' || offered)
  }

  /** The eligible carriers of the desk's comparison other than the one that stopped. */
  private carriersFor(x: ExceptionRecord): { serviceCode: string; name: string }[] {
    if (x.kind !== 'carrier' || !this.atDesk(x)) return []
    const v = this.deps.desk.view()
    const failed = v.chosen?.serviceCode ?? (typeof x.detail.serviceCode === 'string' ? x.detail.serviceCode : null)
    return (v.quote ?? []).filter((o) => o.eligible && o.serviceCode !== failed).map((o) => ({ serviceCode: o.serviceCode, name: o.name }))
  }

  private atDesk(x: ExceptionRecord): boolean {
    const v = this.deps.desk.view()
    return v.order?.id === x.orderId && v.step === 'exception'
  }

  private async orderOf(x: ExceptionRecord) {
    const order = await getOrder(this.deps.db, x.orderId)
    if (!order) throw new AppError(ErrorCode.notFound, msg('exceptions.notFound'), { meta: { orderId: x.orderId } })
    return order
  }

  private notAtDesk(x: ExceptionRecord): AppError {
    return new AppError(ErrorCode.wrongState, msg('exceptions.scanOrderFirst', { orderNumber: String(x.detail.orderNumber ?? x.orderId) }), {
      meta: { orderId: x.orderId },
    })
  }

  private async supervisor(badge: string): Promise<Packer> {
    const p = await findPackerByBadge(this.deps.db, badge)
    if (!p || !roleAtLeast(p.role, 'supervisor')) {
      throw new AppError(ErrorCode.supervisorRequired, msg('session.supervisorBadgeRequired'), { meta: { badge, byBadge: true } })
    }
    return p
  }
}

/** A stop the order is past by itself: packed, given back to the queue of open orders (cancel), or cancelled. Not while the desk holds it. */
function pastStop(status: string, atDesk: boolean): string | null {
  if (status === 'packed') return 'packed'
  if (status === 'cancelled') return 'orderCancelled'
  if (status === 'open' && !atDesk) return 'released'
  return null
}
