import type { Notice } from '../../../shared/contract/views'
import { ErrorCode, type AppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { Session } from './packing.session'

/**
 * Printer conditions that stop an order and clear on their own once the printer reports ready
 * (paper loaded, head closed…). Not among them: a wrong printer address or a transport that cannot
 * report status (nothing to wait for), and print.outcomeUnknown (only the operator can answer that).
 */
const CLEARS_WHEN_READY: ReadonlySet<string> = new Set([
  ErrorCode.printerPaperOut,
  ErrorCode.printerHeadOpen,
  ErrorCode.printerPaused,
  ErrorCode.printerRibbonOut,
  ErrorCode.printerNotReady,
  ErrorCode.printerOffline,
  ErrorCode.printerTimeout,
  ErrorCode.printerStatusInvalid,
])

export function clearsWhenPrinterReady(code: string): boolean {
  return CLEARS_WHEN_READY.has(code)
}

/** Shown once the printer is back; the prompt beside it names the key (F2) when a label is owed. */
export const PRINTER_BACK_NOTICE: Notice = { tone: 'ok', ...msg('printer.ready') }

/**
 * A failed finish: when a printer condition stopped an order whose label is bought, the label is
 * owed (still queued, never sent) and retry prints it, once.
 */
export function markPrintPending(s: Session, err: AppError): void {
  s.printPending = s.shipment !== null && clearsWhenPrinterReady(err.code)
}

/**
 * The printer reported ready: a printer problem holding the open order clears, and the screen says
 * which one key prints the owed label. Returns whether the session changed. Nothing is printed here:
 * the label goes out on the packer's key, exactly once.
 */
export function onPrinterReady(s: Session): boolean {
  if (!s.blocking || !clearsWhenPrinterReady(s.blocking.code)) return false
  s.blocking = null
  s.problem = null // a refusal while the printer was down (F4 on the owed label) is stale now
  s.notice = PRINTER_BACK_NOTICE
  return true
}
