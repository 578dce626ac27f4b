import type { ShipmentView } from '../../../shared/contract/views'
import { formatTry } from '../../../shared/money'
import { Tx } from './Tx'

/** The bought shipment: carrier, tracking number (big, to compare with the printed label) and barcode. */
export function ShipmentPanel({ shipment }: { shipment: ShipmentView }) {
  return (
    <section className="panel shipment-panel" data-testid="shipment" data-status={shipment.status}>
      <h2 className="panel-title">
        <Tx k="ship.title" /> — {shipment.carrierName}
        {shipment.costKurus !== null && <> · {formatTry(shipment.costKurus)}</>} <span className="chip chip-small">{shipment.status}</span>
        {shipment.offline && (
          <span className="chip chip-small chip-warn" data-testid="shipment-offline">
            <Tx k="ship.offline" />
          </span>
        )}
      </h2>
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
