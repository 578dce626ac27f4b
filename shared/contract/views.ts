import type { Box } from '../domain/box'
import type { Order } from '../domain/order'
import type { Packer } from '../domain/packer'
import type { SerializedAppError } from '../errors'
import type { NoticeRef } from '../i18n/notice-codes'
import type { QuoteOption } from '../rates'
import type { LayoutProfileId } from '../scan/keyboard-layout'

/** Where the desk is in the packing workflow. */
export const PackingStep = {
  idle: 'idle',
  orderOpen: 'orderOpen',
  itemsVerified: 'itemsVerified',
  measured: 'measured',
  shipmentCreated: 'shipmentCreated',
  printed: 'printed',
  packed: 'packed',
  exception: 'exception',
} as const
export type PackingStep = (typeof PackingStep)[keyof typeof PackingStep]

/**
 * The core's short feedback after a step, as a catalog message (shared/i18n/notice-codes.ts) the renderer words.
 * `text` is transitional: plain "TR / EN" text from code not yet moved to the catalog.
 */
/** A notice on the packing view: a catalog code and its params (shared/i18n); the window words it. */
export type Notice = Readonly<{ tone: 'ok' | 'warn' | 'error' }> & NoticeRef

export type ShipmentView = Readonly<{
  id: string
  carrierName: string
  trackingNumber: string | null
  barcode: string | null
  /** The desk's price: the rate-card price compared and chosen (the same number stored and reported). */
  costKurus: number | null
  /** What the carrier said it charges, when it says (docs/carriers.md "Where prices come from"). */
  chargedKurus?: number | null
  /** chargedKurus − costKurus when both are known and differ; null otherwise. */
  priceDifferenceKurus?: number | null
  status: string
  /** The label was printed with the shipper-generated key while the carrier was unreachable; registration pending. */
  offline?: boolean
}>

/** The desk's receiver for carrier pushes (carriers.webhooks), for warehouse IT. */
export type WebhookStatusView = Readonly<{
  enabled: boolean
  /** Where carriers post (POST {url}/webhooks/kolaygelsin, /webhooks/aras); null when off or not listening. */
  url: string | null
  /** Why it is not listening (port taken, bad configuration). */
  problem: string | null
  routes: readonly string[]
  stats: Readonly<{ received: number; stored: number; unknown: number; duplicates: number; failed: number; refused: Readonly<Record<string, number>> }> | null
  /** The latest requests, newest first (bodies redacted, no headers). */
  recent: readonly Readonly<{ at: string; carrierId: string | null; ip: string; status: number; outcome: string; message: string }>[]
}>

/** A return (iade) asked from the order's carrier. */
export type ReturnView = Readonly<{
  id: string
  orderNumber: string
  carrierId: string
  carrierName: string
  /** 'requesting': asked, answer not yet known (asking again resumes with the same key); 'failed': the carrier refused. */
  status: 'requesting' | 'created' | 'failed'
  /** 'code': the customer gives the code at a branch; 'shipment': a return shipment with its own label. */
  kind: 'code' | 'shipment' | null
  returnCode: string | null
  trackingNumber: string | null
  validUntil: string | null
  reason: string
  createdAt: string
  /** Why it failed, or why the last attempt did not finish. */
  error: string | null
  /** The slip or label was accepted by the printer on this call. */
  printed: boolean
}>

/** One box of the catalog as the desk suggests it for the open order (best first). */
export type BoxSuggestionView = Readonly<{
  code: string
  name: string
  /** true fits, false does not, null unknown (an item has no size). */
  fits: boolean | null
  desi: number
  chargeableKg: number
  /** The carrier the rules would pick for this box, and its price. */
  carrierName: string | null
  priceKurus: number | null
  /** Turkish / English. */
  reason: string
}>

/** Everything the packing screen shows; pushed as `packing.changed` after each step. */
export type PackingView = Readonly<{
  step: PackingStep
  packer: Packer | null
  order: Order | null
  box: Box | null
  expectedGrams: number | null
  measuredGrams: number | null
  desi: number | null
  chargeableKg: number | null
  quote: readonly QuoteOption[] | null
  chosen: QuoteOption | null
  shipment: ShipmentView | null
  /** A stop-and-ask problem (wrong item, weight mismatch, carrier error) with its code. */
  problem: SerializedAppError | null
  notice: Notice | null
  /** Orders packed by this desk since start, for the counter on screen. */
  packedCount: number
  /** While a box is being chosen: the catalog's boxes ranked for these items (fits, then cheapest band); null otherwise. */
  boxSuggestions?: readonly BoxSuggestionView[] | null
  /** The open order's bought label is owed to the printer (stopped by a printer problem): F2 prints it, once. */
  printPending?: boolean
  /**
   * Paid labels whose print outcome is unknown (crash or link loss mid-print), oldest first. A new
   * order opens only once each is answered (printed / print again) or deferred by a supervisor.
   */
  unconfirmedLabels?: readonly UnconfirmedLabelView[]
  /** The open order's claim at the cloud (null without a cloud, or once packed). */
  claim?: ClaimView | null
  /** The return (iade) prompt, while open: it takes the desk's scans (KJIADE opens it, Esc closes it). */
  returnPrompt?: ReturnPromptView | null
  /** The override reason a supervisor picked by digit (index into shared/contract/desk-reasons.ts OVERRIDE_REASONS). */
  overrideReason?: number
  /** A box the items do not fit, refused until a supervisor's badge lets it be used (or another box is chosen). */
  boxFitPending?: Readonly<{ code: string; name: string }> | null
  /** A shipment found by scanning its tracking number or label barcode at a desk with no order in hand; the next scan or Esc closes it. */
  lookup?: ShipmentLookupView | null
  /** The open order's parcels ("Koli 2/3"): which one is being boxed and weighed, of how many, and those already weighed. */
  parcels?: ParcelsView | null
}>

/** One weighed parcel of a multi-parcel order, with its own desi and chargeable weight. */
export type ParcelView = Readonly<{ index: number; boxCode: string | null; weightGrams: number; desi: number; chargeableKg: number }>

export type ParcelsView = Readonly<{
  /** The parcel being boxed and weighed now (1-based); equals `count` once all are weighed. */
  current: number
  count: number
  weighed: readonly ParcelView[]
  /** KJREPRINT on a packed multi-parcel order asked which parcel: a digit 1…count picks it. */
  reprintPick: boolean
}>

/** One shipment as the desk shows it after a scan of its tracking number: the order, the carrier, and what the carrier said last. */
export type ShipmentLookupView = Readonly<{
  shipmentId: string
  orderNumber: string
  orderBarcode: string
  orderStatus: string
  carrierName: string
  trackingNumber: string | null
  barcode: string | null
  /** The shipment's row status: purchasing, purchased, failed, cancelled. */
  status: string
  /** The carrier's last tracking status (delivered, in transit…), when it was ever polled or pushed. */
  trackingStatus: string | null
  /** Newest first, at most ten. */
  events: readonly Readonly<{ at: string; status: string | null; text: string; location: string | null }>[]
}>

/**
 * A shipment's stored label as the lookup panel shows it (`shipments.labelImage`): a ZPL label rendered to PNG; `none` for a PDF
 * label (some carriers) or no stored label, shown as "no preview"; `failed` when the stored ZPL does not render, with zebrash's reason.
 */
export type LabelImageView = Readonly<
  | { shipmentId: string; kind: 'png'; dataUrl: string; widthMm: number; heightMm: number }
  | { shipmentId: string; kind: 'none'; format: 'zpl' | 'pdf' | null }
  | { shipmentId: string; kind: 'failed'; reason: string }
>

/** One hit of `shipments.search`: an order with its live (else newest) shipment; shipment fields are null when it was never labelled. */
export type ShipmentSearchHit = Readonly<{
  orderId: string
  orderNumber: string
  orderBarcode: string
  orderStatus: string
  recipientName: string
  shipmentId: string | null
  trackingNumber: string | null
  shipmentStatus: string | null
  carrierName: string | null
}>

/** The return prompt: 'order' waits for the order or tracking number; 'confirm': reason digits, then the supervisor badge; 'done': the return is shown. */
export type ReturnPromptView = Readonly<{
  stage: 'order' | 'confirm' | 'done'
  orderCode: string | null
  /** Index into RETURN_REASONS (shared/contract/desk-reasons.ts). */
  reason: number
  result: ReturnView | null
  problem: SerializedAppError | null
}>

/**
 * granted: the cloud's lease is this desk's; local: the cloud was unreachable, the desk packs on its
 * own claim (tried again before the label is bought); lost: another desk (`holder`) holds the order.
 */
export type ClaimView = Readonly<{ state: 'granted' | 'local' | 'lost'; holder: string | null }>

/** A bought label whose print job was never confirmed: the operator looks at the printer and answers. */
export type UnconfirmedLabelView = Readonly<{
  jobId: string
  orderId: string
  orderNumber: string
  orderBarcode: string
  carrierName: string | null
  trackingNumber: string | null
  /** A supervisor let the desk go on without an answer (audited); it stays listed until answered. */
  deferred: boolean
}>

export type ScaleView = Readonly<{ grams: number; stable: boolean; at: number } | null>

/** A serial or HID-POS scanner (keyboard-wedge scanners are not seen by the core). */
export type ScannerStatusView = Readonly<{ source: string; connected: boolean; error: string | null }>

/** The ESC/POS receipt printer for packing slips, when the desk has one. */
export type ReceiptStatusView = Readonly<{
  uri: string
  /** Null until the printer has answered once. */
  ready: boolean | null
  /** The last slip or status failure (bilingual text), cleared by the next success. */
  problem: string | null
  /** Orders whose slip did not print (newest first); `slips.reprint` takes them off. */
  unprintedOrders: readonly string[]
}>

export type DeviceStatusView = Readonly<{
  scale: { connected: boolean; model: string; error: string | null }
  printer: { uri: string; ready: boolean | null; problem: string | null; queued: number }
  carrier: { id: string; name: string; baseUrl: string }
  /** Every configured carrier with its circuit breaker (closed = answering). */
  carriers?: readonly Readonly<{ id: string; name: string; state: 'closed' | 'open' | 'halfOpen'; lastError: string | null }>[]
  scanners: readonly ScannerStatusView[]
  receipt: ReceiptStatusView | null
  /** Where the desk's prices come from (docs/carriers.md "Where prices come from"). */
  rates?: RateCardsView
}>

/** The rate cards the desk prices with: the cloud's (stored), station.json's, or the built-in demo cards. */
export type RateCardsView = Readonly<{
  source: 'cloud' | 'config' | 'builtin'
  count: number
  /** Cards whose carrier (and ComToHome provider) this desk can buy from; the rest are shown as excluded. */
  available: number
  /** When the cloud's cards were received; null for the other sources. */
  receivedAt: string | null
}>

/** Every condition of a Zebra's three ~HS strings, as `printers.status` reports them. */
export type PrinterStatusView = Readonly<{
  ready: boolean
  paperOut: boolean
  paused: boolean
  headOpen: boolean
  ribbonOut: boolean
  bufferFull: boolean
  underTemperature: boolean
  overTemperature: boolean
  corruptRam: boolean
  labelLengthDots: number
  formatsInBuffer: number
  labelsRemaining: number
  partialFormat: boolean
}>

export type ReceiptCodePage = 'PC857_TURKISH' | 'WPC1254_TURKISH'

/** `printers.status`: the label printer asked with ~HS, the receipt printer with GS r 1, now. */
export type PrintersView = Readonly<{
  label: Readonly<{
    uri: string
    dpi: 203 | 300
    size: '100x150' | '100x100'
    /** False when the route cannot report status (file:, spooler://) or status checks are off. */
    canReportStatus: boolean
    status: PrinterStatusView | null
    problem: SerializedAppError | null
    queued: number
  }>
  receipt: Readonly<{
    uri: string
    codePage: ReceiptCodePage
    widthChars: 48 | 32
    paperOut: boolean | null
    paperNearEnd: boolean | null
    problem: SerializedAppError | null
    unprintedOrders: readonly string[]
  }> | null
  checkedAt: string
}>

/** `printers.testLabel`: the recorded print job (kind 'test', no order). */
export type TestLabelView = Readonly<{ jobId: string; printerUri: string; printedAt: string }>

/** `slips.reprint`: which order's slip went to which printer. */
export type SlipPrintView = Readonly<{ orderNumber: string; printerUri: string }>

/** What the settings screen (F6, supervisors only) shows and changes. */
export type SettingsView = Readonly<{
  /** The data folder's station.json, where settings changed on the desk are written. */
  stationFile: string
  printer: Readonly<{ uri: string; dpi: 203 | 300; size: '100x150' | '100x100' }>
  receipt: Readonly<{ enabled: boolean; uri: string; codePage: ReceiptCodePage; widthChars: 48 | 32 }>
  scale: Readonly<{ driver: string; protocol: string | null; path: string | null; baudRate: number | null }>
  scanner: Readonly<{
    /** The OS layout keyboard-wedge scans are repaired from (null: no repair). */
    wedgeLayout: LayoutProfileId | null
    fnc1: string
    gs1WithoutAim: 'never' | 'ifSeparated' | 'try'
    scanBack: boolean
    sources: readonly Readonly<{ id: string; driver: 'serial' | 'hid-pos'; path: string | null }>[]
  }>
}>

export type SyncStatusView = Readonly<{
  mode: 'online' | 'offline' | 'degraded' | 'paused'
  pendingEvents: number
  lastSyncAt: string | null
  /** Events the cloud refused or reported as conflicts: kept, visible, waiting for a person. */
  parkedEvents?: number
  lastError?: string | null
}>

export type StationSnapshot = Readonly<{
  stationName: string
  demo: boolean
  packing: PackingView
  scale: ScaleView
  devices: DeviceStatusView
  sync: SyncStatusView
  boxes: readonly Box[]
}>

export type ReportView = Readonly<{
  from: string
  to: string
  packedOrders: number
  packedPerHour: number
  shipments: number
  totalCostKurus: number
  byCarrier: readonly { carrierId: string; name: string; count: number; costKurus: number; chargedKurus?: number }[]
  /** What the carriers said they charge, where they said (ComToHome, MNG); totalCostKurus is the desk's price. */
  totalChargedKurus?: number
  /** Shipments whose carrier figure differs from the desk's price, largest difference first. */
  priceDifferences?: readonly PriceDifferenceView[]
  desiMismatches: readonly { orderNumber: string; expectedGrams: number; measuredGrams: number; diffPct: number }[]
  exceptions: readonly { orderNumber: string; action: string; at: string; detail: string }[]
  byPacker: readonly { packerId: string; name: string; count: number }[]
}>

/** A shipment whose carrier-charged amount differs from the card price the desk compared and stored. */
export type PriceDifferenceView = Readonly<{
  orderNumber: string
  carrierName: string
  costKurus: number
  chargedKurus: number
  differenceKurus: number
  at: string
}>

/** One shipment's tracking as the desk knows it (`shipments.timeline`, `station track`). */
export type ShipmentTimelineView = Readonly<{
  orderNumber: string
  carrierId: string
  carrierName: string
  trackingNumber: string | null
  /** Normalized (docs/reference/carriers.md §12); null until a known code arrives. */
  status: string | null
  rawCode: string | null
  checkedAt: string | null
  events: readonly Readonly<{ status: string | null; rawCode: string; rawText: string; at: string; location: string | null }>[]
}>

/** Per configured carrier: its circuit breaker and its offline labels waiting for registration. */
export type CarrierStatusView = Readonly<{
  id: string
  name: string
  breaker: Readonly<{
    state: 'closed' | 'open' | 'halfOpen'
    failures: number
    retryAt: string | null
    lastError: Readonly<{ code: string; message: string; at: string; notice?: NoticeRef }> | null
  }>
  offlinePending: number
}>

/** A raw carrier exchange for support, secrets already redacted. */
export type CarrierExchangeView = Readonly<{
  id: number
  carrierId: string
  operation: string
  method: string
  url: string
  request: string
  httpStatus: number | null
  response: string | null
  durationMs: number
  errorCode: string | null
  at: string
}>

export type TrackingPassView = Readonly<{ asked: number; changed: number; failed: readonly Readonly<{ carrierId: string; code: string; message: string }>[] }>

export type ManifestLine = Readonly<{
  orderNumber: string
  trackingNumber: string
  barcode: string
  recipientName: string
  city: string
  district: string
  packages: number
  desi: number
  weightKg: number
  codAmountKurus: number | null
  /** Labelled offline and not yet registered with the carrier: the courier should be told. */
  pendingRegistration: boolean
}>

export type Manifest = Readonly<{
  carrierId: string
  carrierName: string
  /** YYYY-MM-DD, Turkey time (UTC+3, no DST since 2016). */
  day: string
  sender: string
  lines: readonly ManifestLine[]
  totals: Readonly<{ shipments: number; packages: number; desi: number; weightKg: number; codKurus: number }>
}>

/** An end-of-day manifest per carrier (`manifests.build` also returns it as a PDF). */
export type ManifestView = Readonly<{
  manifest: Manifest
  pdfBase64: string | null
}>

/** An outbox event the cloud refused or reported as a conflict: kept, shown to a supervisor. */
export type ParkedEventView = Readonly<{ id: string; kind: string; orderNumber: string | null; reason: string | null; createdAt: string }>
