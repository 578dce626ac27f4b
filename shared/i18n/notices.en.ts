import type { NoticeCode } from './notice-codes'

/** English wording of every notice code (the desk shows it second, or first when the operator switches). */
export const NOTICES_EN: Readonly<Record<NoticeCode, string>> = {
  // The packing screen: the core's short feedback after each step
  'packing.welcome': 'Welcome',
  'packing.orderOpen': 'Order open: scan the items',
  'packing.orderOpenLocal': 'Order open on a local claim (offline)',
  'packing.resuming': 'Finishing an order whose label was already bought',
  'packing.itemsCompleteSuggested': 'Items complete: suggested box {boxName}',
  'packing.itemsComplete': 'Items complete: scan or pick a box',
  'packing.boxChosen': 'Put the box on the scale',
  'packing.dimensionsSet': 'Put the box on the scale',
  'packing.awaitScanBack': 'Stick the label on the box and scan it',
  'packing.packed': 'Packed: scan the next order',
  'packing.overridden': 'Supervisor override',
  'packing.labelPrinted': 'Label printed',
  'packing.cancelled': 'Cancelled: scan the next order',
  'packing.labelConfirmedPacked': 'Label recorded as printed, order packed',
  'packing.labelPrintedAgainPacked': 'Label printed once more, order packed',
  'packing.deferred': 'Deferred by a supervisor: answer later',
  'packing.labelReprinted': 'Label reprinted',
  'printer.ready': 'Printer ready',

  // Sessions and badges
  'session.scanBadgeFirst': 'Scan your badge first',
  'session.supervisorBadgeRequired': 'A supervisor badge is required',
  'settings.supervisorOnly': 'Log in with a supervisor badge for settings',

  // Orders, shipments, returns
  'order.unknown': 'Unknown order',
  'order.unknownCode': 'Unknown order: {code}',
  'order.noSuchOrder': 'no such order',
  'shipment.notFound': 'no shipment for this code',
  'shipment.noneToCancel': 'no live shipment to cancel',
  'shipment.purchaseInFlight': 'The purchase is still in flight; wait for its outcome',
  'shipment.cancelUnsupported': 'this carrier has no cancel here',
  'return.unsupported': 'this carrier has no return operation here',
  'return.nothingShipped': 'nothing was shipped, no return to open',
  'return.slipNotPrinted': 'Return made, slip not printed',

  // Claims and the cloud
  'claim.cancelledInCloud': 'Order cancelled in the cloud: do not pack',
  'claim.heldElsewhere': 'Another desk has this order',
  'claim.lostBeforeLabel': 'Another desk ({desk}) holds this order: no label bought, cancel it',
  'claim.cloudUnreachable': 'The cloud is unreachable: this order cannot be packed now (offline packing is off)',
  'sync.noCloud': 'No cloud is configured for this desk',

  // Printing
  'printer.notReady': 'Printer not ready',
  'printJob.unknown': 'Unknown print job',
  'printJob.notAwaitingDecision': 'This print job is not awaiting a decision',
  'print.outcomeUnknown': 'Unknown whether the label printed — check the printer, then confirm or print again.',
  'print.outcomeUnknownWaiting':
    'Unknown whether the label printed — check the printer, then confirm or print again. {count} label(s) still waiting in the printer.',
  'label.missingBarcode': 'Label does not carry barcode {barcode}',
  'receipt.paperOut': 'Receipt paper out — load a roll',
  'receipt.noPrinter': 'No receipt printer is set up at this desk',
  'slip.noLabel': 'No label yet for this order, so no slip',

  // Manifests, pickups, carriers
  'manifest.notACarrier': 'not a carrier of this desk',
  'pickup.unsupported': 'no courier pickup with this carrier here',
  'pickup.noParcels': 'No parcels for this carrier today: give a count',
  'carrier.circuitOpen': '{carrier} kept failing; trying again in {seconds} s',

  // Demo mode and settings
  'demo.simulatorOnly': 'Scale simulator is demo-only',

  // Label printers: status and transports
  'printer.headOpen': 'Printhead open — close the head',
  'printer.paperOut': 'Paper out — load labels',
  'printer.ribbonOut': 'Ribbon out — load ribbon',
  'printer.paused': 'Printer paused — press PAUSE',
  'printer.bufferFull': 'Receive buffer full — wait',
  'printer.overTemperature': 'Head over temperature',
  'printer.underTemperature': 'Head under temperature',
  'printer.corruptRam': 'Corrupt RAM — restart the printer',
  'printer.statusUnreadable': 'Invalid {query} reply: {detail}',
  'printer.statusUnsupported': '{uri} cannot report status',
  'printer.addressInvalid': 'Invalid printer address "{uri}": {why} (use {forms})',
  'printer.noAnswerWithin': 'Printer did not answer within {timeoutMs} ms ({uri})',
  'printer.closedMidJob': 'Printer closed the connection mid-job ({uri})',
  'printer.closedBeforeAnswer': 'Printer closed the connection before answering ({uri})',
  'printer.connectTimedOut': 'Printer connection timed out ({uri})',
  'printer.offline': 'Printer offline ({uri}: {errno})',
  'printer.unreachable': 'Cannot reach printer ({uri}: {detail})',
  'printer.fileWriteFailed': 'Cannot write printer file {path}: {errno}',
  'printer.memoryNoAnswer': 'Printer did not answer (memory: {detail})',
  'printer.serialLost': 'Serial printer disconnected ({uri})',
  'printer.serialNoPermission': 'No permission for {path} (dialout group)',
  'printer.serialOpenFailed': 'Cannot open serial printer {path}: {detail}',
  'printer.serialError': 'Serial printer error ({uri}): {detail}',
  'printer.spoolerQueueInvalid': 'Invalid CUPS queue name "{queue}"',
  'printer.spoolerNoAnswer': 'Print queue {queue}: the spooler did not answer within {timeoutMs} ms',
  'printer.spoolerNoQueue': 'Print queue {queue}: no such queue: {detail}',
  'printer.spoolerRefused': 'Print queue {queue}: the spooler refused the job: {detail}',
  'printer.spoolerClientMissing': 'Print queue {queue}: the spooler client "{command}" is not installed',
  'printer.spoolerClientFailed': 'Print queue {queue}: {command} failed: {detail}',
  'printer.usbNoStatus': '{uri} has no bulk IN endpoint',
  'printer.usbNotConnected': 'USB printer not connected ({uri})',
  'printer.usbSeveral': 'Several USB printers match {uri}: add /SERIAL ({serials})',
  'printer.usbNotAPrinter': '{uri} has no bulk OUT endpoint on interface 0',
  'printer.usbError': 'USB printer error ({uri}): {detail}',
  'printer.usbSlowTake': 'USB printer did not take the data within {timeoutMs} ms ({uri})',
  'printer.usbBusy': 'Another program holds the USB printer ({uri})',
  'printer.usbNoPermission': 'No permission for the USB printer (udev rule, WinUSB driver) ({uri})',
  'printer.usbLost': 'USB printer link lost ({uri}): {detail}',
  'label.pdfUnreadable': 'Carrier label PDF cannot be read: {detail}',

  // Receipt printer and scanners
  'receipt.addressInvalid': 'Invalid receipt printer address "{uri}" (use tcp://HOST[:PORT])',
  'receipt.noAnswer': 'Receipt printer not answering (offline or out of paper) ({uri})',
  'receipt.offline': 'Receipt printer offline ({uri}: {detail})',
  'receipt.slipInvalid': 'Invalid packing slip: {detail}',
  'scanner.hidListFailed': 'Cannot list HID devices: {detail}',
  'scanner.hidNotFound': 'No HID POS scanner found ({device})',
}
