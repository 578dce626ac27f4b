import { PackingStep } from '../../../shared/contract/views'
import { ErrorCode } from '../../../shared/errors'
import type { FinishStage } from './order-finisher'

/** Below this the scale is read as empty (a hand brushing the plate). */
export const MIN_WEIGHT_GRAMS = 20

/**
 * The packing workflow's state: the step on screen, and what the machine has seen of the open order,
 * so its guards decide without asking anyone. The session (packing.session.ts) holds the data behind it.
 */
export type MachineState = Readonly<{
  step: PackingStep
  /** Every line of the open order is counted (scanned here, or before a restart). */
  itemsVerified: boolean
  /** A box or the dimensions are chosen, so a weight can be checked against items plus tare. */
  boxChosen: boolean
  /** 'stable': a stable reading of at least MIN_WEIGHT_GRAMS is on record; 'accepted': within tolerance, or a supervisor let it go. */
  weight: 'none' | 'stable' | 'accepted'
  /** A purchase intent of this order is live (recorded and not refused for good): a second one is never made. */
  purchaseLive: boolean
  /** How many parcels the order ships in (the order's own count, raised by the "next package" command); at least 1. */
  parcels: number
  /** Parcels boxed and weighed (stable, accepted) so far: the purchase waits until every parcel is. */
  parcelsWeighed: number
}>

export const INITIAL_MACHINE: MachineState = {
  step: PackingStep.idle,
  itemsVerified: false,
  boxChosen: false,
  weight: 'none',
  purchaseLive: false,
  parcels: 1,
  parcelsWeighed: 0,
}

/** What a scan does, by step: the core's single routing decision (`PackingService.scan`). */
export type ScanAction =
  | 'login'
  | 'cancel'
  | 'retry'
  | 'reprint'
  | 'defer'
  | 'openOrder'
  | 'confirmItem'
  | 'selectBox'
  | 'scanBack'
  | 'override'
  | 'overrideReason'
  | 'openReturn'
  | 'returnOrder'
  | 'returnReason'
  | 'returnBadge'
  /** A badge at a logged-in desk with no order in hand: the desk passes to its owner. */
  | 'handover'
  /** A tracking number or label barcode at a desk with no order in hand: the shipment is shown. */
  | 'lookup'
  /** Another order's barcode while one is open: refused, naming both. */
  | 'otherOrder'
  /** A badge while an order is open: refused, naming whose badge it is. */
  | 'badgeMidOrder'
  /** The supervisor's badge lets a box the items do not fit be used (audited). */
  | 'overrideBox'
  /** "Next package" (KJNEXTPKG): one more parcel for the open order. */
  | 'nextParcel'
  /** A digit after KJREPRINT on a multi-parcel order: that parcel's label again. */
  | 'reprintParcel'
  | 'busy'

export type ScanCommand = 'cancel' | 'retry' | 'reprint' | 'nextParcel'

/** What the code is, as far as routing cares (packing/scan-classifier.ts tells the rest apart for the wording). */
export type ScanSeen = 'badge' | 'order' | 'tracking' | 'other'

/** Why a request is refused; the service words it (the texts stay where the operator reads them). */
export type Refusal = 'nothingToRetry' | 'labelBought' | 'purchaseNotAllowed' | 'parcelNotAllowed'

/** Something that happened, or that the packer asked for, with the facts the service read for it. */
export type PackingEvent =
  | Readonly<{
      type: 'scan'
      loggedIn: boolean
      command: ScanCommand | null
      /** Labels await an answer and the code is a supervisor's badge. */
      supervisorDefers: boolean
      hasOrder: boolean
      /** Scan-back is on and the printed order has its shipment. */
      scanBackReady: boolean
      /** The problem holding the order may be overridden by a supervisor (packing.rules.ts SUPERVISOR_OVERRIDABLE). */
      blockingOverridable: boolean
      /** The code is a single digit 1…9 (a reason, or the nth box). */
      digit: boolean
      /** The code opens the return prompt (KJIADE, KJRETURN). */
      returnCommand: boolean
      /** The return prompt's stage while it is open. */
      returnPrompt: 'order' | 'confirm' | 'done' | null
      /** What the code is: a badge, an order, a shipment's tracking number or barcode, or anything else. */
      seen: ScanSeen
      /** A box the items do not fit was refused and waits for a supervisor's badge. */
      boxFitPending: boolean
      /** KJREPRINT on a multi-parcel order asked which parcel: a digit picks it. */
      reprintPick?: boolean
    }>
  /** `parcels`: the order's own count (default 1); `parcelsWeighed`: parcels weighed before a restart (default 0). */
  | Readonly<{ type: 'orderOpened'; allItems: boolean; parcels?: number; parcelsWeighed?: number }>
  /** The packer scanned "next package": the order ships in one more parcel. */
  | Readonly<{ type: 'nextParcel' }>
  /** An order with a bought label that never finished: picked up with the same shipment. */
  | Readonly<{ type: 'orderResumed' }>
  /** The session starts over (cancelled, or an already packed order shown). */
  | Readonly<{ type: 'orderReset' }>
  | Readonly<{ type: 'itemConfirmed'; allItems: boolean }>
  | Readonly<{ type: 'boxChosen' }>
  | Readonly<{ type: 'weightSettled'; grams: number; stable: boolean; withinTolerance: boolean; blockingCode: string | null }>
  /** The address check, carrier choice or the claim re-check failed. */
  | Readonly<{ type: 'carrierRefused' }>
  | Readonly<{ type: 'carrierChosen'; chosen: boolean }>
  | Readonly<{ type: 'stageReached'; stage: FinishStage }>
  | Readonly<{ type: 'finishFailed'; shipmentLive: boolean }>
  | Readonly<{ type: 'finished'; scanBack: boolean }>
  | Readonly<{ type: 'packed' }>
  /** A supervisor let the problem go (badge checked, audited). */
  | Readonly<{ type: 'overridden' }>
  | Readonly<{ type: 'retry'; orderPacked: boolean; shipmentLive: boolean; blockingCode: string | null }>
  | Readonly<{ type: 'cancel'; shipmentLive: boolean }>

/** What the service carries out after a transition, as data. */
export type PackingEffect =
  | Readonly<{ kind: 'route'; action: ScanAction }>
  | Readonly<{ kind: 'suggestBoxes' }>
  /** A weight already settled on the scale for this order is checked now. */
  | Readonly<{ kind: 'weighIfSettled' }>
  | Readonly<{ kind: 'blockOnWeight' }>
  | Readonly<{ kind: 'blockNoCarrier' }>
  | Readonly<{ kind: 'chooseCarrier' }>
  /** Record the purchase intent (idempotency key first), then finish. */
  | Readonly<{ kind: 'purchase' }>
  /** Buy or resume the live shipment (same key) and print its label. */
  | Readonly<{ kind: 'finish' }>
  | Readonly<{ kind: 'awaitScanBack' }>
  | Readonly<{ kind: 'completePacked' }>
  /** A packed order's labels still owed to the printer. */
  | Readonly<{ kind: 'printOwed' }>
  /** Counted items back to zero, order open again, claim released. */
  | Readonly<{ kind: 'releaseOrder' }>
  | Readonly<{ kind: 'refuse'; reason: Refusal }>
  /** A made return is on screen: the next scan closes it and is work again. */
  | Readonly<{ kind: 'closeReturnPrompt' }>
  /** One more parcel is expected: the counter on screen moves ("Koli 1/2"). */
  | Readonly<{ kind: 'parcelAdded' }>
  /** A parcel (not the last) is weighed: keep its box and weight, the next parcel is boxed and weighed. */
  | Readonly<{ kind: 'parcelDone' }>

export type Transition = Readonly<{ state: MachineState; effects: readonly PackingEffect[] }>

const stay = (state: MachineState, ...effects: PackingEffect[]): Transition => ({ state, effects })
const to = (state: MachineState, patch: Partial<MachineState>, ...effects: PackingEffect[]): Transition => ({ state: { ...state, ...patch }, effects })
const route = (action: ScanAction): PackingEffect => ({ kind: 'route', action })

/**
 * Where a scan goes: before login it is a badge; the return prompt takes every scan while open;
 * command codes anywhere; then by step. Digits pick a reason (override) or the nth box (the service reads it).
 */
export function routeScan(step: PackingStep, e: Extract<PackingEvent, { type: 'scan' }>): ScanAction {
  if (!e.loggedIn) return 'login'
  if (e.returnCommand) return 'openReturn'
  if (e.returnPrompt === 'order') return 'returnOrder'
  if (e.returnPrompt === 'confirm') return e.digit ? 'returnReason' : 'returnBadge'
  if (e.command) return e.command
  switch (step) {
    case PackingStep.idle:
    case PackingStep.packed:
      if (e.reprintPick && e.digit) return 'reprintParcel'
      return e.supervisorDefers ? 'defer' : noOrderInHand(e)
    case PackingStep.orderOpen:
      return midOrder(e) ?? 'confirmItem'
    case PackingStep.itemsVerified:
      if (e.boxFitPending && e.seen === 'badge') return 'overrideBox'
      return midOrder(e) ?? 'selectBox'
    case PackingStep.printed:
      return e.scanBackReady ? 'scanBack' : 'busy'
    case PackingStep.exception:
      if (e.blockingOverridable) return e.digit ? 'overrideReason' : 'override'
      return e.hasOrder ? (midOrder(e) ?? 'confirmItem') : noOrderInHand(e)
    default:
      return 'busy'
  }
}

/** No order in hand: a badge takes the desk over, a tracking number shows its shipment, anything else is read as an order. */
function noOrderInHand(e: Extract<PackingEvent, { type: 'scan' }>): ScanAction {
  return e.seen === 'badge' ? 'handover' : e.seen === 'tracking' ? 'lookup' : 'openOrder'
}

/** With an order in hand, another order or a badge is never read as an item or a box: the packer is told what it was. */
function midOrder(e: Extract<PackingEvent, { type: 'scan' }>): ScanAction | null {
  return e.seen === 'order' ? 'otherOrder' : e.seen === 'badge' ? 'badgeMidOrder' : null
}

/** A new order may open at an idle desk, after a packed one, or when none is open. */
export function mayOpenOrder(step: PackingStep, hasOrder: boolean): boolean {
  return !hasOrder || step === PackingStep.packed || step === PackingStep.idle
}

/** Items are scanned while the order is open, and after a stop (a missing item after a weight mismatch). */
export function mayConfirmItem(step: PackingStep): boolean {
  return step === PackingStep.orderOpen || step === PackingStep.exception
}

/** A box (or dimensions) once every item is counted. */
export function maySelectBox(step: PackingStep): boolean {
  return step === PackingStep.itemsVerified
}

/** A settled weight counts while the desk waits for one: items verified, or re-weighing after a mismatch. */
function expectsWeight(step: PackingStep, blockingCode: string | null): boolean {
  return step === PackingStep.itemsVerified || (step === PackingStep.exception && blockingCode === ErrorCode.weightOutOfTolerance)
}

const FRESH_ORDER = { itemsVerified: false, boxChosen: false, weight: 'none', purchaseLive: false, parcels: 1, parcelsWeighed: 0 } as const

/** More parcels may be declared until the purchase: while the items are counted or the parcels boxed. */
export function mayAddParcel(state: MachineState): boolean {
  return (state.step === PackingStep.orderOpen || state.step === PackingStep.itemsVerified) && !state.purchaseLive
}

/**
 * A parcel's stable weight is accepted (in tolerance, or a supervisor let it go). Not the last: it is kept, and
 * the next parcel is boxed and weighed. The last: the whole order is measured and a carrier is chosen.
 */
function parcelAccepted(state: MachineState): Transition {
  const weighed = state.parcelsWeighed + 1
  if (weighed < state.parcels) {
    return to(state, { step: PackingStep.itemsVerified, parcelsWeighed: weighed, boxChosen: false, weight: 'none' }, { kind: 'parcelDone' })
  }
  return to(state, { parcelsWeighed: state.parcels, weight: 'accepted' }, { kind: 'chooseCarrier' })
}

/**
 * The table: (state, event) → next state and effects. Pure; the service carries out the effects and is
 * the only place that stores the next state (packing.service.ts `dispatch`).
 */
export function transition(state: MachineState, event: PackingEvent): Transition {
  const { step } = state
  switch (event.type) {
    case 'scan':
      if (event.loggedIn && !event.returnCommand && event.returnPrompt === 'done') {
        return stay(state, { kind: 'closeReturnPrompt' }, route(routeScan(step, { ...event, returnPrompt: null })))
      }
      return stay(state, route(routeScan(step, event)))
    case 'orderOpened': {
      const next = event.allItems ? PackingStep.itemsVerified : PackingStep.orderOpen
      const parcelsWeighed = Math.max(0, event.parcelsWeighed ?? 0)
      // Parcels weighed before a restart were not the last (the last one's weight buys the label): one more is always to come.
      const parcels = Math.max(1, event.parcels ?? 1, parcelsWeighed + 1)
      const patch = { ...FRESH_ORDER, step: next, itemsVerified: event.allItems, parcels, parcelsWeighed }
      return to(state, patch, ...(event.allItems ? [{ kind: 'suggestBoxes' } as const] : []))
    }
    case 'nextParcel':
      if (!mayAddParcel(state)) return stay(state, { kind: 'refuse', reason: 'parcelNotAllowed' })
      return to(state, { parcels: state.parcels + 1 }, { kind: 'parcelAdded' })
    case 'orderResumed':
      return to(state, { ...FRESH_ORDER, step: PackingStep.shipmentCreated, itemsVerified: true, purchaseLive: true }, { kind: 'finish' })
    case 'orderReset':
      return to(state, { ...FRESH_ORDER, step: PackingStep.idle })
    case 'itemConfirmed': {
      if (!mayConfirmItem(step)) return stay(state)
      const next = event.allItems ? PackingStep.itemsVerified : PackingStep.orderOpen
      // The parcel changed: a weight taken before no longer describes it.
      return to(state, { step: next, itemsVerified: event.allItems, weight: 'none' }, ...(event.allItems ? [{ kind: 'suggestBoxes' } as const] : []))
    }
    case 'boxChosen':
      if (!maySelectBox(step)) return stay(state)
      return to(state, { boxChosen: true, weight: 'none' }, { kind: 'weighIfSettled' })
    case 'weightSettled':
      if (!expectsWeight(step, event.blockingCode) || !state.boxChosen || !event.stable || event.grams < MIN_WEIGHT_GRAMS) return stay(state)
      if (!event.withinTolerance) return to(state, { step: PackingStep.exception, weight: 'stable' }, { kind: 'blockOnWeight' })
      return parcelAccepted(state)
    case 'carrierRefused':
      return to(state, { step: PackingStep.exception })
    case 'carrierChosen':
      if (!event.chosen) return to(state, { step: PackingStep.exception }, { kind: 'blockNoCarrier' })
      if (!mayPurchase(state)) return stay(state, { kind: 'refuse', reason: 'purchaseNotAllowed' })
      return to(state, { step: PackingStep.measured, purchaseLive: true }, { kind: 'purchase' })
    case 'stageReached':
      return to(state, { step: event.stage, purchaseLive: true })
    case 'finishFailed':
      return to(state, { step: PackingStep.exception, purchaseLive: event.shipmentLive })
    case 'finished':
      return stay(state, event.scanBack ? { kind: 'awaitScanBack' } : { kind: 'completePacked' })
    case 'packed':
      return to(state, { step: PackingStep.packed })
    case 'overridden':
      // A weight the supervisor lets go counts for its parcel; an address override keeps the weight as it was.
      if (state.weight === 'stable') return parcelAccepted(state)
      return stay(state, { kind: 'chooseCarrier' })
    case 'retry':
      if (event.orderPacked) return stay(state, { kind: 'printOwed' })
      if (event.shipmentLive) return to(state, { purchaseLive: true }, { kind: 'finish' })
      if (step === PackingStep.exception && state.weight !== 'none' && event.blockingCode !== ErrorCode.weightOutOfTolerance) {
        return stay(state, { kind: 'chooseCarrier' })
      }
      return stay(state, { kind: 'refuse', reason: 'nothingToRetry' })
    case 'cancel':
      return stay(state, event.shipmentLive ? { kind: 'refuse', reason: 'labelBought' } : { kind: 'releaseOrder' })
  }
}

/** Money is spent only on counted items, an accepted stable weight for every parcel, from a step that waits for it, and once per order. */
function mayPurchase(state: MachineState): boolean {
  const waiting = state.step === PackingStep.itemsVerified || state.step === PackingStep.exception
  return waiting && state.itemsVerified && state.weight === 'accepted' && state.parcelsWeighed === state.parcels && !state.purchaseLive
}
