import type { LabelImageView, ShipmentLookupView } from '../../../shared/contract/views'
import { useLang } from '../hooks/use-lang'
import { StatusChip, StatusWord } from './StatusChip'
import { Tx } from './Tx'

/**
 * A shipment found by scanning its tracking number or label barcode at a desk with no order in hand:
 * its order, carrier, tracking, what the carrier said last, and its stored label as an image (once the core rendered it).
 * F4 reprints its label, F8 voids it (VoidPrompt), KJIADE opens the return prompt; Esc or the next scan closes it.
 */
export function ShipmentLookup({ lookup, image }: { lookup: ShipmentLookupView; image: LabelImageView | null }) {
  return (
    <section className="panel shipment-panel" data-testid="shipment-lookup" data-shipment={lookup.shipmentId} aria-labelledby="lookup-title">
      <h2 className="panel-title" id="lookup-title">
        <Tx k="lookup.title" /> — {lookup.carrierName} <StatusChip status={lookup.trackingStatus ?? lookup.status} />
      </h2>
      <div className="lookup-body">
        <div className="lookup-facts">
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
          {/* Above the timeline: the keys stay in sight however long the timeline is. */}
          <p className="muted small" data-testid="lookup-keys">
            <kbd className="key">F4</kbd> <Tx k="lookup.keys" /> · <kbd className="key">F8</kbd> <Tx k="lookup.keyVoid" /> · <kbd className="key">KJIADE</kbd>{' '}
            <Tx k="lookup.keyReturn" /> · <kbd className="key">Esc</kbd> <Tx k="lookup.keyClose" />
          </p>
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
        </div>
        <LabelPreview image={image} code={lookup.trackingNumber ?? lookup.barcode ?? lookup.orderNumber} />
      </div>
    </section>
  )
}

/** The stored label: the PNG the core rendered (height-limited, keeps its ratio), else one clear line why there is none. */
function LabelPreview({ image, code }: { image: LabelImageView | null; code: string }) {
  const { t, sub } = useLang()
  if (image?.kind === 'png') {
    const alt = `${t('lookup.labelAlt', { code })} — ${sub('lookup.labelAlt', { code })}`
    return (
      <figure className="lookup-label">
        <img src={image.dataUrl} alt={alt} width={image.widthMm * 8} height={image.heightMm * 8} data-testid="lookup-label-image" />
      </figure>
    )
  }
  const line = !image ? (
    <Tx k="lookup.labelLoading" />
  ) : image.kind === 'none' ? (
    <Tx k="lookup.labelNone" params={{ format: image.format ? image.format.toUpperCase() : '—' }} sub />
  ) : (
    <Tx k="lookup.labelFailed" sub />
  )
  return (
    <p
      className="lookup-label muted small"
      data-testid="lookup-label-note"
      data-kind={image?.kind ?? 'loading'}
      title={image?.kind === 'failed' ? image.reason : undefined}
    >
      {line}
    </p>
  )
}
