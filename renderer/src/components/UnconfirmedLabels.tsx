import type { UnconfirmedLabelView } from '../../../shared/contract/views'
import { Tx } from './Tx'

/**
 * Paid labels whose print outcome is unknown (a crash or a lost link mid-print), listed until the
 * operator answers each (F5 printed, F2 print again, oldest first) or a supervisor defers them.
 */
export function UnconfirmedLabels({ labels }: { labels: readonly UnconfirmedLabelView[] }) {
  const waiting = labels.filter((l) => !l.deferred)
  return (
    <section
      className={`banner ${waiting.length ? 'banner-error' : 'banner-warn'} unconfirmed`}
      role="alert"
      data-testid="unconfirmed-labels"
      data-waiting={waiting.length}
    >
      <span className="banner-icon" aria-hidden>
        ⚠
      </span>
      <div className="banner-body">
        <div className="banner-title">
          <Tx k="unconfirmed.title" sub />
        </div>
        <ol className="unconfirmed-list">
          {labels.map((l) => (
            <li key={l.jobId} data-testid="unconfirmed-label" data-job={l.jobId} data-order={l.orderBarcode} data-deferred={l.deferred}>
              <strong>{l.orderNumber}</strong> {l.carrierName ?? ''} <code>{l.trackingNumber ?? '—'}</code>
              {l.deferred && (
                <span className="banner-sub">
                  {' '}
                  — <Tx k="unconfirmed.deferred" />
                </span>
              )}
            </li>
          ))}
        </ol>
        {waiting.length > 0 && (
          <div className="banner-action">
            <kbd className="key key-on-dark">F5</kbd> <kbd className="key key-on-dark">F2</kbd> <Tx k="unconfirmed.help" sub />
          </div>
        )}
      </div>
    </section>
  )
}
