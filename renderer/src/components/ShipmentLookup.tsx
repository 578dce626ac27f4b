import type { ShipmentLookupView } from '../../../shared/contract/views'
import { StatusChip, StatusWord } from './StatusChip'
import { Tx } from './Tx'

/**
 * A shipment found by scanning its tracking number or label barcode at a desk with no order in hand:
 * its order, carrier, tracking and what the carrier said last. F4 reprints its label; Esc or the next scan closes it.
 */
export function ShipmentLookup({ lookup }: { lookup: ShipmentLookupView }) {
  return (
    <section className="panel shipment-panel" data-testid="shipment-lookup" data-shipment={lookup.shipmentId} aria-labelledby="lookup-title">
      <h2 className="panel-title" id="lookup-title">
        <Tx k="lookup.title" /> — {lookup.carrierName} <StatusChip status={lookup.trackingStatus ?? lookup.status} />
      </h2>
      <dl className="facts">
        <dt>
          <Tx k="lookup.order" />
        </dt>
        <dd data-testid="lookup-order">
          {lookup.orderNumber} <span className="muted">({lookup.orderBarcode})</span>
        </dd>
        <dt>
          <Tx k="ship.tracking" />
        </dt>
        <dd className="tracking" data-testid="lookup-tracking">
          {lookup.trackingNumber ?? lookup.barcode ?? '—'}
        </dd>
        <dt>
          <Tx k="lookup.status" />
        </dt>
        <dd>
          <StatusWord status={lookup.status} />
        </dd>
      </dl>
      {lookup.events.length === 0 ? (
        <p className="muted small">
          <Tx k="lookup.noEvents" />
        </p>
      ) : (
        <ol className="timeline" data-testid="lookup-events">
          {lookup.events.map((e) => (
            <li key={`${e.at}-${e.text}`}>
              <span className="mono small">{e.at.slice(0, 16).replace('T', ' ')}</span> {e.status ? <StatusWord status={e.status} /> : null} — {e.text}
              {e.location ? <span className="muted"> · {e.location}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">
        <kbd className="key">F4</kbd> <Tx k="lookup.keys" />
      </p>
    </section>
  )
}
