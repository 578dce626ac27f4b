import type { NoticeRef } from './i18n/notice-codes'
import { noticeBilingual, readNoticeRef } from './i18n/notice-text'

/**
 * Error codes that cross every boundary (IPC, WebSocket, CLI exit codes, logs).
 * Expected failures are AppErrors with one of these codes; anything else is a bug.
 */
export const ErrorCode = {
  inputInvalid: 'input.invalid',
  notFound: 'input.notFound',
  untrustedSender: 'ipc.untrustedSender',
  unknownCommand: 'ipc.unknownCommand',
  internal: 'app.internal',

  dbFromNewerVersion: 'db.fromNewerVersion',
  dbMigrationFailed: 'db.migrationFailed',
  /** PRAGMA quick_check found damage at start: the file was left untouched; the message names the newest backup and how to restore it. */
  dbCorrupt: 'db.corrupt',
  /** Another desk (Electron or `station serve`) holds the data folder's lock; the message names it (pid, start time, URL). */
  stationAlreadyRunning: 'station.alreadyRunning',

  sessionRequired: 'session.required',
  packerUnknown: 'session.packerUnknown',
  /** The logged-in badge's role is below the command's minimum (shared/contract/command-roles.ts); meta.required names it. */
  roleRequired: 'session.roleRequired',
  /** A badge with a PIN was scanned without its PIN, or with a wrong one; meta.attemptsLeft counts down. */
  pinRequired: 'session.pinRequired',
  pinWrong: 'session.pinWrong',
  /** Too many wrong PINs for one badge: it is refused until the lock ends (meta.until). */
  pinLocked: 'session.pinLocked',

  orderUnknown: 'packing.orderUnknown',
  orderAlreadyPacked: 'packing.orderAlreadyPacked',
  orderCancelled: 'packing.orderCancelled',
  orderBusy: 'packing.orderBusy',
  itemNotInOrder: 'packing.itemNotInOrder',
  itemOverQuantity: 'packing.itemOverQuantity',
  itemsIncomplete: 'packing.itemsIncomplete',
  boxUnknown: 'packing.boxUnknown',
  weightOutOfTolerance: 'packing.weightOutOfTolerance',
  wrongState: 'packing.wrongState',
  supervisorRequired: 'packing.supervisorRequired',
  scanMalformed: 'scan.malformed',
  /** Scan-back: the label scanned after printing is not this shipment's barcode (wrong label on the parcel). */
  scanBackMismatch: 'packing.scanBackMismatch',
  /** The resume at start could not finish an interrupted order (bought, not packed): meta.orders names each with its cause; a re-scan finishes it. */
  resumeFailed: 'packing.resumeFailed',
  noEligibleCarrier: 'rates.noEligibleCarrier',

  scaleDisconnected: 'scale.disconnected',
  scaleTimeout: 'scale.timeout',
  scaleFrameInvalid: 'scale.frameInvalid',
  scaleOverload: 'scale.overload',
  scaleUnderload: 'scale.underload',
  scaleUnstable: 'scale.unstable',
  scaleCommandFailed: 'scale.commandFailed',
  /** A serial or HID-POS scanner went away (unplugged, port closed); the service reconnects with backoff. */
  scannerDisconnected: 'scanner.disconnected',
  /** Bytes from a serial or HID-POS scanner that are not a scan (line noise, a torn or oversized frame). */
  scannerFrameInvalid: 'scanner.frameInvalid',
  /** The scale reports a fault of its own (HID fault, needs calibration or re-zeroing, NCI RAM/ROM errors). */
  scaleFault: 'scale.fault',
  /** Auto-detection heard no protocol it knows on the port (wrong port, line settings or scale mode). */
  scaleProtocolUnknown: 'scale.protocolUnknown',

  printerOffline: 'printer.offline',
  printerTimeout: 'printer.timeout',
  printerPaperOut: 'printer.paperOut',
  printerHeadOpen: 'printer.headOpen',
  printerPaused: 'printer.paused',
  printerRibbonOut: 'printer.ribbonOut',
  printerNotReady: 'printer.notReady',
  printerAddressInvalid: 'printer.addressInvalid',
  labelMismatch: 'label.mismatch',
  printerStatusInvalid: 'printer.statusInvalid',
  printerStatusUnsupported: 'printer.statusUnsupported',
  /** A carrier PDF label that cannot be opened or rendered (corrupt, encrypted, empty). */
  labelPdfInvalid: 'label.pdfInvalid',
  /**
   * A print job whose bytes may or may not have reached the printer (crash or link loss after the
   * last byte left the desk). Never retried on its own: the operator says "it printed" or "print again".
   */
  printOutcomeUnknown: 'print.outcomeUnknown',

  carrierValidation: 'carrier.validation',
  carrierAuth: 'carrier.auth',
  carrierRateLimited: 'carrier.rateLimited',
  carrierUnavailable: 'carrier.unavailable',
  carrierTimeout: 'carrier.timeout',
  carrierBadResponse: 'carrier.badResponse',
  carrierDuplicateReference: 'carrier.duplicateReference',
  carrierServiceUnsupported: 'carrier.serviceUnsupported',
  carrierProviderNotDefined: 'carrier.providerNotDefined',
  carrierAddressUnresolved: 'carrier.addressUnresolved',
  /** A cancel the carrier turned into a return request (Yurtiçi IND): the parcel still travels, nothing is refunded yet. */
  carrierReturnRequested: 'carrier.returnRequested',
  /** The carrier can no longer cancel this shipment (delivered, or past its cancel window). */
  carrierNotCancellable: 'carrier.notCancellable',
  /** The carrier has no shipment with this key/tracking number (a query after a lost answer, a cancel, a track). */
  carrierNotFound: 'carrier.notFound',
  /** The circuit breaker of this carrier is open after repeated failures: no call was made. Retry after meta.retryAfterMs. */
  carrierCircuitOpen: 'carrier.circuitOpen',
  /** The recipient's il/ilçe could not be matched to a real place: the order goes to the exceptions queue before any label is bought. */
  addressUnresolved: 'address.unresolved',

  /** The data folder's station.json could not be read or written (bad JSON in it, no permission, disk full); nothing was changed. */
  settingsWriteFailed: 'settings.writeFailed',

  syncOffline: 'sync.offline',
  syncConflict: 'sync.conflict',
  cloudBadResponse: 'cloud.badResponse',
} as const

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export type SerializedAppError = {
  code: ErrorCode
  /** Plain text for logs and for a reader that does not know `notice`'s code (an older renderer). */
  message: string
  retryable: boolean
  meta: Record<string, unknown>
  /** What the operator reads beside the code's own wording, as a catalog code and params (shared/i18n). */
  notice?: NoticeRef
}

export type AppErrorOptions = {
  retryable?: boolean
  meta?: Record<string, unknown>
  cause?: unknown
}

/**
 * An expected failure: the UI shows a short operator message and an action for its code.
 * Give the detail as a catalog message (`msg('order.unknownCode', { code })`): the renderer and the CLI word it,
 * and `message` becomes its Turkish / English text for the logs. A plain string is for text no person at the
 * desk reads as such (a carrier's own words, a developer's detail).
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean
  readonly meta: Record<string, unknown>
  readonly notice: NoticeRef | undefined

  constructor(code: ErrorCode, message: string | NoticeRef, options: AppErrorOptions = {}) {
    super(typeof message === 'string' ? message : noticeBilingual(message), options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.retryable = options.retryable ?? false
    this.meta = options.meta ?? {}
    this.notice = typeof message === 'string' ? undefined : message
  }

  serialize(): SerializedAppError {
    const base = { code: this.code, message: this.message, retryable: this.retryable, meta: this.meta }
    return this.notice ? { ...base, notice: this.notice } : base
  }

  static fromSerialized(e: SerializedAppError): AppError {
    const error = new AppError(e.code, e.message, { retryable: e.retryable, meta: e.meta })
    const notice = readNoticeRef(e.notice)
    return notice ? Object.assign(error, { notice }) : error
  }
}

/** The words for an error's detail: its catalog message in both languages (Turkish first), or its plain message. */
export function errorText(err: Pick<SerializedAppError, 'message' | 'notice'>): string {
  const notice = readNoticeRef(err.notice)
  return notice ? noticeBilingual(notice) : err.message
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

/** Wraps anything thrown into an AppError; unknown errors become `app.internal` (a bug). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const message = err instanceof Error ? err.message : String(err)
  return new AppError(ErrorCode.internal, message, { cause: err })
}

/** Reply envelope for every command crossing IPC or WebSocket. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedAppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(err: unknown): Result<never> {
  return { ok: false, error: toAppError(err).serialize() }
}
