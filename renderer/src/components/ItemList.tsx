import { useEffect, useRef } from 'react'
import type { OrderLine } from '../../../shared/domain/order'
import { orderItemCount, orderPackedCount } from '../../../shared/domain/order'
import { Tx } from './Tx'

/** One row per order line: big scanned / required counts and a tick when the line is complete. */
export function ItemList({ lines }: { lines: readonly OrderLine[] }) {
  const done = orderPackedCount({ lines })
  const total = orderItemCount({ lines })
  const listRef = useRef<HTMLUListElement | null>(null)
  // Long orders scroll inside the list: keep the next line to scan in sight.
  useEffect(() => {
    listRef.current?.querySelector('.item:not(.item-done)')?.scrollIntoView({ block: 'nearest' })
  }, [done])
  return (
    <section className="items" aria-label="items">
      <div className="items-progress" data-testid="items-progress">
        <Tx k="order.progress" params={{ done, total }} />
        <div className="progress">
          <div className="progress-fill" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
        </div>
      </div>
      {/* Focusable: on a short window the list scrolls, and a scroll region must take the keys (axe scrollable-region-focusable). */}
      <ul className="item-list" ref={listRef} tabIndex={0} data-scroll-region="">
        {lines.map((line) => {
          const complete = line.packedQuantity >= line.quantity
          return (
            <li
              key={line.id}
              className={`item ${complete ? 'item-done' : line.packedQuantity > 0 ? 'item-partial' : ''}`}
              data-testid="order-line"
              data-sku={line.sku}
            >
              <span className="item-tick" aria-hidden>
                {complete ? '✓' : ''}
              </span>
              <span className="item-text">
                <span className="item-name">{line.name}</span>
                <span className="item-codes">
                  {line.sku}
                  {line.gtin && <> · {line.gtin}</>}
                </span>
              </span>
              <span className="item-count" data-testid="line-count" data-packed={line.packedQuantity} data-required={line.quantity}>
                <b>{line.packedQuantity}</b>
                <span className="item-of">/ {line.quantity}</span>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
