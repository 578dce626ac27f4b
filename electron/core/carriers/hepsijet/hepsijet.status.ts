import { HepsiJetIntegrationStatus } from '../../../../protocols/hepsijet/hepsijet.codes'
import { TrackingStatus } from '../../../../shared/domain/shipment'

/**
 * HepsiJET integrationStatus → our tracking vocabulary (docs/reference/carriers.md §6 values, §12 HepsiJET column).
 * "OK" is what track shows before any operation (§6, HJ-DOCS): the delivery is registered and
 * nothing has happened to it, the same as NEO.
 */
export { HepsiJetIntegrationStatus }

const BY_STATUS: Readonly<Record<HepsiJetIntegrationStatus, TrackingStatus>> = {
  OK: TrackingStatus.created,
  NEO: TrackingStatus.created,
  ACCEPTED: TrackingStatus.pickedUp,
  OUT_FOR_DELIVERY: TrackingStatus.outForDelivery,
  FAILED_ATTEMPT: TrackingStatus.failedAttempt,
  DELIVERED: TrackingStatus.delivered,
  RETURNED: TrackingStatus.returnedToSender,
  DELETED: TrackingStatus.cancelled,
  CANCELLED: TrackingStatus.cancelled,
}

/** Statuses after which nothing will ship under the barcode (our delete or HepsiJET's cancel). */
export const VOID_STATUSES: ReadonlySet<string> = new Set([HepsiJetIntegrationStatus.DELETED, HepsiJetIntegrationStatus.CANCELLED])

/**
 * The code decides alone; unknown codes map to null ("keep the previous status"), never to
 * delivered. `rawText` is accepted for the common signature but not read: HepsiJET's only text is
 * transactionLocation ("Dağıtım Aracında", "X Toplama Merkezi"), a place rather than a status, so
 * §12's keyword fallback would misread e.g. a "… Dağıtım Merkezi" hub as out for delivery.
 */
export function normalizeHepsiJetStatus(rawCode: string, rawText = ''): TrackingStatus | null {
  void rawText
  const code = rawCode.trim().toUpperCase()
  return Object.hasOwn(BY_STATUS, code) ? BY_STATUS[code as HepsiJetIntegrationStatus] : null
}
