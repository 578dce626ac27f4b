/**
 * HepsiJET's wire vocabulary, read by the connector (electron/core/carriers/hepsijet) and the emulator
 * (sandbox/hepsijet). Source: docs/reference/carriers.md §6 (Hepsiburada's integration documentation, HJ-DOCS).
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

/**
 * detailStatus values of {status:"FAIL", message, detailStatus} answers. Not from HepsiJET's documents:
 * §6 documents the shape but no values, so these are the names our emulator sends (placeholders). The
 * connector takes them as a hint only and reads the message when the value is not one of these.
 */
export const HepsiJetDetailStatus = {
  unauthorized: 'UNAUTHORIZED',
  validation: 'VALIDATION_ERROR',
  duplicateDeliveryNo: 'DUPLICATE_CUSTOMER_DELIVERY_NO',
  deliveryNotFound: 'DELIVERY_NOT_FOUND',
  deliveryDeleted: 'DELIVERY_DELETED',
  notDeletable: 'DELIVERY_NOT_DELETABLE',
  notUpdatable: 'DELIVERY_NOT_UPDATABLE',
  cityNotFound: 'CITY_NOT_FOUND',
  townNotFound: 'TOWN_NOT_FOUND',
  companyNotFound: 'COMPANY_NOT_FOUND',
  senderAddressNotFound: 'SENDER_ADDRESS_NOT_FOUND',
  xDockNotFound: 'XDOCK_NOT_FOUND',
  productNotAllowed: 'PRODUCT_NOT_ALLOWED',
  systemError: 'SYSTEM_ERROR',
  tooManyRequests: 'TOO_MANY_REQUESTS',
} as const
export type HepsiJetDetailStatus = (typeof HepsiJetDetailStatus)[keyof typeof HepsiJetDetailStatus]
