/**
 * HepsiJET's wire vocabulary, read by the connector (electron/core/carriers/hepsijet) and the emulator
 * (sandbox/hepsijet). Source: docs/reference/carriers.md §6 (Hepsiburada's integration documentation, HJ-DOCS).
 * Only what is documented is here; what is not (the detailStatus values of a FAIL, its message wording and HTTP
 * status) is listed in protocols/hepsijet/README.md, and the emulator's stand-ins live in sandbox/hepsijet.
 */

/** The integration statuses §6 lists, in chain order where they are a chain. */
export const HepsiJetStatus = {
  NEO: 'NEO',
  ACCEPTED: 'ACCEPTED',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  FAILED_ATTEMPT: 'FAILED_ATTEMPT',
  DELIVERED: 'DELIVERED',
  RETURNED: 'RETURNED',
  DELETED: 'DELETED',
  CANCELLED: 'CANCELLED',
} as const
export type HepsiJetStatus = (typeof HepsiJetStatus)[keyof typeof HepsiJetStatus]

/** What integration/track can show: the statuses plus "OK", a registered delivery nobody has operated on yet (§6, HJ-DOCS). */
export const HepsiJetIntegrationStatus = { OK: 'OK', ...HepsiJetStatus } as const
export type HepsiJetIntegrationStatus = (typeof HepsiJetIntegrationStatus)[keyof typeof HepsiJetIntegrationStatus]
