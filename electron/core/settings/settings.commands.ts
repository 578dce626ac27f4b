import { join } from 'node:path'
import type { CommandHandlers } from '../../../shared/contract/commands'
import type { PackingView, PrintersView, SettingsView } from '../../../shared/contract/views'
import { roleAtLeast, type Packer } from '../../../shared/domain/packer'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { LayoutProfileId } from '../../../shared/scan/keyboard-layout'
import { appendAudit } from '../audit/audit.repository'
import type { StationConfig } from '../config/config.schema'
import { STATION_FILE, updateStationFile } from '../config/station-file.writer'
import type { Db } from '../db/database'
import type { ScaleService } from '../devices/scale/scale.service'
import { scannerSourceId } from '../devices/scanner/scanner-sources'
import type { PackingSlipService } from '../printing/packing-slip.service'
import type { PrintQueueService } from '../printing/print-queue.service'
import { buildTestLabel, printTestLabel } from '../printing/test-label'
import { createTransport } from '../devices/printer/transports/printer-uri'
import { readFile } from 'node:fs/promises'
import { stripBom } from '../config/config.loader'

/** printer.uri as DATA/station.json has it now (the audit's "before"), or null. */
async function readStationPrinterUri(dataDir: string): Promise<string | null> {
  try {
    const raw = JSON.parse(stripBom(await readFile(join(dataDir, STATION_FILE), 'utf8'))) as { printer?: { uri?: unknown } } | null
    return typeof raw?.printer?.uri === 'string' ? raw.printer.uri : null
  } catch {
    return null // no file yet, or one the writer refuses next with its own message
  }
}

export type SettingsCommand =
  'settings.get' | 'settings.setScannerLayout' | 'settings.setPrinter' | 'printers.status' | 'printers.testLabel' | 'slips.reprint' | 'scale.zero'

export type SettingsCommandDeps = Readonly<{
  db: Db
  dataDir: string
  config: StationConfig
  /** Who is logged in at the desk: the session the role checks read. */
  session: () => PackingView['packer']
  printQueue: PrintQueueService
  /** Whether the label sink can answer ~HS at all (false for file:, spooler://, or status checks off). */
  labelCanReportStatus: boolean
  scale: ScaleService
  slips: PackingSlipService | null
  /** The wedge layout in effect; `set` applies a new one to every following scan. */
  wedgeLayout: Readonly<{ get(): LayoutProfileId | null; set(layout: LayoutProfileId | null): void }>
  now?: () => Date
}>

function requirePacker(session: () => Packer | null): Packer {
  const packer = session()
  if (!packer) throw new AppError(ErrorCode.sessionRequired, msg('session.scanBadgeFirst'))
  return packer
}

/** Settings change the whole desk: only a supervisor logged in with their badge may. */
function requireSupervisor(session: () => Packer | null): Packer {
  const packer = requirePacker(session)
  if (!roleAtLeast(packer.role, 'supervisor')) {
    throw new AppError(ErrorCode.supervisorRequired, msg('settings.supervisorOnly'), { meta: { packerId: packer.id } })
  }
  return packer
}

/**
 * Handlers of the settings screen (F6) and the device actions around it: printer status and test
 * label, packing slip reprint, scale zero, and the scanner layout the self-test found. Everything
 * that changes the desk's settings or devices is for supervisors; status and slip reprint for any
 * logged-in packer.
 */
export function settingsCommands(deps: SettingsCommandDeps): Pick<CommandHandlers, SettingsCommand> {
  const { config, session } = deps
  const now = deps.now ?? (() => new Date())

  const settingsView = (): SettingsView => {
    const scale = config.scale
    const serial = scale.driver === 'serial' || scale.driver === 'mt-sics' ? scale : null
    return {
      stationFile: join(deps.dataDir, STATION_FILE),
      printer: { uri: deps.printQueue.uri, dpi: config.printer.dpi, size: config.printer.size },
      receipt: {
        enabled: config.packingSlip.enabled,
        uri: config.packingSlip.uri,
        codePage: config.packingSlip.codePage,
        widthChars: config.packingSlip.widthChars,
      },
      scale: {
        driver: scale.driver,
        protocol: scale.driver === 'serial' ? scale.protocol : scale.driver === 'mt-sics' ? 'mt-sics' : scale.driver === 'hid' ? 'hid-pos' : null,
        path: serial?.path ?? (scale.driver === 'hid' ? (scale.path ?? null) : null),
        baudRate: serial?.baudRate ?? null,
      },
      scanner: {
        wedgeLayout: deps.wedgeLayout.get(),
        fnc1: config.scanner.fnc1,
        gs1WithoutAim: config.scanner.gs1WithoutAim,
        scanBack: config.scanner.scanBack,
        sources: config.scanner.sources.map((s) => ({ id: scannerSourceId(s), driver: s.driver, path: s.path ?? null })),
      },
    }
  }

  const printersView = async (): Promise<PrintersView> => {
    const [status, receiptStatus] = await Promise.all([
      deps.labelCanReportStatus ? deps.printQueue.refreshStatus() : Promise.resolve(null),
      deps.slips?.refreshStatus() ?? Promise.resolve(null),
    ])
    const problem = deps.printQueue.currentProblem()
    const slips = deps.slips
    return {
      label: {
        uri: deps.printQueue.uri,
        dpi: config.printer.dpi,
        size: config.printer.size,
        canReportStatus: deps.labelCanReportStatus,
        status,
        problem: problem?.serialize() ?? null,
        queued: await deps.printQueue.queuedCount(),
      },
      receipt: slips
        ? {
            uri: slips.uri,
            codePage: config.packingSlip.codePage,
            widthChars: config.packingSlip.widthChars,
            paperOut: receiptStatus?.paperOut ?? null,
            paperNearEnd: receiptStatus?.paperNearEnd ?? null,
            problem: slips.currentProblem()?.serialize() ?? null,
            unprintedOrders: slips.view().unprintedOrders,
          }
        : null,
      checkedAt: now().toISOString(),
    }
  }

  return {
    'settings.get': async () => {
      requireSupervisor(session)
      return settingsView()
    },
    'settings.setScannerLayout': async ({ layout }) => {
      const supervisor = requireSupervisor(session)
      const before = deps.wedgeLayout.get()
      // Written first: a layout that cannot be saved is not applied, so the desk never runs on a setting it would lose.
      await updateStationFile(deps.dataDir, { scanner: { wedgeLayout: layout } })
      deps.wedgeLayout.set(layout)
      await appendAudit(deps.db, { actorId: supervisor.id, action: 'settings.scannerLayout', detail: { from: before, to: layout } })
      return settingsView()
    },
    'settings.setPrinter': async ({ uri }) => {
      // Checked as the desk will open it (printer.addressInvalid names what is wrong); nothing is connected here.
      createTransport(uri).dispose?.()
      const before = (await readStationPrinterUri(deps.dataDir)) ?? config.printer.uri
      await updateStationFile(deps.dataDir, { printer: { uri } })
      await appendAudit(deps.db, { actorId: session()?.id ?? null, action: 'settings.printerChanged', detail: { from: before, to: uri } })
      return { uri, restartRequired: true }
    },
    'printers.status': async () => {
      requirePacker(session)
      return printersView()
    },
    'printers.testLabel': async () => {
      const supervisor = requireSupervisor(session)
      const zpl = buildTestLabel({ dpi: config.printer.dpi, size: config.printer.size, date: now() })
      const { jobId, printerUri } = await printTestLabel(deps.db, deps.printQueue, zpl, supervisor.id)
      return { jobId, printerUri, printedAt: now().toISOString() }
    },
    'slips.reprint': async ({ orderCode }) => {
      const packer = requirePacker(session)
      if (!deps.slips) throw new AppError(ErrorCode.wrongState, msg('receipt.noPrinter'))
      return deps.slips.reprint(orderCode, packer.id)
    },
    'scale.zero': async () => {
      const supervisor = requireSupervisor(session)
      await deps.scale.zero()
      await appendAudit(deps.db, { actorId: supervisor.id, action: 'scale.zero' })
      return null
    },
  }
}
