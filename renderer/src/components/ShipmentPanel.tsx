import type { ShipmentView } from '../../../shared/contract/views'
import { formatTry } from '../../../shared/money'
import { StatusChip } from './StatusChip'
import { Tx } from './Tx'

/** The bought shipment: carrier, tracking number (big, to compare with the printed label) and barcode. */
export function ShipmentPanel({ shipment }: { shipment: ShipmentView }) {
  return (
    <section className="panel shipment-panel" data-testid="shipment" data-status={shipment.status}>
      <h2 className="panel-title">
        <Tx k="ship.title" /> — {shipment.carrierName}
        {shipment.costKurus !== null && (
          <>
            {' · '}
            <span data-testid="shipment-price">{formatTry(shipment.costKurus)}</span>
          </>
        )}{' '}
        <StatusChip status={shipment.status} />
        {shipment.offline && (
          <span className="chip chip-small chip-warn" data-testid="shipment-offline">
            <Tx k="ship.offline" />
          </span>
        )}
      </h2>
      {shipment.priceDifferenceKurus != null && shipment.chargedKurus != null && (
        // One price (docs/carriers.md "Where prices come from"): the card price above is what was compared and
        // is reported; the carrier's figure is shown beside it.
        <p className="chip chip-warn" data-testid="shipment-price-difference">
          <Tx
            k="ship.charged"
            params={{
              amount: formatTry(shipment.chargedKurus),
              diff: `${shipment.priceDifferenceKurus > 0 ? '+' : ''}${formatTry(shipment.priceDifferenceKurus)}`,
            }}
          />
        </p>
      )}
      <dl className="facts">
        <dt>
          <Tx k="ship.tracking" />
        </dt>
        <dd className="tracking" data-testid="tracking-number">
          {shipment.trackingNumber ?? (
            <span className="muted">
              <Tx k="ship.pending" />
            </span>
          )}
        </dd>
        {shipment.barcode && shipment.barcode !== shipment.trackingNumber && (
          <>
            <dt>
              <Tx k="ship.barcode" />
            </dt>
            <dd className="mono" data-testid="shipment-barcode">
              {shipment.barcode}
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}
