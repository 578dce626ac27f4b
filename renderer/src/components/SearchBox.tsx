import type { KeyboardEvent } from 'react'
import type { SearchBox as SearchState } from '../hooks/use-search'
import { useLang } from '../hooks/use-lang'
import { t } from '../i18n'
import { ProblemBanner } from './ProblemBanner'
import { StatusChip } from './StatusChip'
import { Tx } from './Tx'

/**
 * The search dialog (Ctrl+F): order number, tracking number, recipient or phone. It owns the keys while
 * open (data-own-keys: the scan field leaves them alone): ↑/↓ move, Enter opens the shipment, Esc closes.
 */
export function SearchBox({ search }: { search: SearchState }) {
  const { lang } = useLang()
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = { ArrowDown: () => search.move(1), ArrowUp: () => search.move(-1), Enter: search.pick, Escape: search.close }
    const act = keys[e.key]
    if (!act) return
    e.preventDefault()
    e.stopPropagation() // Esc here closes the search, not the desk's lookup or prompt underneath
    act()
  }
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="search-title" data-testid="search-box" data-own-keys>
      <div className="override search">
        <h2 className="override-title" id="search-title">
          <Tx k="search.title" />
        </h2>
        <input
          className="search-input"
          data-testid="search-input"
          aria-labelledby="search-title"
          autoFocus
          value={search.query}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('search.placeholder', lang)}
          spellCheck={false}
          autoComplete="off"
        />
        {search.problem ? <ProblemBanner problem={search.problem} /> : null}
        {search.query.trim() && search.hits.length === 0 ? (
          <p className="muted" data-testid="search-none">
            <Tx k="search.none" />
          </p>
        ) : (
          <ol className="search-hits" data-testid="search-hits">
            {search.hits.map((h, i) => (
              <li key={h.orderId} className={i === search.selected ? 'reason chosen' : 'reason'} data-testid="search-hit" data-chosen={i === search.selected}>
                <span className="mono">{h.orderNumber}</span> · {h.recipientName} · <span className="mono">{h.trackingNumber ?? '—'}</span>
                {h.carrierName ? ` · ${h.carrierName}` : ''} <StatusChip status={h.shipmentStatus ?? h.orderStatus} />
              </li>
            ))}
          </ol>
        )}
        <p className="muted small">
          <Tx k="search.keys" />
        </p>
      </div>
    </div>
  )
}
