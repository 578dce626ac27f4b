import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PackingStep } from '../../../shared/contract/views'
import { ErrorCode } from '../../../shared/errors'
import { INITIAL_MACHINE, MIN_WEIGHT_GRAMS, transition, type MachineState, type PackingEffect, type PackingEvent } from './packing.machine'
import { ORDER_RESET } from './packing.session'

const S = PackingStep
const W = ErrorCode.weightOutOfTolerance
const at = (step: PackingStep, patch: Partial<MachineState> = {}): MachineState => ({ ...INITIAL_MACHINE, step, ...patch })
const ready = { itemsVerified: true, boxChosen: true } as const
const scan = (patch: Partial<Extract<PackingEvent, { type: 'scan' }>> = {}): PackingEvent => ({
  type: 'scan',
  loggedIn: true,
  command: null,
  supervisorDefers: false,
  hasOrder: true,
  scanBackReady: false,
  blockingOverridable: false,
  digit: false,
  returnCommand: false,
  returnPrompt: null,
  seen: 'other',
  boxFitPending: false,
  ...patch,
})
const weight = (patch: Partial<Extract<PackingEvent, { type: 'weightSettled' }>> = {}): PackingEvent => ({
  type: 'weightSettled',
  grams: 1200,
  stable: true,
  withinTolerance: true,
  blockingCode: null,
  ...patch,
})
const kinds = (effects: readonly PackingEffect[]) =>
  effects.map((e) => (e.kind === 'route' ? `route:${e.action}` : e.kind === 'refuse' ? `refuse:${e.reason}` : e.kind))

type Row = readonly [name: string, from: MachineState, event: PackingEvent, step: PackingStep, effects: readonly string[], patch?: Partial<MachineState>]

/** One row per line of the table in packing.machine.ts `transition` (and `routeScan`). */
const ROWS: readonly Row[] = [
  // Scans are routed by step; they never move the machine.
  ['scan before login is a badge', at(S.orderOpen), scan({ loggedIn: false, command: 'cancel' }), S.orderOpen, ['route:login']],
  ['KJCANCEL anywhere', at(S.measured), scan({ command: 'cancel' }), S.measured, ['route:cancel']],
  ['KJRETRY anywhere', at(S.exception), scan({ command: 'retry' }), S.exception, ['route:retry']],
  ['KJREPRINT anywhere', at(S.packed), scan({ command: 'reprint' }), S.packed, ['route:reprint']],
  ['idle: an order', at(S.idle), scan({ hasOrder: false }), S.idle, ['route:openOrder']],
  ['idle with labels awaiting: a supervisor defers them', at(S.idle), scan({ supervisorDefers: true }), S.idle, ['route:defer']],
  ['packed: the next order', at(S.packed), scan(), S.packed, ['route:openOrder']],
  ['packed with labels awaiting: a supervisor defers them', at(S.packed), scan({ supervisorDefers: true }), S.packed, ['route:defer']],
  ['orderOpen: an item', at(S.orderOpen), scan(), S.orderOpen, ['route:confirmItem']],
  ['itemsVerified: a box', at(S.itemsVerified), scan(), S.itemsVerified, ['route:selectBox']],
  ['measured: busy', at(S.measured), scan(), S.measured, ['route:busy']],
  ['shipmentCreated: busy', at(S.shipmentCreated), scan(), S.shipmentCreated, ['route:busy']],
  ['printed with scan-back: the label', at(S.printed), scan({ scanBackReady: true }), S.printed, ['route:scanBack']],
  ['printed without scan-back: busy', at(S.printed), scan(), S.printed, ['route:busy']],
  ['exception, overridable: a supervisor badge', at(S.exception), scan({ blockingOverridable: true }), S.exception, ['route:override']],
  ['exception without an order: an order', at(S.exception), scan({ hasOrder: false }), S.exception, ['route:openOrder']],
  ['exception with an order: the missing item', at(S.exception), scan(), S.exception, ['route:confirmItem']],
  [
    'exception, overridable: a digit picks the reason',
    at(S.exception),
    scan({ blockingOverridable: true, digit: true }),
    S.exception,
    ['route:overrideReason'],
  ],
  ['itemsVerified: a digit is the nth box', at(S.itemsVerified), scan({ digit: true }), S.itemsVerified, ['route:selectBox']],
  ['KJIADE opens the return prompt', at(S.packed), scan({ returnCommand: true, returnPrompt: 'done' }), S.packed, ['route:openReturn']],
  ['KJIADE before login is a badge', at(S.idle), scan({ loggedIn: false, returnCommand: true }), S.idle, ['route:login']],
  ['return prompt: the order', at(S.orderOpen), scan({ returnPrompt: 'order', command: 'cancel' }), S.orderOpen, ['route:returnOrder']],
  ['return prompt: a digit is the reason', at(S.itemsVerified), scan({ returnPrompt: 'confirm', digit: true }), S.itemsVerified, ['route:returnReason']],
  ['return prompt: the supervisor badge', at(S.exception), scan({ returnPrompt: 'confirm', blockingOverridable: true }), S.exception, ['route:returnBadge']],
  ['return made: the next scan closes it and is work', at(S.packed), scan({ returnPrompt: 'done' }), S.packed, ['closeReturnPrompt', 'route:openOrder']],
  [
    'return made: KJCANCEL after it is a command',
    at(S.orderOpen),
    scan({ returnPrompt: 'done', command: 'cancel' }),
    S.orderOpen,
    ['closeReturnPrompt', 'route:cancel'],
  ],
  // Knowing the barcode: what the code is decides before the step's own reading of it.
  ['idle: a badge hands the desk over', at(S.idle), scan({ hasOrder: false, seen: 'badge' }), S.idle, ['route:handover']],
  ['packed: a badge hands the desk over', at(S.packed), scan({ seen: 'badge' }), S.packed, ['route:handover']],
  ['idle with labels awaiting: a supervisor badge still defers', at(S.idle), scan({ seen: 'badge', supervisorDefers: true }), S.idle, ['route:defer']],
  ['idle: a tracking number shows its shipment', at(S.idle), scan({ hasOrder: false, seen: 'tracking' }), S.idle, ['route:lookup']],
  ['packed: a tracking number shows its shipment', at(S.packed), scan({ seen: 'tracking' }), S.packed, ['route:lookup']],
  ['exception without an order: a badge hands over', at(S.exception), scan({ hasOrder: false, seen: 'badge' }), S.exception, ['route:handover']],
  ['orderOpen: another order is refused, not read as an item', at(S.orderOpen), scan({ seen: 'order' }), S.orderOpen, ['route:otherOrder']],
  ['orderOpen: a badge is refused, not read as an item', at(S.orderOpen), scan({ seen: 'badge' }), S.orderOpen, ['route:badgeMidOrder']],
  ['orderOpen: a tracking number is read as an item', at(S.orderOpen), scan({ seen: 'tracking' }), S.orderOpen, ['route:confirmItem']],
  ['itemsVerified: another order is refused, not read as a box', at(S.itemsVerified), scan({ seen: 'order' }), S.itemsVerified, ['route:otherOrder']],
  ['itemsVerified: a badge is refused', at(S.itemsVerified), scan({ seen: 'badge' }), S.itemsVerified, ['route:badgeMidOrder']],
  [
    'itemsVerified, a box refused: the badge overrides it',
    at(S.itemsVerified),
    scan({ seen: 'badge', boxFitPending: true }),
    S.itemsVerified,
    ['route:overrideBox'],
  ],
  ['itemsVerified, a box refused: another box is a box', at(S.itemsVerified), scan({ boxFitPending: true }), S.itemsVerified, ['route:selectBox']],
  [
    'itemsVerified, a box refused: a digit is the nth box',
    at(S.itemsVerified),
    scan({ digit: true, boxFitPending: true }),
    S.itemsVerified,
    ['route:selectBox'],
  ],
  ['exception with an order: another order is refused', at(S.exception), scan({ seen: 'order' }), S.exception, ['route:otherOrder']],
  ['exception, overridable: the badge overrides', at(S.exception), scan({ seen: 'badge', blockingOverridable: true }), S.exception, ['route:override']],
  ['measured: a badge is busy', at(S.measured), scan({ seen: 'badge' }), S.measured, ['route:busy']],
  ['before login a badge is the login', at(S.idle), scan({ loggedIn: false, seen: 'badge' }), S.idle, ['route:login']],
  // Opening, resuming, resetting.
  ['order opened with items left', at(S.packed, { purchaseLive: true }), { type: 'orderOpened', allItems: false }, S.orderOpen, [], { purchaseLive: false }],
  ['order opened, items already counted', at(S.idle), { type: 'orderOpened', allItems: true }, S.itemsVerified, ['suggestBoxes'], { itemsVerified: true }],
  ['order with a bought label resumed', at(S.idle), { type: 'orderResumed' }, S.shipmentCreated, ['finish'], { itemsVerified: true, purchaseLive: true }],
  [
    'reset',
    at(S.exception, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'orderReset' },
    S.idle,
    [],
    { itemsVerified: false, boxChosen: false, weight: 'none' },
  ],
  // Items.
  ['an item, more to come', at(S.orderOpen), { type: 'itemConfirmed', allItems: false }, S.orderOpen, []],
  ['the last item', at(S.orderOpen), { type: 'itemConfirmed', allItems: true }, S.itemsVerified, ['suggestBoxes'], { itemsVerified: true }],
  [
    'the missing item after a weight mismatch',
    at(S.exception, { ...ready, weight: 'stable' }),
    { type: 'itemConfirmed', allItems: true },
    S.itemsVerified,
    ['suggestBoxes'],
  ],
  [
    'an item after an accepted weight: weigh again',
    at(S.exception, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'itemConfirmed', allItems: true },
    S.itemsVerified,
    ['suggestBoxes'],
    { weight: 'none' },
  ],
  ['an item while measured: ignored', at(S.measured), { type: 'itemConfirmed', allItems: true }, S.measured, []],
  // Box and weight.
  ['box chosen', at(S.itemsVerified, { itemsVerified: true }), { type: 'boxChosen' }, S.itemsVerified, ['weighIfSettled'], { boxChosen: true }],
  ['box before the items: ignored', at(S.orderOpen), { type: 'boxChosen' }, S.orderOpen, [], { boxChosen: false }],
  ['weight in tolerance', at(S.itemsVerified, ready), weight(), S.itemsVerified, ['chooseCarrier'], { weight: 'accepted' }],
  ['weight out of tolerance', at(S.itemsVerified, ready), weight({ withinTolerance: false }), S.exception, ['blockOnWeight'], { weight: 'stable' }],
  [
    're-weighed after a mismatch',
    at(S.exception, { ...ready, weight: 'stable' }),
    weight({ blockingCode: W }),
    S.exception,
    ['chooseCarrier'],
    { weight: 'accepted' },
  ],
  ['weight while stopped for another reason: ignored', at(S.exception, ready), weight({ blockingCode: ErrorCode.carrierTimeout }), S.exception, []],
  ['weight without a box: ignored', at(S.itemsVerified, { itemsVerified: true }), weight(), S.itemsVerified, [], { weight: 'none' }],
  ['unstable weight: ignored', at(S.itemsVerified, ready), weight({ stable: false }), S.itemsVerified, [], { weight: 'none' }],
  ['a hand on the plate: ignored', at(S.itemsVerified, ready), weight({ grams: MIN_WEIGHT_GRAMS - 1 }), S.itemsVerified, []],
  ['weight while the order is open: ignored', at(S.orderOpen, ready), weight(), S.orderOpen, []],
  // Carrier and purchase.
  ['carrier refused (address, claim)', at(S.itemsVerified, { ...ready, weight: 'accepted', parcelsWeighed: 1 }), { type: 'carrierRefused' }, S.exception, []],
  [
    'no eligible carrier',
    at(S.itemsVerified, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'carrierChosen', chosen: false },
    S.exception,
    ['blockNoCarrier'],
  ],
  [
    'carrier chosen: purchase',
    at(S.itemsVerified, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'carrierChosen', chosen: true },
    S.measured,
    ['purchase'],
    { purchaseLive: true },
  ],
  [
    'carrier chosen after an override: purchase',
    at(S.exception, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'carrierChosen', chosen: true },
    S.measured,
    ['purchase'],
  ],
  [
    'carrier chosen without a weight: refused',
    at(S.itemsVerified, ready),
    { type: 'carrierChosen', chosen: true },
    S.itemsVerified,
    ['refuse:purchaseNotAllowed'],
  ],
  [
    'carrier chosen with a purchase live: refused',
    at(S.exception, { ...ready, weight: 'accepted', parcelsWeighed: 1, purchaseLive: true }),
    { type: 'carrierChosen', chosen: true },
    S.exception,
    ['refuse:purchaseNotAllowed'],
  ],
  [
    'carrier chosen while measured: refused',
    at(S.measured, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'carrierChosen', chosen: true },
    S.measured,
    ['refuse:purchaseNotAllowed'],
  ],
  // Finishing.
  ['label bought', at(S.measured, { purchaseLive: true }), { type: 'stageReached', stage: 'shipmentCreated' }, S.shipmentCreated, []],
  ['label printed', at(S.shipmentCreated, { purchaseLive: true }), { type: 'stageReached', stage: 'printed' }, S.printed, []],
  ['order packed by the finisher', at(S.printed, { purchaseLive: true }), { type: 'stageReached', stage: 'packed' }, S.packed, []],
  [
    'finish failed, shipment live',
    at(S.measured, { purchaseLive: true }),
    { type: 'finishFailed', shipmentLive: true },
    S.exception,
    [],
    { purchaseLive: true },
  ],
  [
    'finish failed for good (refused)',
    at(S.measured, { purchaseLive: true }),
    { type: 'finishFailed', shipmentLive: false },
    S.exception,
    [],
    { purchaseLive: false },
  ],
  ['finished, scan-back on', at(S.printed, { purchaseLive: true }), { type: 'finished', scanBack: true }, S.printed, ['awaitScanBack']],
  ['finished', at(S.packed, { purchaseLive: true }), { type: 'finished', scanBack: false }, S.packed, ['completePacked']],
  ['packed', at(S.printed, { purchaseLive: true }), { type: 'packed' }, S.packed, []],
  // Ways out.
  [
    'override after a weight mismatch',
    at(S.exception, { ...ready, weight: 'stable' }),
    { type: 'overridden' },
    S.exception,
    ['chooseCarrier'],
    { weight: 'accepted' },
  ],
  ['override without a weight', at(S.exception, ready), { type: 'overridden' }, S.exception, ['chooseCarrier'], { weight: 'none' }],
  ['retry on a packed order', at(S.packed), { type: 'retry', orderPacked: true, shipmentLive: false, blockingCode: null }, S.packed, ['printOwed']],
  [
    'retry with a live shipment',
    at(S.exception),
    { type: 'retry', orderPacked: false, shipmentLive: true, blockingCode: null },
    S.exception,
    ['finish'],
    { purchaseLive: true },
  ],
  [
    'retry after a carrier refusal',
    at(S.exception, { ...ready, weight: 'accepted', parcelsWeighed: 1 }),
    { type: 'retry', orderPacked: false, shipmentLive: false, blockingCode: ErrorCode.carrierTimeout },
    S.exception,
    ['chooseCarrier'],
  ],
  [
    'retry on a weight mismatch: nothing',
    at(S.exception, { ...ready, weight: 'stable' }),
    { type: 'retry', orderPacked: false, shipmentLive: false, blockingCode: W },
    S.exception,
    ['refuse:nothingToRetry'],
  ],
  [
    'retry with nothing failed',
    at(S.orderOpen),
    { type: 'retry', orderPacked: false, shipmentLive: false, blockingCode: null },
    S.orderOpen,
    ['refuse:nothingToRetry'],
  ],
  ['cancel', at(S.itemsVerified), { type: 'cancel', shipmentLive: false }, S.itemsVerified, ['releaseOrder']],
  // Multi-parcel orders (issue 12): every parcel is boxed and weighed before the one purchase.
  ['KJNEXTPKG is a command', at(S.itemsVerified), scan({ command: 'nextParcel' }), S.itemsVerified, ['route:nextParcel']],
  ['packed, KJREPRINT asked which parcel: a digit reprints it', at(S.packed), scan({ digit: true, reprintPick: true }), S.packed, ['route:reprintParcel']],
  ['packed, no parcel asked: a digit is an order code', at(S.packed), scan({ digit: true }), S.packed, ['route:openOrder']],
  [
    'order opened with 3 parcels',
    at(S.idle),
    { type: 'orderOpened', allItems: true, parcels: 3 },
    S.itemsVerified,
    ['suggestBoxes'],
    { parcels: 3, parcelsWeighed: 0 },
  ],
  [
    'order reopened after 2 parcels were weighed: the third is next',
    at(S.idle),
    { type: 'orderOpened', allItems: true, parcels: 1, parcelsWeighed: 2 },
    S.itemsVerified,
    ['suggestBoxes'],
    { parcels: 3, parcelsWeighed: 2 },
  ],
  ['next package while boxing', at(S.itemsVerified, ready), { type: 'nextParcel' }, S.itemsVerified, ['parcelAdded'], { parcels: 2 }],
  ['next package while counting items', at(S.orderOpen), { type: 'nextParcel' }, S.orderOpen, ['parcelAdded'], { parcels: 2 }],
  ['next package once a label is bought: refused', at(S.packed, { purchaseLive: true }), { type: 'nextParcel' }, S.packed, ['refuse:parcelNotAllowed']],
  ['next package at an idle desk: refused', at(S.idle), { type: 'nextParcel' }, S.idle, ['refuse:parcelNotAllowed']],
  [
    'parcel 1 of 2 weighed: box the next',
    at(S.itemsVerified, { ...ready, parcels: 2 }),
    weight(),
    S.itemsVerified,
    ['parcelDone'],
    { parcelsWeighed: 1, boxChosen: false, weight: 'none' },
  ],
  [
    'the last parcel weighed: choose the carrier',
    at(S.itemsVerified, { ...ready, parcels: 3, parcelsWeighed: 2 }),
    weight(),
    S.itemsVerified,
    ['chooseCarrier'],
    { parcelsWeighed: 3, weight: 'accepted' },
  ],
  [
    'a carrier before every parcel is weighed: refused',
    at(S.itemsVerified, { ...ready, parcels: 2, parcelsWeighed: 1, weight: 'accepted' }),
    { type: 'carrierChosen', chosen: true },
    S.itemsVerified,
    ['refuse:purchaseNotAllowed'],
  ],
  [
    'a parcel weight overridden, more to come: box the next',
    at(S.exception, { ...ready, parcels: 2, weight: 'stable' }),
    { type: 'overridden' },
    S.itemsVerified,
    ['parcelDone'],
    { parcelsWeighed: 1, weight: 'none' },
  ],
  [
    'cancel after a label was bought: refused',
    at(S.exception, { purchaseLive: true }),
    { type: 'cancel', shipmentLive: true },
    S.exception,
    ['refuse:labelBought'],
  ],
]

describe('packing machine: the table, row by row', () => {
  for (const [name, from, event, step, effects, patch] of ROWS) {
    it(name, () => {
      const next = transition(from, event)
      expect(next.state.step).toBe(step)
      expect(kinds(next.effects)).toEqual(effects)
      if (patch) expect(next.state).toMatchObject(patch)
    })
  }

  it('a scan never moves the machine', () => {
    for (const step of Object.values(S)) expect(transition(at(step, ready), scan()).state).toEqual(at(step, ready))
  })
})

// ---- Property tests: random event sequences against the money rules ----

const steps = fc.constantFrom(...Object.values(S))
const blockingCode = fc.constantFrom(null, W, ErrorCode.noEligibleCarrier, ErrorCode.carrierTimeout, ErrorCode.printerPaperOut)
const eventArb: fc.Arbitrary<PackingEvent> = fc.oneof(
  fc.record({
    type: fc.constant('scan' as const),
    loggedIn: fc.boolean(),
    command: fc.constantFrom(null, 'cancel' as const, 'retry' as const, 'reprint' as const, 'nextParcel' as const),
    supervisorDefers: fc.boolean(),
    hasOrder: fc.boolean(),
    scanBackReady: fc.boolean(),
    blockingOverridable: fc.boolean(),
    digit: fc.boolean(),
    returnCommand: fc.boolean(),
    returnPrompt: fc.constantFrom(null, 'order' as const, 'confirm' as const, 'done' as const),
    seen: fc.constantFrom('badge' as const, 'order' as const, 'tracking' as const, 'other' as const),
    boxFitPending: fc.boolean(),
    reprintPick: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('orderOpened' as const),
    allItems: fc.boolean(),
    parcels: fc.integer({ min: 1, max: 4 }),
    parcelsWeighed: fc.integer({ min: 0, max: 3 }),
  }),
  fc.constant({ type: 'nextParcel' as const }),
  fc.constant({ type: 'orderResumed' as const }),
  fc.constant({ type: 'orderReset' as const }),
  fc.record({ type: fc.constant('itemConfirmed' as const), allItems: fc.boolean() }),
  fc.constant({ type: 'boxChosen' as const }),
  fc.record({
    type: fc.constant('weightSettled' as const),
    grams: fc.integer({ min: 0, max: 40_000 }),
    stable: fc.boolean(),
    withinTolerance: fc.boolean(),
    blockingCode,
  }),
  fc.constant({ type: 'carrierRefused' as const }),
  fc.record({ type: fc.constant('carrierChosen' as const), chosen: fc.boolean() }),
  fc.record({ type: fc.constant('stageReached' as const), stage: fc.constantFrom('shipmentCreated' as const, 'printed' as const, 'packed' as const) }),
  fc.record({ type: fc.constant('finishFailed' as const), shipmentLive: fc.boolean() }),
  fc.record({ type: fc.constant('finished' as const), scanBack: fc.boolean() }),
  fc.constant({ type: 'packed' as const }),
  fc.constant({ type: 'overridden' as const }),
  fc.record({ type: fc.constant('retry' as const), orderPacked: fc.boolean(), shipmentLive: fc.boolean(), blockingCode }),
  fc.record({ type: fc.constant('cancel' as const), shipmentLive: fc.boolean() }),
)
// Purchases are rare in uniformly random events; this weights the happy path in so most runs reach one.
const happyPath: fc.Arbitrary<PackingEvent[]> = fc.constant([
  { type: 'orderOpened', allItems: true },
  { type: 'boxChosen' },
  { type: 'weightSettled', grams: 1200, stable: true, withinTolerance: true, blockingCode: null },
  { type: 'carrierChosen', chosen: true },
])
// Three parcels: two declared by the order, one more by "next package"; each boxed and weighed.
const parcelWeighed: PackingEvent[] = [{ type: 'boxChosen' }, { type: 'weightSettled', grams: 900, stable: true, withinTolerance: true, blockingCode: null }]
const multiParcelPath: fc.Arbitrary<PackingEvent[]> = fc.constant([
  { type: 'orderOpened', allItems: true, parcels: 2 },
  { type: 'nextParcel' },
  ...parcelWeighed,
  ...parcelWeighed,
  ...parcelWeighed,
  { type: 'carrierChosen', chosen: true },
])
const sequence = fc
  .array(fc.oneof({ weight: 8, arbitrary: eventArb.map((e) => [e]) }, { weight: 1, arbitrary: happyPath }, { weight: 1, arbitrary: multiParcelPath }), {
    maxLength: 30,
  })
  .map((chunks) => chunks.flat())

/**
 * What the events alone say about the open order, kept apart from the machine's own flags: an event
 * counts when the machine did not ignore it (it moved the state or asked for an effect).
 */
type Witness = {
  itemsComplete: boolean
  stableWeight: boolean
  weightAccepted: boolean
  livePurchases: number
  orders: number
  /** Parcels the order ships in, as the events declared them, and parcels whose stable weight was accepted. */
  parcels: number
  parcelsAccepted: number
}
const freshWitness = (orders: number): Witness => ({
  itemsComplete: false,
  stableWeight: false,
  weightAccepted: false,
  livePurchases: 0,
  orders,
  parcels: 1,
  parcelsAccepted: 0,
})
/** The current parcel's weight is accepted: it counts once, and the next parcel starts without a weight. */
function acceptParcel(w: Witness): Witness {
  const parcelsAccepted = w.parcelsAccepted + 1
  return parcelsAccepted < w.parcels ? { ...w, parcelsAccepted, stableWeight: false, weightAccepted: false } : { ...w, parcelsAccepted, weightAccepted: true }
}

function witness(w: Witness, event: PackingEvent, effects: readonly PackingEffect[], ignored: boolean): Witness {
  if (ignored) return w
  switch (event.type) {
    case 'orderOpened': {
      const before = event.parcelsWeighed ?? 0
      return { ...freshWitness(w.orders + 1), itemsComplete: event.allItems, parcels: Math.max(event.parcels ?? 1, before + 1), parcelsAccepted: before }
    }
    case 'nextParcel':
      return effects.some((e) => e.kind === 'parcelAdded') ? { ...w, parcels: w.parcels + 1 } : w
    case 'orderResumed':
      return { ...freshWitness(w.orders + 1), itemsComplete: true, livePurchases: 1 }
    case 'orderReset':
      return freshWitness(w.orders + 1)
    case 'itemConfirmed':
      return { ...w, itemsComplete: event.allItems, stableWeight: false, weightAccepted: false }
    case 'boxChosen':
      return { ...w, stableWeight: false, weightAccepted: false }
    case 'weightSettled': {
      const stable = event.stable && event.grams >= MIN_WEIGHT_GRAMS
      const next = { ...w, stableWeight: stable, weightAccepted: false }
      return stable && event.withinTolerance ? acceptParcel(next) : next
    }
    case 'overridden':
      return w.stableWeight && !w.weightAccepted ? acceptParcel(w) : w
    case 'finishFailed':
      return { ...w, livePurchases: event.shipmentLive ? w.livePurchases : 0 }
    case 'retry':
    case 'stageReached':
      return effects.some((e) => e.kind === 'finish') || event.type === 'stageReached' ? { ...w, livePurchases: Math.max(w.livePurchases, 1) } : w
    default:
      return w
  }
}

/** The seed is fixed so CI is repeatable; PACKING_MACHINE_SEED=<n> replays or explores another. */
const SEED = Number(process.env.PACKING_MACHINE_SEED ?? 20261207)
const NUM_RUNS = 10_000

function check(property: fc.IProperty<[PackingEvent[]]>): void {
  const out = fc.check(property, { numRuns: NUM_RUNS, seed: SEED })
  if (out.failed) {
    // Printed so the failure can be replayed: PACKING_MACHINE_SEED=<seed>, or fc's path below.
    console.error(`packing machine property failed: seed ${out.seed}, path ${out.counterexamplePath}`)
    console.error(JSON.stringify(out.counterexample?.[0], null, 1))
  }
  expect(out.failed ? fc.defaultReportMessage(out) : null).toBeNull()
  expect(out.numRuns).toBe(NUM_RUNS)
}

function run(events: readonly PackingEvent[], onStep: (from: MachineState, event: PackingEvent, effects: readonly PackingEffect[], w: Witness) => void): void {
  let state = INITIAL_MACHINE
  let w = freshWitness(0)
  for (const event of events) {
    const next = transition(state, event)
    onStep(state, event, next.effects, w)
    const ignored = next.state === state && next.effects.length === 0
    w = witness(w, event, next.effects, ignored)
    if (next.effects.some((e) => e.kind === 'purchase')) w = { ...w, livePurchases: w.livePurchases + 1 }
    state = next.state
  }
}

describe(`packing machine: properties over ${NUM_RUNS} random event sequences (seed ${SEED})`, () => {
  it('never reaches a purchase without every item verified and a stable weight in tolerance (or overridden) for every parcel', () => {
    check(
      fc.property(sequence, (events) => {
        run(events, (_from, _event, effects, w) => {
          if (!effects.some((e) => e.kind === 'purchase')) return
          expect(w.itemsComplete).toBe(true)
          expect(w.stableWeight).toBe(true)
          expect(w.weightAccepted).toBe(true)
          expect(w.parcelsAccepted).toBeGreaterThanOrEqual(w.parcels)
        })
      }),
    )
  })

  it('with an order in hand, a badge or another order is never read as an item or a box (logged in, no prompt, not a command)', () => {
    check(
      fc.property(sequence, (events) => {
        run(events, (_from, event, effects) => {
          if (event.type !== 'scan' || !event.loggedIn || event.command || event.returnCommand || event.returnPrompt !== null) return
          if (event.seen !== 'badge' && event.seen !== 'order') return
          const action = effects.find((e) => e.kind === 'route')
          expect(action?.kind === 'route' && ['confirmItem', 'selectBox'].includes(action.action)).toBe(false)
        })
      }),
    )
  })

  it('never makes a second purchase for an order (and so for any of its parcels) while one is live', () => {
    check(
      fc.property(sequence, (events) => {
        run(events, (_from, _event, effects, w) => {
          if (effects.some((e) => e.kind === 'purchase')) expect(w.livePurchases).toBe(0)
        })
      }),
    )
  })

  it('cancel and exception paths leave no purchase; a cancel is refused once a label is bought', () => {
    check(
      fc.property(sequence, (events) => {
        run(events, (from, event, effects) => {
          const next = transition(from, event)
          if (next.state.step === S.exception || event.type === 'cancel' || event.type === 'orderReset' || event.type === 'scan') {
            expect(effects.some((e) => e.kind === 'purchase')).toBe(false)
          }
          if (event.type === 'cancel' && event.shipmentLive) expect(kinds(effects)).toEqual(['refuse:labelBought'])
        })
      }),
    )
  })

  it('some sequences do reach a purchase (the properties are not empty)', () => {
    const purchases = fc.sample(sequence, { numRuns: 500, seed: SEED }).filter((events) => {
      let found = false
      run(events, (_f, _e, effects) => (found ||= effects.some((e) => e.kind === 'purchase')))
      return found
    })
    expect(purchases.length).toBeGreaterThan(100)
  })

  it('some sequences buy a multi-parcel order (the parcel property is not empty)', () => {
    const multi = fc.sample(sequence, { numRuns: 500, seed: SEED }).filter((events) => {
      let found = false
      run(events, (from, _e, effects) => (found ||= from.parcels > 1 && effects.some((e) => e.kind === 'purchase')))
      return found
    })
    expect(multi.length).toBeGreaterThan(20)
  })
})

describe('only the machine moves the step', () => {
  const dir = __dirname
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

  it('no packing file assigns step or the machine state, except the service stores the table result once', () => {
    const assignments = sources.flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => /\.(step|machine)\s*=(?!=)/.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    )
    expect(assignments).toEqual(['packing.service.ts: this.s.machine = next.state'])
  })

  it('resetting a session does not touch the step', () => {
    expect(Object.keys(ORDER_RESET)).not.toContain('step')
    expect(Object.keys(ORDER_RESET)).not.toContain('machine')
  })
})
