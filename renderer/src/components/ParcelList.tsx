import type { ParcelsView } from '../../../shared/contract/views'
import { useLang } from '../hooks/use-lang'
import { formatKg, formatNumber } from '../lib/format'
import { Tx } from './Tx'

/**
 * A multi-parcel order's parcels: "Koli 2/3" (the one on the scale now, of how many), and each parcel weighed
 * so far with its box, weight, desi and chargeable kg. Nothing for a one-parcel order.
 */
export function ParcelList({ parcels }: { parcels: ParcelsView | null | undefined }) {
  const { lang } = useLang()
  if (!parcels || parcels.count <= 1) return null
  const { current, count, weighed } = parcels
  const allWeighed = weighed.length >= count
  return (
    <section className="panel parcel-panel" data-testid="parcels" data-current={current} data-count={count} aria-labelledby="parcels-title">
      <h2 className="panel-title" id="parcels-title">
        <span className="parcel-counter" data-testid="parcel-counter">
          <Tx k={allWeighed ? 'parcels.allWeighed' : 'parcels.current'} params={{ current, count }} sub />
        </span>
      </h2>
      {weighed.length > 0 && (
        <ol className="parcel-list">
          {weighed.map((p) => (
            <li key={p.index} data-testid={`parcel-${p.index}`} className="one-line">
              <b>
                {p.index}/{count}
              </b>{' '}
              {p.boxCode ?? '—'} · {formatKg(p.weightGrams, lang)} · <Tx k="weight.desi" /> {formatNumber(p.desi, lang, 2)} ·{' '}
              {formatNumber(p.chargeableKg, lang, 2)} kg ✓
            </li>
          ))}
        </ol>
      )}
      {parcels.reprintPick && (
        <p className="parcel-pick" data-testid="parcel-reprint-pick">
          <Tx k="parcels.reprintPick" params={{ count }} sub />
        </p>
      )}
    </section>
  )
}
