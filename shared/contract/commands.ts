import { z } from 'zod'
import type { Box } from '../domain/box'
import type { CarrierChangeView } from './carrier-change'
import { CARRIER_CHANGE_REASONS, type CarrierChangeReasonKey } from './desk-reasons'
import { PACKAGE_LIMITS } from '../domain/limits'
import type { OrderSummary } from '../domain/order'
import type { Packer } from '../domain/packer'
import { LayoutProfileId } from '../scan/keyboard-layout'
import type {
  CarrierExchangeView,
  CarrierStatusView,
  ManifestView,
  ParkedEventView,
  SyncStatusView,
  PackingView,
  PrintersView,
  ReportView,
  SettingsView,
  ShipmentSearchHit,
  LabelImageView,
  ShipmentTimelineView,
  ShipmentView,
  SlipPrintView,
  StationSnapshot,
  TestLabelView,
  TrackingPassView,
  ReturnView,
  WebhookStatusView,
} from './views'
import { SETTLE_CHOICES, type ExceptionView, type PlaceSuggestion } from './exceptions'

/** Scanned text: printable, bounded; control characters other than GS (FNC1) are refused. */
export const ScanCode = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'boş okuma / empty scan')
      .max(128, 'okuma çok uzun / scan too long')
      .regex(/^[^\x00-\x1c\x1e-\x1f\x7f]+$/, 'okumada kontrol karakteri var / control characters in scan'),
  )

const empty = z.object({}).strict()
/** An exceptions queue row's id (`x-<uuid>`). */
const ExceptionId = z.string().regex(/^x-[0-9a-f-]{36}$/, 'istisna kimliği / exception id')

/**
 * Every command the UI may send, with its input schema. Inputs are re-parsed where they enter
 * the core (IPC, WebSocket): the renderer is untrusted.
 */
export const commandInputs = {
  'station.getSnapshot': empty,
  /** `pin`: the badge's PIN, when its record has one (supervisor, manager, admin badges may). */
  'session.login': z
    .object({
      badge: ScanCode,
      pin: z
        .string()
        .regex(/^\d{4,8}$/, 'PIN 4-8 rakam / 4-8 digits')
        .optional(),
    })
    .strict(),
  'session.logout': empty,
  /** The one entry for scanner input: the core routes it by the current step. */
  'scan.submit': z.object({ code: ScanCode, source: z.enum(['scanner', 'keyboard', 'manual']).default('scanner') }).strict(),
  'orders.open': z.object({ code: ScanCode }).strict(),
  'orders.list': z
    .object({ status: z.enum(['open', 'packing', 'packed', 'cancelled', 'exception']).optional(), limit: z.number().int().min(1).max(500).default(50) })
    .strict(),
  'packing.confirmItem': z.object({ code: ScanCode }).strict(),
  'packing.selectBox': z.object({ boxCode: ScanCode }).strict(),
  'packing.setDimensions': z
    .object({
      lengthMm: z.number().int().min(10).max(PACKAGE_LIMITS.maxSideMm),
      widthMm: z.number().int().min(10).max(PACKAGE_LIMITS.maxSideMm),
      heightMm: z.number().int().min(10).max(PACKAGE_LIMITS.maxSideMm),
    })
    .strict(),
  'packing.override': z.object({ supervisorBadge: ScanCode, reason: z.string().trim().min(3).max(200) }).strict(),
  'packing.retry': empty,
  'packing.cancel': empty,
  /** The carrier prompt (Ctrl+K): the open order's comparison with what each change takes (packing/carrier-change.ts). */
  'packing.carrierOptions': empty,
  /** Take another carrier from the comparison: a reason when dearer, a supervisor's badge above the station's limit. */
  'packing.changeCarrier': z
    .object({
      carrierId: z.string().trim().min(1).max(40),
      serviceCode: z.string().trim().min(1).max(80),
      reason: z
        .enum(CARRIER_CHANGE_REASONS as [CarrierChangeReasonKey, ...CarrierChangeReasonKey[]])
        .nullable()
        .optional(),
      supervisorBadge: ScanCode.nullable().optional(),
    })
    .strict(),
  'labels.reprint': z.object({ orderCode: ScanCode, reason: z.string().trim().min(3).max(200).default('yeniden yazdırma / reprint') }).strict(),
  /** After a crash mid-print the desk cannot know whether a label came out: the operator looks and says. */
  'labels.resolveUncertain': z.object({ decision: z.enum(['printed', 'printAgain']), jobId: z.string().min(1).max(100).optional() }).strict(),
  /** A supervisor lets the desk open new orders before the labels with an unknown print outcome are answered (audited). */
  'labels.deferUncertain': z.object({ supervisorBadge: ScanCode }).strict(),
  'boxes.list': empty,
  /** Admins: add or change a box of the catalog (settings screen). Sides in mm, at most the parcel limit; audited. */
  'boxes.save': z
    .object({
      code: z
        .string()
        .trim()
        .transform((s) => s.toLocaleUpperCase('en'))
        .pipe(z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'kod: harfle başlar, 2–16 harf/rakam / code: 2–16 letters or digits, a letter first')),
      name: z.string().trim().min(2).max(60),
      lengthMm: z.number().int().min(10).max(PACKAGE_LIMITS.maxSideMm),
      widthMm: z.number().int().min(10).max(PACKAGE_LIMITS.maxSideMm),
      heightMm: z.number().int().min(1).max(PACKAGE_LIMITS.maxSideMm),
      tareGrams: z.number().int().min(0).max(50_000),
    })
    .strict(),
  /** Admins: take a box out of the catalog (kept for the parcels packed in it); audited. */
  'boxes.retire': z.object({ code: z.string().trim().min(1).max(16) }).strict(),
  'reports.summary': z.object({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() }).strict(),
  'scale.simulate': z.object({ grams: z.number().int().min(0).max(500_000) }).strict(),
  /** Settings screen (supervisors): what is configured. */
  'settings.get': empty,
  /** Supervisors: the OS keyboard layout wedge scans are repaired from (the scanner self-test's finding); written to station.json. */
  /** Admins: the label printer's address (printer.uri in station.json), checked as the desk would open it; applies at the next start. */
  'settings.setPrinter': z.object({ uri: z.string().trim().min(1).max(300) }).strict(),
  'settings.setScannerLayout': z
    .object({ layout: z.enum([LayoutProfileId.us, LayoutProfileId.trQ, LayoutProfileId.trF, LayoutProfileId.gb]).nullable() })
    .strict(),
  /** Label printer ~HS and receipt printer GS r 1, asked now. */
  'printers.status': empty,
  /** Supervisors: a test label through the print queue (kind 'test', linked to no order). */
  'printers.testLabel': empty,
  /** The packing slip of a packed order again, on the receipt printer. */
  'slips.reprint': z.object({ orderCode: ScanCode }).strict(),
  /** Supervisors: zero the scale (empty pan). */
  'scale.zero': empty,
  /** A shipment's normalized tracking status and timeline, by order number/barcode or tracking number. */
  'shipments.timeline': z.object({ code: ScanCode }).strict(),
  /** Orders and shipments by order number, tracking number, recipient name or phone (typed or scanned), newest first, at most ten. */
  'shipments.search': z.object({ query: z.string().trim().min(1).max(80) }).strict(),
  /** A shipment's stored label as an image for the lookup panel (ZPL rendered to PNG; PDF labels: no preview). */
  'shipments.labelImage': z.object({ shipmentId: z.string().trim().min(1).max(80) }).strict(),
  /** Configured carriers with their circuit-breaker state and offline labels awaiting registration. */
  'carriers.status': empty,
  /** Support: the latest raw carrier requests/responses (secrets redacted). */
  'carriers.exchanges': z.object({ carrierId: z.string().min(1).max(40).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  /** Ask the carriers for news of every moving shipment now (otherwise every few minutes). */
  'tracking.pollNow': empty,
  /** Run a sync round now (pull orders, push events) instead of waiting for the next one. */
  'sync.now': empty,
  /** Pause or resume background sync (packing goes on; events wait in the outbox). */
  'sync.setPaused': z.object({ paused: z.boolean() }).strict(),
  /** Supervisors: events the cloud refused or reported as conflicts, newest first. */
  'sync.parked': z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
  /** Supervisors: void a bought label with the carrier (within its cancel window) and reopen the order. */
  'shipments.cancel': z
    .object({ code: ScanCode, supervisorBadge: ScanCode, reason: z.string().trim().min(3).max(200), shipmentId: z.string().min(1).max(64).optional() })
    .strict(),
  /** The end-of-day manifest of one carrier (default: today, Turkey time), with its PDF. */
  'manifests.build': z.object({ carrierId: z.string().min(1).max(40), day: z.iso.date().optional() }).strict(),
  /** Ask the carrier to send a courier (where it has the operation); parcels default to today's manifest. */
  'carriers.requestPickup': z.object({ carrierId: z.string().min(1).max(40), parcels: z.number().int().min(1).max(999).optional() }).strict(),
  /** The same manifest printed on the desk's label printer for the courier to sign. */
  'manifests.print': z.object({ carrierId: z.string().min(1).max(40), day: z.iso.date().optional() }).strict(),
  /**
   * Supervisors: a return (iade) for a shipped order, from its carrier: a return code the customer gives
   * at a branch, or a return shipment with its own label (carriers that have the operation). The slip
   * or label prints on the desk's printer. Asking again for the same order gives the same return.
   */
  'returns.create': z
    .object({ code: ScanCode, supervisorBadge: ScanCode, reason: z.string().trim().min(3).max(200), validDays: z.number().int().min(1).max(90).default(14) })
    .strict(),
  /** The carrier push receiver: where it listens, counters, latest requests. */
  'tracking.webhooks': empty,
  /** The returns of one order (scanned order code or tracking number), newest first. */
  'returns.list': z.object({ code: ScanCode }).strict(),
  /** Esc on the return prompt: the desk's scans are work again. */
  'returns.closePrompt': empty,
  /** The exceptions queue (issue 12): the open exceptions, oldest first. */
  'exceptions.list': empty,
  /** The address fix's autocomplete: il/ilçe pairs of the Turkish list for what was typed. */
  'exceptions.suggestPlaces': z.object({ query: z.string().trim().min(1).max(60) }).strict(),
  /** Unresolved address: a real il/ilçe pair, then the order at the desk is retried. */
  'exceptions.fixAddress': z.object({ id: ExceptionId, city: z.string().trim().min(2).max(60), district: z.string().trim().min(2).max(60) }).strict(),
  /** Carrier refused or down: the same purchase again (a live one with its own key). */
  'exceptions.retry': z.object({ id: ExceptionId }).strict(),
  /** Carrier refused: another carrier of the order's comparison (none while a purchase is live). */
  'exceptions.useCarrier': z.object({ id: ExceptionId, serviceCode: z.string().trim().min(1).max(80) }).strict(),
  /** Weight out of tolerance: a supervisor's badge (checked in the core) and a reason. */
  'exceptions.override': z.object({ id: ExceptionId, supervisorBadge: ScanCode, reason: z.string().trim().min(3).max(200) }).strict(),
  /** Printer fault: the printer is fixed; the owed label prints once and the order finishes. */
  'exceptions.resolvePrinter': z.object({ id: ExceptionId }).strict(),
  /** Sync conflict: a supervisor's badge (checked in the core) settles it, 'theirs' or 'ours', after seeing both desks' facts. */
  'exceptions.settle': z.object({ id: ExceptionId, supervisorBadge: ScanCode, choice: z.enum(SETTLE_CHOICES) }).strict(),
} as const

export type CommandName = keyof typeof commandInputs
export const COMMAND_NAMES = Object.keys(commandInputs) as CommandName[]

/** What each command returns (validated by construction in the core; typed for the UI). */
export type CommandOutputs = {
  'station.getSnapshot': StationSnapshot
  'session.login': Packer
  'session.logout': null
  'scan.submit': PackingView
  'orders.open': PackingView
  'orders.list': OrderSummary[]
  'packing.confirmItem': PackingView
  'packing.selectBox': PackingView
  'packing.setDimensions': PackingView
  'packing.override': PackingView
  'packing.retry': PackingView
  'packing.cancel': PackingView
  'packing.carrierOptions': CarrierChangeView
  'packing.changeCarrier': CarrierChangeView
  'labels.reprint': PackingView
  'labels.resolveUncertain': PackingView
  'labels.deferUncertain': PackingView
  'boxes.list': Box[]
  'boxes.save': Box[]
  'boxes.retire': Box[]
  'reports.summary': ReportView
  'scale.simulate': null
  'settings.get': SettingsView
  'settings.setScannerLayout': SettingsView
  'settings.setPrinter': Readonly<{ uri: string; restartRequired: boolean }>
  'printers.status': PrintersView
  'printers.testLabel': TestLabelView
  'slips.reprint': SlipPrintView
  'scale.zero': null
  'shipments.timeline': ShipmentTimelineView
  'shipments.search': ShipmentSearchHit[]
  'shipments.labelImage': LabelImageView
  'carriers.status': CarrierStatusView[]
  'carriers.exchanges': CarrierExchangeView[]
  'tracking.pollNow': TrackingPassView
  'sync.now': SyncStatusView
  'sync.setPaused': SyncStatusView
  'sync.parked': ParkedEventView[]
  'shipments.cancel': ShipmentView
  'manifests.build': ManifestView
  'manifests.print': ManifestView
  'carriers.requestPickup': Readonly<{ carrierId: string; pickupId: string; message: string; parcels: number }>
  'returns.create': ReturnView
  'tracking.webhooks': WebhookStatusView
  'returns.list': ReturnView[]
  'returns.closePrompt': PackingView
  'exceptions.list': ExceptionView[]
  'exceptions.suggestPlaces': PlaceSuggestion[]
  'exceptions.fixAddress': ExceptionView[]
  'exceptions.retry': ExceptionView[]
  'exceptions.useCarrier': ExceptionView[]
  'exceptions.override': ExceptionView[]
  'exceptions.resolvePrinter': ExceptionView[]
  'exceptions.settle': ExceptionView[]
}

export type CommandInput<K extends CommandName> = z.input<(typeof commandInputs)[K]>
export type ParsedInput<K extends CommandName> = z.output<(typeof commandInputs)[K]>
export type CommandOutput<K extends CommandName> = CommandOutputs[K]

/** A handler map; a missing handler is a compile error. */
export type CommandHandlers = { [K in CommandName]: (input: ParsedInput<K>) => Promise<CommandOutput<K>> }
