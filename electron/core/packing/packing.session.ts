import { shipmentMeasure } from '../../../shared/desi'
import {
  PackingStep,
  type BoxSuggestionView,
  type Notice,
  type ParcelsView,
  type PackingView,
  type ReturnPromptView,
  type ShipmentLookupView,
  type ShipmentView,
  type UnconfirmedLabelView,
} from '../../../shared/contract/views'
import type { Box, MeasuredPackage } from '../../../shared/domain/box'
import type { Order } from '../../../shared/domain/order'
import type { Packer } from '../../../shared/domain/packer'
import type { AppError } from '../../../shared/errors'
import type { QuoteOption } from '../../../shared/rates'
import type { ShipmentRecord } from '../shipping/shipments.repository'
import { INITIAL_MACHINE, type MachineState } from './packing.machine'

/** The desk's packing session: what the packer has done on the open order so far. */
export type Session = {
  /** The step and what the machine knows of the order; stored only by the service's `dispatch` (packing.machine.ts). */
  machine: MachineState
  packer: Packer | null
  order: Order | null
  box: Box | null
  dims: { lengthMm: number; widthMm: number; heightMm: number } | null
  expectedGrams: number | null
  measuredGrams: number | null
  quote: readonly QuoteOption[] | null
  chosen: QuoteOption | null
  shipment: ShipmentRecord | null
  /** The last refusal (wrong item, unknown order…): shown until the next command. */
  problem: AppError | null
  /** A stop-and-ask condition (weight mismatch, carrier or printer failure) that holds the order until resolved. */
  blocking: AppError | null
  notice: Notice | null
  packedCount: number
  overridden: boolean
  /** Boxes ranked for the open order's items, computed once when all items are scanned. */
  boxSuggestions: readonly BoxSuggestionView[] | null
  /** The open order's bought label is owed to the printer after a printer problem: retry (F2) prints it once. */
  printPending: boolean
  /** Paid labels with an unknown print outcome (unconfirmed-labels.ts); kept across orders. */
  unconfirmed: readonly UnconfirmedLabelView[]
  /** Unconfirmed labels a supervisor deferred (audited); in memory, so a restart lists them again. */
  deferred: Set<string>
  /** The return prompt while open (electron/core/returns/return-prompt.ts); kept across orders. */
  returnPrompt: ReturnPromptView | null
  /** The override reason picked by digit (shared/contract/desk-reasons.ts); kept across orders, as the desk always did. */
  overrideReason: number
  /** A box the items do not fit, refused until a supervisor's badge (packing.service.ts `doOverrideBox`) or another box. */
  boxFitPending: Box | null
  /** A shipment shown after a scan of its tracking number; the next scan closes it. */
  lookup: ShipmentLookupView | null
  /** A multi-parcel order's parcels weighed before the current one (each with its box and weight; kept in the database too). */
  parcels: readonly MeasuredPackage[]
  /** KJREPRINT on a packed multi-parcel order: the next digit names the parcel to reprint. */
  reprintPick: boolean
  /** When the parcel being boxed now was started (ms): a weight that settled before it is the previous parcel's. */
  parcelFrom: number
  /** Scan-back: the labels of the open order's shipment scanned so far (a shipment of N pieces has N labels). */
  labelsScanned: number
}

/** What a new order starts from (the packer and the counter are kept by the caller; the step comes from the machine's `orderReset`). */
export const ORDER_RESET = {
  order: null,
  box: null,
  dims: null,
  expectedGrams: null,
  measuredGrams: null,
  quote: null,
  chosen: null,
  shipment: null,
  problem: null,
  blocking: null,
  notice: null,
  overridden: false,
  boxSuggestions: null,
  printPending: false,
  boxFitPending: null,
  lookup: null,
  parcels: [],
  reprintPick: false,
  parcelFrom: 0,
  labelsScanned: 0,
} as const satisfies Partial<Session>

export function newSession(): Session {
  return { ...ORDER_RESET, machine: INITIAL_MACHINE, packer: null, packedCount: 0, unconfirmed: [], deferred: new Set(), returnPrompt: null, overrideReason: 0 }
}

/** The screen's view of a session. `carrierNames` maps service codes to the names the packer knows. */
export function packingView(s: Session, carrierNames: ReadonlyMap<string, string>): PackingView {
  // The whole order's desi and chargeable weight: the parcels weighed before, and the one on the scale.
  const measure = s.dims && s.measuredGrams !== null ? shipmentMeasure([...s.parcels, { ...s.dims, weightGrams: s.measuredGrams }]) : null
  const shipment: ShipmentView | null = s.shipment
    ? {
        id: s.shipment.id,
        carrierName: carrierNames.get(s.shipment.serviceCode) ?? s.shipment.carrierId,
        trackingNumber: s.shipment.trackingNumber,
        barcode: s.shipment.barcode,
        ...shipmentPrice(s.shipment),
        status: s.shipment.status,
        offline: s.shipment.offlineLabelledAt !== null && s.shipment.status === 'purchasing',
      }
    : null
  return {
    step: s.machine.step,
    packer: s.packer,
    order: s.order,
    box: s.box,
    expectedGrams: s.expectedGrams,
    measuredGrams: s.measuredGrams,
    desi: measure?.desi ?? null,
    chargeableKg: measure?.chargeableKg ?? null,
    quote: s.quote,
    chosen: s.chosen,
    shipment,
    problem: (s.problem ?? s.blocking)?.serialize() ?? null,
    notice: s.notice,
    packedCount: s.packedCount,
    // Shown only while a box is being chosen: once measured, the quote panel takes its place.
    boxSuggestions: s.machine.step === PackingStep.itemsVerified && s.box === null ? parcelSuggestions(s) : null,
    printPending: s.printPending,
    unconfirmedLabels: s.unconfirmed,
    returnPrompt: s.returnPrompt,
    overrideReason: s.overrideReason,
    boxFitPending: s.boxFitPending ? { code: s.boxFitPending.code, name: s.boxFitPending.name } : null,
    lookup: s.lookup,
    parcels: parcelsView(s),
  }
}

/** A parcel of a multi-parcel order holds only some of the items: whether all of them fit a box says nothing about it (unknown). */
function parcelSuggestions(s: Session): readonly BoxSuggestionView[] | null {
  return s.machine.parcels > 1 ? (s.boxSuggestions?.map((b) => ({ ...b, fits: null })) ?? null) : s.boxSuggestions
}

/** "Koli 2/3" and the parcels weighed so far, each with its own desi and chargeable weight. */
function parcelsView(s: Session): ParcelsView | null {
  if (!s.order) return null
  const { parcels: count, parcelsWeighed } = s.machine
  // Once every parcel is weighed, the last one (on the scale, not kept apart) is listed too.
  const last =
    parcelsWeighed >= count && s.dims && s.measuredGrams !== null
      ? [{ index: s.parcels.length + 1, boxCode: s.box?.code ?? null, ...s.dims, weightGrams: s.measuredGrams }]
      : []
  const weighed = [...s.parcels, ...last].map((p) => {
    const m = shipmentMeasure([p])
    return { index: p.index, boxCode: p.boxCode, weightGrams: p.weightGrams, desi: m.desi, chargeableKg: m.chargeableKg }
  })
  return { current: Math.min(count, parcelsWeighed + 1), count, weighed, reprintPick: s.reprintPick }
}

/**
 * One price (docs/carriers.md "Where prices come from"): the card price compared (stored as quoted before the purchase, as cost once
 * bought) is what the panel shows; the carrier's own figure, when it differs, is shown beside it.
 */
export function shipmentPrice(
  s: Pick<ShipmentRecord, 'costKurus' | 'quotedKurus' | 'chargedKurus'>,
): Pick<ShipmentView, 'costKurus' | 'chargedKurus' | 'priceDifferenceKurus'> {
  const costKurus = s.costKurus ?? s.quotedKurus
  const chargedKurus = s.chargedKurus ?? null
  const differenceKurus = costKurus !== null && chargedKurus !== null && chargedKurus !== costKurus ? chargedKurus - costKurus : null
  return { costKurus, chargedKurus, priceDifferenceKurus: differenceKurus }
}
