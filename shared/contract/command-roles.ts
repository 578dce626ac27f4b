import type { PackerRole } from '../domain/packer'
import type { CommandName } from './commands'

/** The least a command needs: 'none' (a locked desk may send it) or the lowest role whose badge must be logged in. */
export type CommandMinimum = PackerRole | 'none'

/**
 * Who may send each command, checked in the core (dispatchCommand) before the handler runs, for the
 * Electron IPC and the WebSocket alike: hiding a button is not the check. `satisfies Record<CommandName, …>`
 * makes a new command without an entry a compile error.
 *
 * - none: what a locked desk must show or do (snapshot, login, logout, the one scanner entry, whose
 *   badge scan is the login; the packing service refuses work without a session itself), the box
 *   catalog, and the demo scale simulator (its handler refuses outside demo mode).
 * - packer: the packing day (orders, items, boxes, labels, slips, lookups).
 * - supervisor: the desk's devices, sync, support views, manifests and pickups. Overrides, defers, voids
 *   and returns also carry a supervisor's badge in their input, which their service checks: a packer's
 *   session plus a supervisor's scan is the supervisor's authority at the desk.
 * - manager: reports (they carry costs).
 * - admin: the settings an admin edits (none yet). The scanner layout stays with supervisors: it is the
 *   result of the scanner self-test a supervisor runs at the desk.
 */
export const COMMAND_MINIMUM_ROLE = {
  'station.getSnapshot': 'none',
  'session.login': 'none',
  'session.logout': 'none',
  'scan.submit': 'none',
  'returns.closePrompt': 'none',
  'boxes.list': 'none',
  'boxes.save': 'admin',
  'boxes.retire': 'admin',
  'scale.simulate': 'none',
  'orders.open': 'packer',
  'orders.list': 'packer',
  'packing.confirmItem': 'packer',
  'packing.selectBox': 'packer',
  'packing.setDimensions': 'packer',
  'packing.override': 'packer',
  'packing.retry': 'packer',
  'packing.cancel': 'packer',
  // A dearer change than the station's limit also needs a supervisor's badge, checked by the handler (carrier-change.ts).
  'packing.carrierOptions': 'packer',
  'packing.changeCarrier': 'packer',
  'labels.reprint': 'packer',
  'labels.resolveUncertain': 'packer',
  'labels.deferUncertain': 'packer',
  'printers.status': 'packer',
  'slips.reprint': 'packer',
  'shipments.timeline': 'packer',
  'shipments.search': 'packer',
  'shipments.labelImage': 'packer',
  'shipments.cancel': 'packer',
  'returns.create': 'packer',
  'returns.list': 'packer',
  'carriers.status': 'packer',
  'sync.now': 'packer',
  'settings.get': 'supervisor',
  'printers.testLabel': 'supervisor',
  'scale.zero': 'supervisor',
  'carriers.exchanges': 'supervisor',
  'carriers.requestPickup': 'supervisor',
  'tracking.pollNow': 'supervisor',
  'tracking.webhooks': 'supervisor',
  'sync.setPaused': 'supervisor',
  'sync.parked': 'supervisor',
  'manifests.build': 'supervisor',
  'manifests.print': 'supervisor',
  'reports.summary': 'manager',
  'settings.setScannerLayout': 'supervisor',
  'settings.setPrinter': 'admin',
  // The exceptions queue: the packer's own stops; the override carries a supervisor's badge, checked by the service.
  'exceptions.list': 'packer',
  'exceptions.suggestPlaces': 'packer',
  'exceptions.fixAddress': 'packer',
  'exceptions.retry': 'packer',
  'exceptions.useCarrier': 'packer',
  'exceptions.override': 'packer',
  'exceptions.resolvePrinter': 'packer',
  'exceptions.settle': 'packer',
} as const satisfies Record<CommandName, CommandMinimum>
