/**
 * What the core says to a person, as codes. The core sends `{ code, params }` (a packing-screen Notice, or
 * AppError.notice beside an error code) and never words it; the renderer, the CLI and the logs word it from
 * notices.tr.ts and notices.en.ts. Each code lists the names of the params its wording fills, so a missing
 * param is a compile error where the core sends it (notice-codes.test.ts checks the wording uses only these).
 */
export const NOTICE_PARAMS = {
  // The packing screen: the core's short feedback after each step
  'packing.welcome': ['name'],
  'packing.orderOpen': ['orderNumber'],
  'packing.orderOpenLocal': ['orderNumber'],
  'packing.resuming': ['orderNumber'],
  'packing.itemsCompleteSuggested': ['boxName', 'boxCode', 'boxKey'],
  'packing.itemsComplete': [],
  'packing.itemScanned': ['name'],
  'packing.boxChosen': ['boxName'],
  'packing.dimensionsSet': [],
  'packing.awaitScanBack': [],
  'packing.packed': ['trackingNumber'],
  'packing.overridden': ['supervisor'],
  'packing.labelPrinted': [],
  'packing.cancelled': [],
  'packing.labelConfirmedPacked': ['orderNumber'],
  'packing.labelPrintedAgainPacked': ['orderNumber'],
  'packing.deferred': ['supervisor', 'count'],
  'packing.labelReprinted': [],
  'packing.parcelAdded': ['count'],
  'packing.parcelWeighed': ['index', 'count', 'next'],
  'packing.whichParcel': ['count'],
  'packing.parcelReprinted': ['index', 'count'],
  'packing.parcelLabelScanned': ['index', 'count'],
  'printer.ready': [],

  // Sessions and badges
  'session.scanBadgeFirst': [],
  'session.supervisorBadgeRequired': [],
  'settings.supervisorOnly': [],

  'session.supervisorOnly': [],
  'session.managerOnly': [],
  'session.adminOnly': [],
  'session.pinRequired': [],
  'session.pinWrong': ['attemptsLeft'],
  'session.pinLocked': [],
  // Orders, shipments, returns
  'order.unknown': [],
  'order.unknownCode': ['code'],
  'order.noSuchOrder': ['code'],
  'shipment.notFound': ['code'],
  'shipment.noneToCancel': ['code'],
  'shipment.purchaseInFlight': [],
  'shipment.cancelUnsupported': ['carrierId'],
  'shipment.cancelWindowClosed': ['carrierId', 'status'],
  'shipment.notTheLiveOne': ['code'],
  'return.unsupported': ['carrierName'],
  'return.nothingShipped': ['orderNumber'],
  'return.slipNotPrinted': ['returnCode', 'detail'],

  // Claims and the cloud
  'claim.cancelledInCloud': [],
  'claim.heldElsewhere': ['stationId', 'reason'],
  'claim.lostBeforeLabel': ['desk'],
  'claim.cloudUnreachable': [],
  'sync.noCloud': [],

  // Printing
  'printer.notReady': [],
  'printJob.unknown': ['jobId'],
  'printJob.notAwaitingDecision': [],
  'print.outcomeUnknown': [],
  'print.outcomeUnknownWaiting': ['count'],
  'label.missingBarcode': ['barcode'],
  'receipt.paperOut': [],
  'receipt.noPrinter': [],
  'slip.noLabel': ['orderNumber'],

  // Manifests, pickups, carriers
  'manifest.notACarrier': ['carrierId'],
  'pickup.unsupported': ['carrierId'],
  'pickup.noParcels': [],
  'carrier.circuitOpen': ['carrier', 'seconds'],

  // Demo mode and settings
  'demo.simulatorOnly': [],

  // Label printers: status and transports
  'printer.headOpen': [],
  'printer.paperOut': [],
  'printer.ribbonOut': [],
  'printer.paused': [],
  'printer.bufferFull': [],
  'printer.overTemperature': [],
  'printer.underTemperature': [],
  'printer.corruptRam': [],
  'printer.statusUnreadable': ['query', 'detail'],
  'printer.statusUnsupported': ['uri'],
  'printer.addressInvalid': ['uri', 'why', 'forms'],
  'printer.noAnswerWithin': ['timeoutMs', 'uri'],
  'printer.closedMidJob': ['uri'],
  'printer.closedBeforeAnswer': ['uri'],
  'printer.connectTimedOut': ['uri'],
  'printer.offline': ['uri', 'errno'],
  'printer.unreachable': ['uri', 'detail'],
  'printer.fileWriteFailed': ['path', 'errno'],
  'printer.memoryNoAnswer': ['detail'],
  'printer.serialLost': ['uri'],
  'printer.serialNoPermission': ['path'],
  'printer.serialOpenFailed': ['path', 'detail'],
  'printer.serialError': ['uri', 'detail'],
  'printer.spoolerQueueInvalid': ['queue'],
  'printer.spoolerNoAnswer': ['queue', 'timeoutMs'],
  'printer.spoolerNoQueue': ['queue', 'detail'],
  'printer.spoolerRefused': ['queue', 'detail'],
  'printer.spoolerClientMissing': ['queue', 'command'],
  'printer.spoolerClientFailed': ['queue', 'command', 'detail'],
  'printer.usbNoStatus': ['uri'],
  'printer.usbNotConnected': ['uri'],
  'printer.usbSeveral': ['uri', 'serials'],
  'printer.usbNotAPrinter': ['uri'],
  'printer.usbError': ['uri', 'detail'],
  'printer.usbSlowTake': ['timeoutMs', 'uri'],
  'printer.usbBusy': ['uri'],
  'printer.usbNoPermission': ['uri'],
  'printer.usbLost': ['uri', 'detail'],
  'label.pdfUnreadable': ['detail'],

  // Receipt printer and scanners
  'receipt.addressInvalid': ['uri'],
  'receipt.noAnswer': ['uri'],
  'receipt.offline': ['uri', 'detail'],
  'receipt.slipInvalid': ['detail'],
  'scanner.hidListFailed': ['detail'],
  'scanner.hidNotFound': ['device'],

  // Packing: refusals and problems
  'session.unknownBadge': ['badge'],
  'session.scanOrderFirst': [],
  'packing.busyFinishing': [],
  'packing.finishOpenFirst': ['orderNumber'],
  'packing.nothingToRetry': [],
  'packing.labelBought': [],
  'packing.parcelNotAllowed': [],
  'packing.noSuchParcel': ['index', 'count'],
  'packing.noWeight': [],
  'packing.noEligibleCarrier': [],
  // The packer's carrier change (Ctrl+K, packing/carrier-change.ts)
  'carrierChange.notNow': [],
  'carrierChange.marketplaceLabel': [],
  'carrierChange.disabled': [],
  'carrierChange.noSuggestion': [],
  'carrierChange.unknownOption': [],
  'carrierChange.ineligible': [],
  'carrierChange.contractNotAllowed': [],
  'carrierChange.unpriced': [],
  'carrierChange.aboveCap': [],
  'carrierChange.reasonRequired': [],
  'carrierChange.noLonger': ['name'],
  // The box catalog (settings, admins)
  'boxes.notFound': ['code'],
  'boxes.lastBox': [],
  'order.cancelledDoNotPack': ['orderNumber'],
  'order.cancelledBeforeLabel': ['orderNumber'],
  'order.alreadyPacked': ['orderNumber'],
  'order.labelBeingFinished': [],
  'order.labelBeingFinishedNamed': ['orderNumber'],
  'scan.checkDigit': ['code'],
  'item.notInOrder': ['code'],
  'item.overQuantity': ['name'],
  'item.allOfLineScanned': ['name', 'quantity'],
  'item.oneTooMany': ['code'],
  'items.allScanned': [],
  'items.scanAllFirst': [],
  'box.unknown': ['code'],
  'weight.mismatch': ['expectedGrams', 'measuredGrams', 'allowedGrams'],
  'scanBack.noBarcode': [],
  'scanBack.mismatch': ['code', 'expected'],
  'unconfirmed.answerFirst': ['orders'],
  'reprint.noLabel': ['orderNumber'],
  'reprint.notPrintedYet': ['orderNumber'],
  'reprint.noStoredLabel': ['orderNumber'],
  'resume.notFinished': ['orders'],
  'resume.unreadable': ['detail'],

  // Settings file, database, rate cards, marketplace labels
  'settings.fileUnreadable': ['detail'],
  'settings.fileNotJson': ['detail'],
  'settings.fileNotObject': [],
  'settings.fileNotWritten': ['detail'],
  'db.fromNewerVersion': [],
  'rates.xlsxUnreadable': ['source'],
  'rates.xlsxNoSheet': ['source'],
  'marketplace.noLabel': ['orderNumber'],
  'marketplace.notZpl': ['orderNumber'],

  // Knowing the barcode (packing/scan-classifier.ts): what the desk saw, and what to do instead
  'scan.otherOrder': ['orderNumber', 'openOrderNumber'],
  'scan.sameOrder': ['orderNumber'],
  'scan.badgeDuringOrder': ['name', 'orderNumber'],
  'scan.unknownAtIdle': ['code'],
  'scan.unknownInOrder': ['code', 'orderNumber'],
  'scan.itemAtIdle': ['code', 'orderNumber'],
  'scan.itemOfOtherOrder': ['code', 'orderNumber', 'openOrderNumber'],
  'scan.boxAtIdle': ['code'],
  'scan.boxBeforeItems': ['code'],
  'session.handedOver': ['from', 'name'],
  'session.alreadyYours': ['name'],
  'shipment.lookedUp': ['orderNumber', 'trackingNumber'],
  'box.doesNotFit': ['boxName', 'boxCode'],
  'box.fitOverridden': ['boxName', 'supervisor'],
  // The exceptions queue (issue 12)
  'exceptions.notFound': [],
  'exceptions.alreadySettled': [],
  'exceptions.actionNotOffered': ['action'],
  'exceptions.placeUnknown': ['city', 'district'],
  'exceptions.scanOrderFirst': ['orderNumber'],
  'exceptions.purchaseLive': [],
  'exceptions.carrierNotOffered': ['serviceCode'],
  // The address resolver (electron/core/addresses): notes on what it changed, and why an address is unresolved
  'address.notePostalInvalid': ['postalCode'],
  'address.notePlate': ['input', 'city'],
  'address.noteCityAlias': ['input', 'city'],
  'address.noteCityFixed': ['input', 'city'],
  'address.noteCityFromPostal': ['postalCode', 'city'],
  'address.notePostalOtherCity': ['postalCode', 'city'],
  'address.noteDistrictAlias': ['input', 'district'],
  'address.noteDistrictFixed': ['input', 'district'],
  'address.noteDistrictFromPostal': ['postalCode', 'district'],
  'address.noteNoPostalData': [],
  'address.cityEmpty': [],
  'address.cityAmbiguous': ['city', 'candidates'],
  'address.cityNotFound': ['city'],
  'address.cityNotFoundPostal': ['city', 'postalCode'],
  'address.districtEmpty': ['city'],
  'address.districtEmptyPostal': ['city', 'postalCode'],
  'address.districtCentreSplit': ['district', 'city'],
  'address.districtCentreSplitPostal': ['district', 'city', 'postalCode'],
  'address.districtAmbiguous': ['district', 'city', 'candidates'],
  'address.districtAmbiguousPostal': ['district', 'city', 'candidates', 'postalCode'],
  'address.districtNotFound': ['district', 'city'],
  'address.districtNotFoundPostal': ['district', 'city', 'postalCode'],
  // The database check at start (electron/core/db/database.check.ts): a damaged file and how to restore it
  'db.corruptRestore': ['path', 'problem', 'aside', 'backup'],
  'db.corruptRestoreSkipped': ['path', 'problem', 'aside', 'backup', 'count', 'damaged'],
  'db.corruptNoBackup': ['path', 'problem', 'aside', 'dir'],
  'db.corruptNoIntactBackup': ['path', 'problem', 'aside', 'dir', 'count', 'damaged'],
  // Rate cards the desk cannot buy from (electron/core/rates/rate-card.book.ts)
  'rates.notConfigured': ['carrierId'],
  'rates.disabledInCloud': ['name'],
  'rates.noService': ['name', 'serviceCode'],
  'rates.noProvider': ['provider'],
  'receipt.slipNotPrinted': ['orderNumber', 'detail'],
  'rates.marketplaceLabel': [],
} as const satisfies Record<string, readonly string[]>

export type NoticeCode = keyof typeof NOTICE_PARAMS

/** The params of one code, by name: text or a number, filled into `{name}` in the wording. */
export type NoticeParams<C extends NoticeCode> = Readonly<{ [P in (typeof NOTICE_PARAMS)[C][number]]: string | number }>

/** One message as it crosses the contract: a code and its params, worded by whoever shows it. */
export type NoticeRef<C extends NoticeCode = NoticeCode> = C extends NoticeCode ? Readonly<{ code: C; params: NoticeParams<C> }> : never

type ParamsArg<C extends NoticeCode> = (typeof NOTICE_PARAMS)[C] extends readonly [] ? [] : [params: NoticeParams<C>]

/** Builds a message reference: `msg('packing.welcome', { name })`, or `msg('printer.ready')` for a code without params. */
export function msg<C extends NoticeCode>(code: C, ...params: ParamsArg<C>): NoticeRef<C> {
  return { code, params: params[0] ?? {} } as NoticeRef<C>
}

export function isNoticeCode(value: unknown): value is NoticeCode {
  return typeof value === 'string' && Object.hasOwn(NOTICE_PARAMS, value)
}
