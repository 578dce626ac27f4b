import type { ReturnRequest, ShipmentRequest } from '../../electron/core/carriers/carrier.port'

/**
 * A carrier's sample order coming back: the customer (the outbound recipient) sends, the warehouse
 * (the outbound sender) receives; a code valid through March 2025 unless `over` says otherwise.
 */
export function returnOf(outbound: ShipmentRequest, original: ReturnRequest['original'], over: Partial<ReturnRequest> = {}): ReturnRequest {
  return {
    orderNumber: outbound.orderNumber,
    referenceNo: `${outbound.referenceNo}-IADE`,
    original,
    sender: outbound.recipient,
    recipient: outbound.sender,
    packages: outbound.packages,
    labelFormat: outbound.labelFormat,
    validFrom: '2025-03-01',
    validUntil: '2025-03-31',
    ...over,
  }
}
