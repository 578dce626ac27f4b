import { withCostsFor } from '../../../shared/contract/cost-visibility'
import type { Notice, PackingView } from '../../../shared/contract/views'
import type { Box } from '../../../shared/domain/box'
import { orderItemsWeightGrams, type Order } from '../../../shared/domain/order'
import { roleAtLeast, type Packer } from '../../../shared/domain/packer'
import { Emitter, type Unsubscribe } from '../../../shared/emitter'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import { findBox, listBoxes } from '../boxes/boxes.repository'
import { findOrderByCode, getOrder, incrementPackedQuantity, setOrderStatus } from '../orders/orders.repository'
import { BadgeGate } from '../packers/badge-gate'
import { findPackerByBadge } from '../packers/packers.repository'
import { getLiveShipment } from '../shipping/shipments.repository'
import { lookUpShipment } from '../shipping/shipment-lookup'
import { RETURN_COMMAND_CODES, confirmReturn, openReturnPrompt, withReturnOrder, withReturnReason } from '../returns/return-prompt'
import { OVERRIDE_REASONS, overrideReasonText } from '../../../shared/contract/desk-reasons'
import { SUPERVISOR_OVERRIDABLE, CommandCode, allItemsScanned, matchItem } from './packing.rules'
import { SHOWN_SUGGESTIONS, adviseBoxes } from './box-advisor'
import type { PackingDeps, PipelineContext } from './packing.deps'
import { MIN_WEIGHT_GRAMS, mayConfirmItem, mayOpenOrder, maySelectBox, transition } from './packing.machine'
import type { PackingEffect, PackingEvent, ScanCommand, ScanSeen } from './packing.machine'
import { classifyScan, type ScanKind } from './scan-classifier'
import { badgeMidOrderRefusal, otherOrderRefusal, refusalForItem, refusalWithoutOrder } from './scan-refusals.rules'
import { ORDER_RESET, newSession, packingView, type Session } from './packing.session'
import { finish, isLastParcel, scanBack, throwIfRefused, weighed } from './packing.pipeline'
import { listPackages, orderHasShipment } from './packages.repository'
import * as recovery from './packing.recovery'
import { countPackedToday } from '../orders/packed-today.repository'
import { onPrinterReady } from './printer-recovery.rules'
import { awaitingAnswer, unansweredLabelsError } from './unconfirmed-labels'

export type { PackingDeps } from './packing.deps'

const DIGIT = /^[1-9]$/

/** Why a reprint was asked for, when the scanner asked (the audit's reason). */
const SCANNER_REPRINT = 'tarayıcı komutu / scanner command'

/** Why a box the items do not fit was used, as the audit records it. */
const BOX_FIT_OVERRIDE_REASON = 'sığmayan koli süpervizör onayıyla / box the items do not fit, approved by a supervisor'

/** The classifier's answer as far as routing cares (packing.machine.ts `routeScan`). */
const SEEN: Partial<Record<ScanKind['kind'], ScanSeen>> = { badge: 'badge', order: 'order', tracking: 'tracking' }

/** Scanner command codes, by the command they stand for. */
const SCAN_COMMANDS: ReadonlyMap<string, ScanCommand> = new Map([
  [CommandCode.cancel, 'cancel'],
  [CommandCode.retry, 'retry'],
  [CommandCode.reprint, 'reprint'],
  [CommandCode.nextParcel, 'nextParcel'],
])

/**
 * The packing workflow: idle → orderOpen → itemsVerified → measured → shipmentCreated → printed → packed
 * (→ next order), with cancel and exception paths. The decisions are the pure table in packing.machine.ts;
 * this service reads the facts, feeds the machine events and carries out the effects it returns. Every
 * command and scale event runs through one queue, so a scan and a settled weight can never interleave half-way.
 */
export class PackingService {
  private readonly changed = new Emitter<PackingView>()
  readonly onDidChange = this.changed.event
  private s: Session = newSession()
  private queue: Promise<unknown> = Promise.resolve()
  /** The last weight the scale settled on, and when the current order was opened: a parcel left on the scale from the previous order must not count. */
  private lastSettle: { grams: number; at: number } | null = null
  private orderOpenedAt = 0
  private unsubscribe: Unsubscribe | null = null
  private disposed = false
  /** Badge login: an active badge and, when its record has one, its PIN (with a lock after wrong PINs). */
  private readonly badges: BadgeGate

  /** The weigh → ship → label → packed half of the workflow (packing.pipeline.ts), on this session. */
  private readonly pipeline: PipelineContext

  constructor(private readonly deps: PackingDeps) {
    this.badges = new BadgeGate(deps.db)
    this.pipeline = { s: this.s, deps, fire: () => this.changed.fire(this.view()), dispatch: (event) => this.dispatch(event) }
  }

  /** The one place the machine moves: the table's next state is stored, its effects returned to carry out. */
  private dispatch(event: PackingEvent): readonly PackingEffect[] {
    const next = transition(this.s.machine, event)
    this.s.machine = next.state
    return next.effects
  }

  start(): void {
    const offWeight = this.deps.weight.onDidSettle((w) => {
      this.lastSettle = w
      void this.run(() => this.onWeight(w.grams)).catch(() => undefined) // the problem is already on screen
    })
    // The printer's state changed: labels with an unknown outcome are listed again, and a printer
    // that is ready again clears the banner (the owed label prints on the packer's key, once).
    const offPrinter = this.deps.printQueue.onDidChange((state) =>
      this.quiet(async () => {
        const listChanged = await this.refreshUnconfirmed()
        return (state.ready === true && onPrinterReady(this.s)) || listChanged
      }),
    )
    this.unsubscribe = () => (offWeight(), offPrinter())
    // At start: every paid label whose print was never confirmed is on screen before the first order.
    void this.quiet(() => this.refreshUnconfirmed())
    // The packed counter is "today at this desk", so a restart does not set it back to 0 (issue 12).
    void this.quiet(async () => {
      this.s.packedCount = await countPackedToday(this.deps.db)
      return this.s.packedCount > 0
    })
  }

  dispose(): void {
    this.disposed = true
    this.unsubscribe?.()
    this.changed.dispose()
  }

  /** Runs a background update in the command queue without touching the refusal on screen; emits when it changed something. */
  private quiet(fn: () => Promise<boolean>): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.disposed) return
      if (await fn()) this.changed.fire(this.view())
    })
    this.queue = next.catch(() => undefined)
    return this.queue as Promise<void>
  }

  /** Puts a problem found outside any command (a resume at start that failed) on screen until the next command; the step stays. */
  showProblem(problem: AppError): Promise<void> {
    return this.quiet(async () => {
      this.s.problem = problem
      return true
    })
  }

  /** Re-reads the unconfirmed labels; true when the list on screen changed. */
  private async refreshUnconfirmed(): Promise<boolean> {
    const before = JSON.stringify(this.s.unconfirmed)
    await recovery.refreshUnconfirmed(this.pipeline)
    return JSON.stringify(this.s.unconfirmed) !== before
  }

  view(): PackingView {
    const held = this.s.order ? this.deps.claims?.held(this.s.order.id) : null
    // Costs only for managers and up (issue 12): every view the desk sends passes here.
    return withCostsFor({ ...packingView(this.s, this.deps.carrierNames), claim: held ? { state: held.state, holder: held.holder } : null })
  }

  /** Serializes every mutation; emits the view after each, and records a refusal as the on-screen problem. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      this.s.problem = null // a refusal is shown until the next command
      try {
        return await fn()
      } catch (err) {
        const e = toAppError(err)
        this.s.problem = e
        this.s.notice = null
        throw e
      } finally {
        this.changed.fire(this.view())
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  login(badge: string, pin?: string): Promise<Packer> {
    return this.run(() => this.doLogin(badge, pin))
  }

  private async doLogin(badge: string, pin?: string): Promise<Packer> {
    return this.enter(await this.badges.admit(badge, pin))
  }

  private async enter(packer: Packer): Promise<Packer> {
    this.s.packer = packer
    this.s.notice = { tone: 'ok', ...msg('packing.welcome', { name: packer.name }) }
    await appendAudit(this.deps.db, { actorId: packer.id, action: 'session.login' })
    return packer
  }

  logout(): Promise<null> {
    return this.run(() => this.doLogout())
  }

  private async doLogout(): Promise<null> {
    if (this.s.packer) await appendAudit(this.deps.db, { actorId: this.s.packer.id, action: 'session.logout' })
    this.s.packer = null
    this.s.returnPrompt = null // the next person starts at the desk
    return null
  }

  /** The single scanner entry: routes a code by the current step, inside the queue (so it sees the step a finished label left). */
  scan(code: string): Promise<PackingView> {
    return this.run(() => this.routeScan(code))
  }

  private async routeScan(code: string): Promise<PackingView> {
    const { s } = this
    const awaiting = s.packer !== null && awaitingAnswer(s.unconfirmed).length > 0
    const digit = DIGIT.test(code) ? Number(code) : null
    // Before login every scan is a badge, and an open return prompt reads its own scans: nothing to tell apart there.
    // Once a return is shown ('done'), the next scan closes the prompt and is work again, so it is told apart like any other.
    const promptReads = s.returnPrompt !== null && s.returnPrompt.stage !== 'done'
    const kind: ScanKind = s.packer && !promptReads ? await classifyScan(this.deps.db, code, s.order) : { kind: 'unknown' }
    const lookedUp = s.lookup
    s.lookup = null // a shipment shown by its tracking number stays until the next scan (KJIADE over it returns its order)
    const reprintPick = s.reprintPick
    s.reprintPick = false // "which parcel?" takes the next scan only
    const effects = this.dispatch({
      type: 'scan',
      loggedIn: s.packer !== null,
      command: SCAN_COMMANDS.get(code.toUpperCase()) ?? null,
      supervisorDefers: awaiting && roleAtLeast((await findPackerByBadge(this.deps.db, code))?.role, 'supervisor'),
      hasOrder: s.order !== null,
      scanBackReady: this.deps.scanBack !== null && s.order !== null && s.shipment !== null,
      blockingOverridable: s.blocking !== null && SUPERVISOR_OVERRIDABLE.has(s.blocking.code),
      digit: digit !== null,
      returnCommand: RETURN_COMMAND_CODES.has(code.toUpperCase()),
      returnPrompt: s.returnPrompt?.stage ?? null,
      seen: SEEN[kind.kind] ?? 'other',
      boxFitPending: s.boxFitPending !== null,
      reprintPick,
    })
    if (effects.some((e) => e.kind === 'closeReturnPrompt')) s.returnPrompt = null
    const route = effects.find((e) => e.kind === 'route')
    switch (route?.kind === 'route' ? route.action : 'busy') {
      case 'login':
        await this.doLogin(code)
        return this.view()
      case 'cancel':
        return this.doCancel()
      case 'retry':
        return this.doRetry()
      case 'reprint':
        return this.doReprint(s.order?.barcode ?? '', SCANNER_REPRINT, { askParcel: true })
      case 'reprintParcel':
        return this.doReprint(s.order?.barcode ?? '', SCANNER_REPRINT, { parcel: digit! })
      case 'nextParcel':
        return this.doNextParcel()
      case 'defer':
        return this.doDefer(code)
      case 'openOrder': {
        const refusal = refusalWithoutOrder(kind, code)
        if (refusal) throw refusal
        return this.doOpenOrder(code)
      }
      case 'confirmItem': {
        const refusal = s.order ? refusalForItem(kind, code, s.order, s.machine.step === 'orderOpen') : null
        if (refusal) throw refusal
        return this.doConfirmItem(code)
      }
      case 'selectBox':
        return this.doSelectBox(digit !== null ? await this.nthBoxCode(digit, code) : code)
      case 'overrideBox':
        return this.doOverrideBox(code)
      case 'handover':
        return this.doHandover(kind.kind === 'badge' ? kind.packer : null, code)
      case 'lookup':
        return this.doLookup(kind.kind === 'tracking' ? kind.shipmentId : '')
      case 'otherOrder':
        if (kind.kind !== 'order' || !s.order) break
        if (kind.order.id === s.order.id) {
          s.notice = { tone: 'ok', ...msg('scan.sameOrder', { orderNumber: s.order.orderNumber }) }
          return this.view()
        }
        throw otherOrderRefusal(kind.order, s.order)
      case 'badgeMidOrder':
        if (kind.kind === 'badge' && s.order) throw badgeMidOrderRefusal(kind.packer, s.order)
        break
      case 'scanBack':
        return this.doScanBack(code)
      case 'override':
        return this.doOverride(code, overrideReasonText(s.overrideReason))
      case 'overrideReason':
        if (digit! - 1 < OVERRIDE_REASONS.length) s.overrideReason = digit! - 1
        return this.view()
      case 'openReturn':
        s.returnPrompt = openReturnPrompt(this.view(), lookedUp?.orderBarcode ?? null)
        return this.view()
      case 'returnOrder':
        s.returnPrompt = withReturnOrder(s.returnPrompt!, code)
        return this.view()
      case 'returnReason':
        s.returnPrompt = withReturnReason(s.returnPrompt!, digit!)
        return this.view()
      case 'returnBadge':
        return this.doConfirmReturn(code)
      default:
        break
    }
    throw new AppError(ErrorCode.wrongState, msg('packing.busyFinishing'))
  }

  /**
   * A badge at a logged-in desk with no order in hand: the desk passes to its owner (logout and login,
   * both audited, plus the handover itself). The new badge is admitted first, so a refused one leaves the desk as it was.
   */
  private async doHandover(next: Packer | null, badge: string): Promise<PackingView> {
    const current = this.requirePacker()
    if (next?.id === current.id) {
      this.s.notice = { tone: 'ok', ...msg('session.alreadyYours', { name: current.name }) }
      return this.view()
    }
    const admitted = await this.badges.admit(badge)
    await this.doLogout()
    this.resetSession()
    await this.enter(admitted)
    const detail = { from: current.id, fromBadge: current.badge, to: admitted.id }
    await appendAudit(this.deps.db, { actorId: admitted.id, action: 'session.handover', detail })
    this.s.notice = { tone: 'ok', ...msg('session.handedOver', { from: current.name, name: admitted.name }) }
    return this.view()
  }

  /** A tracking number or label barcode at a desk with no order in hand: the shipment, its order and its last tracking, on screen. */
  private async doLookup(shipmentId: string): Promise<PackingView> {
    const found = await lookUpShipment(this.deps.db, shipmentId, this.deps.carrierNames)
    if (!found) throw new AppError(ErrorCode.notFound, msg('shipment.notFound', { code: shipmentId }), { meta: { code: shipmentId } })
    this.s.lookup = found
    const trackingNumber = found.trackingNumber ?? found.barcode ?? '—'
    this.s.notice = { tone: 'ok', ...msg('shipment.lookedUp', { orderNumber: found.orderNumber, trackingNumber }) }
    return this.view()
  }

  /** A digit at the box step is the nth box of the catalog as the desk lists it (beyond the list: refused as an unknown box). */
  private async nthBoxCode(n: number, code: string): Promise<string> {
    return (await listBoxes(this.deps.db))[n - 1]?.code ?? code
  }

  /** The key a box has on screen (the same list `nthBoxCode` reads), so a suggestion names the key that picks it; past the ninth, its code. */
  private async boxKey(boxCode: string): Promise<string> {
    const n = (await listBoxes(this.deps.db)).findIndex((b) => b.code === boxCode) + 1
    return n >= 1 && n <= SHOWN_SUGGESTIONS ? String(n) : boxCode
  }

  private async doConfirmReturn(badge: string): Promise<PackingView> {
    await confirmReturn(this.s.returnPrompt!, badge, this.deps.returns, (next) => (this.s.returnPrompt = next))
    return this.view()
  }

  /** Esc on the return prompt. */
  closeReturnPrompt(): Promise<PackingView> {
    return this.run(async () => {
      this.s.returnPrompt = null
      return this.view()
    })
  }

  openOrder(code: string): Promise<PackingView> {
    return this.run(() => this.doOpenOrder(code))
  }

  private async doOpenOrder(code: string): Promise<PackingView> {
    this.requirePacker()
    const open = this.s.order
    if (open && !mayOpenOrder(this.s.machine.step, true)) {
      throw new AppError(ErrorCode.wrongState, msg('packing.finishOpenFirst', { orderNumber: open.orderNumber }))
    }
    const order = await findOrderByCode(this.deps.db, code)
    if (!order) throw new AppError(ErrorCode.orderUnknown, msg('order.unknownCode', { code }), { meta: { code } })
    if (order.status === 'cancelled')
      throw new AppError(ErrorCode.orderCancelled, msg('order.cancelledDoNotPack', { orderNumber: order.orderNumber }), { meta: { code } })
    // A paid label whose print outcome is unknown is answered (or deferred) before the next order starts.
    const waiting = awaitingAnswer(await recovery.refreshUnconfirmed(this.pipeline), order.id)
    if (waiting.length > 0) throw unansweredLabelsError(waiting)
    if (order.status === 'packed') {
      this.resetSession()
      this.s.order = order
      throw new AppError(ErrorCode.orderAlreadyPacked, msg('order.alreadyPacked', { orderNumber: order.orderNumber }), {
        meta: { code, orderNumber: order.orderNumber },
      })
    }
    const live = await getLiveShipment(this.deps.db, order.id)
    if (live) {
      if (this.deps.finisher.isAdvancing(order.id)) {
        throw new AppError(ErrorCode.orderBusy, msg('order.labelBeingFinishedNamed', { orderNumber: order.orderNumber }), { meta: { code }, retryable: true })
      }
      return this.doResumeOrder(order.id)
    }
    // Claimed at the cloud first; offline, the desk packs on a local claim and the cloud settles it on push.
    const claim = this.deps.claims ? await this.deps.claims.claim(order.id) : null
    await setOrderStatus(this.deps.db, order.id, 'packing')
    this.resetSession()
    this.orderOpenedAt = Date.now()
    this.s.order = await getOrder(this.deps.db, order.id)
    // Parcels weighed before a restart (never bought: no shipment of this order exists) are kept; the next parcel is boxed.
    this.s.parcels = (await orderHasShipment(this.deps.db, order.id)) ? [] : await listPackages(this.deps.db, order.id)
    const opened = { allItems: allItemsScanned(this.s.order!), parcels: this.s.order!.parcelCount ?? 1, parcelsWeighed: this.s.parcels.length }
    await this.carryOut(this.dispatch({ type: 'orderOpened', ...opened }))
    this.s.notice =
      claim === 'local'
        ? { tone: 'warn', ...msg('packing.orderOpenLocal', { orderNumber: order.orderNumber }) }
        : { tone: 'ok', ...msg('packing.orderOpen', { orderNumber: order.orderNumber }) }
    return this.view()
  }

  /**
   * The order already has a bought label but never finished (the desk was killed between the label and
   * "packed", or the resume after the restart could not finish it): the packer's scan picks it up where
   * it stopped, with the same shipment, instead of refusing it for ever (found by tests/chaos/sync-chaos.test.ts).
   */
  private async doResumeOrder(orderId: string): Promise<PackingView> {
    this.resetSession()
    this.orderOpenedAt = Date.now()
    this.s.order = await getOrder(this.deps.db, orderId)
    this.s.shipment = await getLiveShipment(this.deps.db, orderId)
    const effects = this.dispatch({ type: 'orderResumed' })
    this.s.notice = { tone: 'warn', ...msg('packing.resuming', { orderNumber: this.s.order?.orderNumber ?? '' }) }
    if (effects.some((e) => e.kind === 'finish')) await finish(this.pipeline, orderId)
    return this.view()
  }

  confirmItem(code: string): Promise<PackingView> {
    return this.run(() => this.doConfirmItem(code))
  }

  private async doConfirmItem(code: string): Promise<PackingView> {
    const order = this.requireOrder()
    if (!mayConfirmItem(this.s.machine.step)) {
      throw new AppError(ErrorCode.wrongState, msg('items.allScanned'))
    }
    const line = matchItem(order, code)
    if (!(await incrementPackedQuantity(this.deps.db, line.id))) {
      throw new AppError(ErrorCode.itemOverQuantity, msg('item.overQuantity', { name: line.name }), { meta: { code } })
    }
    this.s.order = await getOrder(this.deps.db, order.id)
    const done = allItemsScanned(this.s.order!)
    await this.carryOut(this.dispatch({ type: 'itemConfirmed', allItems: done }))
    const best = this.s.boxSuggestions?.[0]
    this.s.notice = done
      ? best?.fits === true
        ? { tone: 'ok', ...msg('packing.itemsCompleteSuggested', { boxName: best.name, boxCode: best.code, boxKey: await this.boxKey(best.code) }) }
        : { tone: 'ok', ...msg('packing.itemsComplete') }
      : { tone: 'ok', ...msg('packing.itemScanned', { name: line.name }) }
    return this.view()
  }

  selectBox(boxCode: string): Promise<PackingView> {
    return this.run(() => this.doSelectBox(boxCode))
  }

  private async doSelectBox(boxCode: string): Promise<PackingView> {
    const order = this.requireOrder()
    if (!maySelectBox(this.s.machine.step)) throw new AppError(ErrorCode.itemsIncomplete, msg('items.scanAllFirst'))
    this.s.boxFitPending = null
    const box = await findBox(this.deps.db, boxCode)
    if (!box) {
      // A scanned item here means one too many; say so rather than "unknown box".
      if (order.lines.some((l) => l.gtin === boxCode || l.sku.toUpperCase() === boxCode.toUpperCase())) {
        throw new AppError(ErrorCode.itemOverQuantity, msg('item.oneTooMany', { code: boxCode }), { meta: { code: boxCode } })
      }
      throw new AppError(ErrorCode.boxUnknown, msg('box.unknown', { code: boxCode }), { meta: { code: boxCode } })
    }
    // A box the advisor found the items do not fit is refused; a supervisor's badge may still let it be used (doOverrideBox).
    // A parcel of a multi-parcel order holds only some of the items, so the fit of all of them says nothing about it.
    if (this.s.machine.parcels <= 1 && this.s.boxSuggestions?.some((x) => x.code === box.code && x.fits === false)) {
      this.s.boxFitPending = box
      throw new AppError(ErrorCode.supervisorRequired, msg('box.doesNotFit', { boxName: box.name, boxCode: box.code }), {
        meta: { code: box.code, boxCode: box.code, byBadge: true },
      })
    }
    return this.useBox(order, box, { tone: 'ok', ...msg('packing.boxChosen', { boxName: box.name }) })
  }

  /** A supervisor's badge lets the refused box be used; audited with the reason. Any other badge is refused and the box still waits. */
  private async doOverrideBox(badge: string): Promise<PackingView> {
    const order = this.requireOrder()
    const box = this.s.boxFitPending!
    const supervisor = await findPackerByBadge(this.deps.db, badge)
    if (!supervisor || !roleAtLeast(supervisor.role, 'supervisor')) {
      throw new AppError(ErrorCode.supervisorRequired, msg('box.doesNotFit', { boxName: box.name, boxCode: box.code }), {
        meta: { badge, boxCode: box.code, byBadge: true },
      })
    }
    this.s.boxFitPending = null
    await appendAudit(this.deps.db, {
      actorId: supervisor.id,
      action: 'packing.boxFitOverride',
      orderId: order.id,
      detail: { boxCode: box.code, packerId: this.s.packer?.id ?? null, reason: BOX_FIT_OVERRIDE_REASON },
    })
    return this.useBox(order, box, { tone: 'warn', ...msg('box.fitOverridden', { boxName: box.name, supervisor: supervisor.name }) })
  }

  private async useBox(order: Order, box: Box, notice: Notice): Promise<PackingView> {
    this.s.box = box
    this.s.dims = { lengthMm: box.lengthMm, widthMm: box.widthMm, heightMm: box.heightMm }
    this.s.expectedGrams = await this.expectedParcelGrams(order, box.tareGrams)
    this.s.notice = notice
    await this.carryOut(this.dispatch({ type: 'boxChosen' }))
    return this.view()
  }

  setDimensions(dims: { lengthMm: number; widthMm: number; heightMm: number }): Promise<PackingView> {
    return this.run(() => this.doSetDimensions(dims))
  }

  private async doSetDimensions(dims: { lengthMm: number; widthMm: number; heightMm: number }): Promise<PackingView> {
    const order = this.requireOrder()
    if (!maySelectBox(this.s.machine.step)) throw new AppError(ErrorCode.itemsIncomplete, msg('items.scanAllFirst'))
    this.s.box = null
    this.s.boxFitPending = null
    this.s.dims = dims
    this.s.expectedGrams = await this.expectedParcelGrams(order, 0)
    this.s.notice = { tone: 'ok', ...msg('packing.dimensionsSet') }
    await this.carryOut(this.dispatch({ type: 'boxChosen' }))
    return this.view()
  }

  override(supervisorBadge: string, reason: string): Promise<PackingView> {
    return this.run(() => this.doOverride(supervisorBadge, reason))
  }

  private async doOverride(supervisorBadge: string, reason: string): Promise<PackingView> {
    await recovery.override(this.pipeline, supervisorBadge, reason)
    return this.view()
  }

  /** Retries what failed: resumes the same shipment (same idempotency key) or the queued label. */
  retry(): Promise<PackingView> {
    return this.run(() => this.doRetry())
  }

  private async doRetry(): Promise<PackingView> {
    await recovery.retry(this.pipeline)
    return this.view()
  }

  /** The exceptions queue's retry of the order open here (issue 12): F2's path, optionally on another carrier of the comparison. */
  retryHeld(orderId: string, carrierPick: string | null): Promise<PackingView> {
    return this.run(async () => {
      if (this.s.order?.id !== orderId) throw new AppError(ErrorCode.wrongState, msg('packing.nothingToRetry'), { meta: { orderId } })
      await recovery.retry(this.pipeline, carrierPick)
      return this.view()
    })
  }

  cancel(): Promise<PackingView> {
    return this.run(() => this.doCancel())
  }

  private async doCancel(): Promise<PackingView> {
    await recovery.cancel(this.pipeline)
    return this.view()
  }

  /** The operator's answer for a label whose print outcome is unknown (this job, else the open order's, else the oldest); then its order is finished. */
  resolveUncertainPrint(decision: 'printed' | 'printAgain', jobId?: string): Promise<PackingView> {
    return this.run(async () => {
      await recovery.resolveUncertainPrint(this.pipeline, decision, jobId)
      return this.view()
    })
  }

  /** A supervisor defers every label still awaiting an answer (audited), so new orders can open. */
  deferUnconfirmed(supervisorBadge: string): Promise<PackingView> {
    return this.run(() => this.doDefer(supervisorBadge))
  }

  private async doDefer(supervisorBadge: string): Promise<PackingView> {
    await recovery.deferUnconfirmed(this.pipeline, supervisorBadge)
    return this.view()
  }

  reprint(orderCode: string, reason: string): Promise<PackingView> {
    return this.run(() => this.doReprint(orderCode, reason))
  }

  private async doReprint(orderCode: string, reason: string, which: { askParcel?: boolean; parcel?: number } = {}): Promise<PackingView> {
    await recovery.reprint(this.pipeline, orderCode, reason, which)
    return this.view()
  }

  /** "Next package": the open order ships in one more parcel (until its label is bought). */
  private async doNextParcel(): Promise<PackingView> {
    this.requireOrder()
    const effects = this.dispatch({ type: 'nextParcel' })
    throwIfRefused(effects)
    this.s.notice = { tone: 'ok', ...msg('packing.parcelAdded', { count: this.s.machine.parcels }) }
    return this.view()
  }

  /**
   * What the parcel on the scale should weigh. One parcel: the items plus its box. A multi-parcel order's items are not
   * split by parcel: a parcel before the last gets an even share of the items plus its box (a guide, not checked), and the
   * last one what the items and every box still lack after the parcels weighed before it (checked: the order's tolerance).
   */
  private async expectedParcelGrams(order: Order, tareGrams: number): Promise<number> {
    const items = orderItemsWeightGrams(order)
    const { parcels } = this.s.machine
    if (parcels <= 1) return items + tareGrams
    if (!isLastParcel(this.pipeline)) return Math.round(items / parcels) + tareGrams
    let before = 0
    for (const p of this.s.parcels) before += ((p.boxCode ? await findBox(this.deps.db, p.boxCode) : null)?.tareGrams ?? 0) - p.weightGrams
    return Math.max(0, items + tareGrams + before)
  }

  /** A weight that settled after this order was opened and is still on the scale, or null. */
  private settledForThisOrder(): number | null {
    const reading = this.deps.weight.current()
    const settle = this.lastSettle
    const from = Math.max(this.orderOpenedAt, this.s.parcelFrom)
    if (!reading?.stable || !settle || settle.at < from || reading.grams < MIN_WEIGHT_GRAMS) return null
    return Math.abs(reading.grams - settle.grams) <= 10 ? settle.grams : null
  }

  private onWeight(grams: number): Promise<void> {
    return weighed(this.pipeline, grams)
  }

  /** The effects of opening an order, counting an item or choosing a box. */
  private async carryOut(effects: readonly PackingEffect[]): Promise<void> {
    for (const effect of effects) {
      if (effect.kind === 'suggestBoxes') await this.suggestBoxes(this.s.order!)
      if (effect.kind === 'weighIfSettled') {
        const settled = this.settledForThisOrder()
        if (settled !== null) await this.onWeight(settled)
      }
    }
  }

  private async doScanBack(code: string): Promise<PackingView> {
    await scanBack(this.pipeline, code)
    return this.view()
  }

  private resetSession(): void {
    Object.assign(this.s, ORDER_RESET)
    this.dispatch({ type: 'orderReset' })
  }

  /** Ranks the catalog's boxes once the items are complete; a failure only loses the hint, never the scan. */
  private async suggestBoxes(order: Order): Promise<void> {
    try {
      this.s.boxSuggestions = await adviseBoxes(this.deps.choice, order)
    } catch {
      this.s.boxSuggestions = null // a rate card that cannot price this order must not stop packing; the box is picked by hand
    }
  }

  private requirePacker(): Packer {
    if (!this.s.packer) throw new AppError(ErrorCode.sessionRequired, msg('session.scanBadgeFirst'))
    return this.s.packer
  }

  private requireOrder(): Order {
    this.requirePacker()
    if (!this.s.order) throw new AppError(ErrorCode.wrongState, msg('session.scanOrderFirst'))
    return this.s.order
  }
}
