import type { HeartbeatRequest } from '../../shared/contract/cloud'
import type { DeviceStatusView, PackingView, ScaleView, StationSnapshot, SyncStatusView } from '../../shared/contract/views'
import { listBoxes } from './boxes/boxes.repository'
import type { CarrierDesk } from './carriers/carrier-desk'
import type { StationConfig } from './config/config.schema'
import type { Db } from './db/database'
import type { ScaleService } from './devices/scale/scale.service'
import type { ScannerService } from './devices/scanner/scanner.service'
import type { LabelSink } from './printing/label-sink.port'
import type { PackingSlipService } from './printing/packing-slip.service'
import type { PrintQueueService } from './printing/print-queue.service'
import type { RateCardBook } from './rates/rate-card.book'
import type { CloudSyncService } from './sync/cloud-sync.service'
import { countOutbox } from './sync/outbox.repository'

export type StationViewDeps = Readonly<{
  db: Db
  config: Pick<StationConfig, 'stationName' | 'demo' | 'scale' | 'carriers'>
  scale: ScaleService
  sink: LabelSink
  printQueue: PrintQueueService
  carriers: CarrierDesk
  scanners: ScannerService | null
  slips: PackingSlipService | null
  rateBook: RateCardBook
  cloud: CloudSyncService | null
  packing: Readonly<{ view(): PackingView }>
}>

export type StationViews = Readonly<{
  scale(): ScaleView
  devices(): Promise<DeviceStatusView>
  sync(): Promise<SyncStatusView>
  /** Everything a window shows when it (re)connects. */
  snapshot(): Promise<StationSnapshot>
  /** The last bad frame or refused scan of a scanner (null: its good scan clears it); true when that changed the devices view. */
  setScannerProblem(source: string, problem: string | null): boolean
}>

/** What the station shows: the device panel, the sync status and the snapshot, read from the running services. */
export function createStationViews(deps: StationViewDeps): StationViews {
  const { config, printQueue } = deps
  /** The last bad frame or refused scan per scanner, shown until its next good scan. */
  const scannerProblems = new Map<string, string>()
  const scale = (): ScaleView => {
    const r = deps.scale.current()
    return r ? { grams: r.grams, stable: r.stable, at: r.at } : null
  }
  const devices = async (): Promise<DeviceStatusView> => {
    const st = deps.scale.status()
    const problem = printQueue.currentProblem()
    return {
      scale: { connected: st.connected, model: config.scale.driver, error: st.error?.message ?? null },
      printer: { uri: deps.sink.uri, ready: printQueue.isReady(), problem: problem?.message ?? null, queued: await printQueue.queuedCount() },
      carrier: { id: 'comtohome', name: 'ComToHome', baseUrl: config.carriers.comtohome.baseUrl },
      carriers: (await deps.carriers.handlers['carriers.status']({})).map((c) => ({
        id: c.id,
        name: c.name,
        state: c.breaker.state,
        lastError: c.breaker.lastError?.message ?? null,
      })),
      scanners: (deps.scanners?.status() ?? []).map((s) => ({
        source: s.source,
        connected: s.connected,
        error: s.error?.message ?? scannerProblems.get(s.source) ?? null,
      })),
      receipt: deps.slips?.view() ?? null,
      rates: deps.rateBook.view(),
    }
  }
  const sync = async (): Promise<SyncStatusView> => deps.cloud?.status() ?? { mode: 'offline', pendingEvents: await countOutbox(deps.db), lastSyncAt: null }
  return {
    scale,
    devices,
    sync,
    snapshot: async () => ({
      stationName: config.stationName,
      demo: config.demo,
      packing: deps.packing.view(),
      scale: scale(),
      devices: await devices(),
      sync: await sync(),
      boxes: await listBoxes(deps.db),
    }),
    setScannerProblem: (source, problem) => {
      if ((scannerProblems.get(source) ?? null) === problem) return false
      if (problem === null) scannerProblems.delete(source)
      else scannerProblems.set(source, problem)
      return true
    },
  }
}

/** The scale's and the label printer's health, as the heartbeat tells the cloud. */
export function deskHealth(scale: ScaleService, printQueue: PrintQueueService): Pick<HeartbeatRequest, 'scale' | 'printer'> {
  const ready = printQueue.isReady()
  return {
    scale: { status: scale.status().connected ? 'ok' : 'offline', detail: scale.status().error?.message ?? null },
    printer: { status: ready === false ? 'degraded' : ready ? 'ok' : 'unknown', detail: printQueue.currentProblem()?.message ?? null },
  }
}
