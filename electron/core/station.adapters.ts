import { createConfiguredConnectors } from './carriers/carrier-registry'
import type { CarrierConnector } from './carriers/carrier.port'
import type { CarrierExchange } from './carriers/http/carrier-http'
import { Emitter } from '../../shared/emitter'
import { withRetry } from './net/retry'
import type { StationConfig } from './config/config.schema'
import { createTransport } from './devices/printer/transports/printer-uri'
import { EscPosPrinter } from './devices/receipt/escpos.printer'
import { createScannerSources } from './devices/scanner/scanner-sources'
import { ZebraPrinter } from './devices/printer/zebra.printer'
import { buildShippingLabel } from './devices/printer/zpl/shipping-label.zpl'
import { createConfiguredScale } from './devices/scale/configured-scale'
import { zebraLabelSink } from './printing/zebra-label.sink'
import { pdfToZpl } from './devices/printer/zpl/pdf-to-zpl'
import type { PurchaseCheckpoint } from './shipping/shipment.purchaser'
import { CloudSyncService } from './sync/cloud-sync.service'
import { createOrderClaims } from './sync/order-claims'
import type { StationAdapters } from './station'
import type { OpenedDatabase } from './db/database'

/** Builds the real devices and carriers from the configuration (the Electron shell and the headless server share this). */
export function createAdapters(config: StationConfig, extras: { checkpoint?: (name: PurchaseCheckpoint) => void } = {}): StationAdapters {
  const { scale, simulateWeight } = createConfiguredScale(config)
  const printer = new ZebraPrinter(createTransport(config.printer.uri, { timeoutMs: config.printer.sendTimeoutMs }), {
    timeoutMs: config.printer.statusTimeoutMs,
  })
  const carrierExchanges = new Emitter<CarrierExchange>()
  // The station retries around every connector (withRetry below); the connector itself tries once.
  // The station database opens after the adapters are built; keys the desk allocates (PTT) resolve it at first use.
  let database: OpenedDatabase | null = null
  const sqlite = () => {
    if (!database) throw new Error('the station database is not open yet')
    return database.sqlite
  }
  const connectors: ReadonlyMap<string, CarrierConnector> = createConfiguredConnectors(config.carriers, {
    retry: { maxAttempts: 1 },
    onExchange: (e) => carrierExchanges.fire(e),
    sqlite,
  })
  const cloud = config.cloud
  return {
    scale,
    simulateWeight,
    sink: zebraLabelSink(printer, { checkStatus: config.printer.checkStatus, timeoutMs: config.printer.statusTimeoutMs }),
    labelCanReportStatus: printer.canReportStatus,
    scannerSources: createScannerSources(config.scanner.sources),
    receiptPrinter: config.packingSlip.enabled ? new EscPosPrinter(config.packingSlip.uri, { timeoutMs: config.packingSlip.timeoutMs }) : undefined,
    connectors,
    ownLabel: (input) => buildShippingLabel(input, { dpi: config.printer.dpi, size: config.printer.size }),
    rasterizePdf:
      config.printer.carrierPdf === 'rasterize'
        ? async (pdf, barcode) => (await pdfToZpl(pdf, { dpi: config.printer.dpi, size: config.printer.size, comment: barcode })).zpl
        : undefined,
    // A packer waits at most a few seconds: a longer Retry-After (or an open breaker) goes to the
    // offline path or on screen instead of freezing the desk.
    retry: (fn) => withRetry(() => fn(), { ...config.carriers.retry, maxRetryAfterMs: 5_000 }),
    cloud: cloud ? (db, health) => new CloudSyncService(db, { ...cloud, health }) : undefined,
    claims: cloud?.stationId
      ? createOrderClaims({
          ...cloud,
          stationId: cloud.stationId,
          leaseMs: cloud.claimLeaseMs,
          renewEveryMs: cloud.claimRenewMs,
          retryMs: cloud.claimRetryMs,
          offlinePacking: cloud.offlinePacking,
        })
      : undefined,
    checkpoint: extras.checkpoint,
    carrierExchanges,
    attachDatabase: (opened) => {
      database = opened
    },
  }
}
