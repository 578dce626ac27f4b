import { ErrorCode, type SerializedAppError } from '../../shared/errors'
import { errorWording } from '../../shared/i18n/error-text'

/** What the operator does next; the banner lights up the matching key. */
export type ErrorAction = 'retry' | 'reprint' | 'supervisor' | 'rescan' | 'reweigh' | 'device' | 'support' | 'login' | 'none'

export type ErrorMessage = Readonly<{
  action: ErrorAction
  tr: string
  en: string
  /** The next step, in words (Turkish / English). */
  doTr: string
  doEn: string
}>

/**
 * What the operator does for each code (the key the banner lights). The words are the shared catalog's
 * (shared/i18n/errors.tr.ts, errors.en.ts), which the CLI and the logs read too. One entry per ErrorCode:
 * adding a code to shared/errors.ts without an action fails type-checking.
 */
const ACTIONS: Record<ErrorCode, ErrorAction> = {
  [ErrorCode.inputInvalid]: 'rescan',
  [ErrorCode.notFound]: 'rescan',
  [ErrorCode.untrustedSender]: 'support',
  [ErrorCode.unknownCommand]: 'support',
  [ErrorCode.internal]: 'retry',

  [ErrorCode.dbFromNewerVersion]: 'support',
  [ErrorCode.dbMigrationFailed]: 'support',
  [ErrorCode.dbCorrupt]: 'support',
  [ErrorCode.stationAlreadyRunning]: 'support',

  [ErrorCode.sessionRequired]: 'login',
  [ErrorCode.packerUnknown]: 'login',
  [ErrorCode.roleRequired]: 'login',
  [ErrorCode.pinRequired]: 'login',
  [ErrorCode.pinWrong]: 'login',
  [ErrorCode.pinLocked]: 'login',

  [ErrorCode.orderUnknown]: 'rescan',
  [ErrorCode.orderAlreadyPacked]: 'reprint',
  [ErrorCode.orderCancelled]: 'none',
  [ErrorCode.orderBusy]: 'support',
  [ErrorCode.resumeFailed]: 'rescan',
  [ErrorCode.itemNotInOrder]: 'rescan',
  [ErrorCode.itemOverQuantity]: 'rescan',
  [ErrorCode.itemsIncomplete]: 'rescan',
  [ErrorCode.boxUnknown]: 'rescan',
  [ErrorCode.weightOutOfTolerance]: 'supervisor',
  [ErrorCode.wrongState]: 'none',
  [ErrorCode.supervisorRequired]: 'supervisor',
  [ErrorCode.scanBackMismatch]: 'rescan',
  [ErrorCode.scanMalformed]: 'rescan',
  [ErrorCode.noEligibleCarrier]: 'support',

  [ErrorCode.scaleDisconnected]: 'device',
  [ErrorCode.scaleTimeout]: 'retry',
  [ErrorCode.scaleFrameInvalid]: 'reweigh',
  [ErrorCode.scaleOverload]: 'reweigh',
  [ErrorCode.scaleUnderload]: 'reweigh',
  [ErrorCode.scaleUnstable]: 'reweigh',
  [ErrorCode.scannerDisconnected]: 'device',
  [ErrorCode.scannerFrameInvalid]: 'rescan',
  [ErrorCode.scaleCommandFailed]: 'retry',
  [ErrorCode.scaleFault]: 'device',
  [ErrorCode.scaleProtocolUnknown]: 'device',

  [ErrorCode.printerOffline]: 'retry',
  [ErrorCode.printerTimeout]: 'retry',
  [ErrorCode.printerPaperOut]: 'retry',
  [ErrorCode.printerHeadOpen]: 'retry',
  [ErrorCode.printerPaused]: 'retry',
  [ErrorCode.printerRibbonOut]: 'retry',
  [ErrorCode.printerNotReady]: 'retry',
  [ErrorCode.printerAddressInvalid]: 'support',
  [ErrorCode.labelPdfInvalid]: 'support',
  [ErrorCode.printOutcomeUnknown]: 'retry',
  [ErrorCode.carrierReturnRequested]: 'none',
  [ErrorCode.carrierNotCancellable]: 'support',
  [ErrorCode.labelMismatch]: 'reprint',
  [ErrorCode.printerStatusInvalid]: 'retry',
  [ErrorCode.printerStatusUnsupported]: 'none',

  [ErrorCode.carrierValidation]: 'support',
  [ErrorCode.carrierAuth]: 'support',
  [ErrorCode.carrierRateLimited]: 'retry',
  [ErrorCode.carrierUnavailable]: 'retry',
  [ErrorCode.carrierTimeout]: 'retry',
  [ErrorCode.carrierBadResponse]: 'retry',
  [ErrorCode.carrierDuplicateReference]: 'retry',
  [ErrorCode.carrierServiceUnsupported]: 'support',
  [ErrorCode.carrierProviderNotDefined]: 'support',
  [ErrorCode.carrierNotFound]: 'supervisor',
  [ErrorCode.carrierCircuitOpen]: 'retry',
  [ErrorCode.addressUnresolved]: 'supervisor',
  [ErrorCode.carrierAddressUnresolved]: 'support',

  [ErrorCode.settingsWriteFailed]: 'support',

  [ErrorCode.syncOffline]: 'none',
  [ErrorCode.syncConflict]: 'support',
  [ErrorCode.cloudBadResponse]: 'none',
}

const disconnected: ErrorMessage = {
  action: 'none',
  tr: 'Bağlantı koptu',
  en: 'Disconnected',
  doTr: 'Bağlantı gelince yeniden okutun',
  doEn: 'Scan again when the link is back',
}

/** The operator message for an error; unknown codes (a newer core) fall back to the core's own text. */
export function errorMessage(err: Pick<SerializedAppError, 'code' | 'message' | 'meta'>): ErrorMessage {
  if (err.meta['disconnected'] === true) return disconnected
  const tr = errorWording(err.code, 'tr')
  const en = errorWording(err.code, 'en')
  const action = (ACTIONS as Partial<Record<string, ErrorAction>>)[err.code]
  if (!tr || !en || !action) return { action: 'none', tr: err.message, en: err.message, doTr: 'Süpervizöre haber verin', doEn: 'Tell a supervisor' }
  return { action, tr: tr.title, en: en.title, doTr: tr.next, doEn: en.next }
}

/**
 * Codes a supervisor badge can clear through `packing.override`. Mirrors the core's
 * SUPERVISOR_OVERRIDABLE for the codes where an override makes sense at the desk; a core that
 * wants the prompt for another problem can say so with `meta.overridable: true`.
 */
export function isSupervisorOverridable(err: Pick<SerializedAppError, 'code' | 'meta'>): boolean {
  if (err.meta['overridable'] === true) return true
  return err.code === ErrorCode.weightOutOfTolerance
}
