import { useEffect, useState } from 'react'
import type { OrderSummary } from '../../../shared/domain/order'
import type { StationClient } from '../lib/station-client'
import { Tx } from './Tx'

/**
 * Demo mode only: open orders whose barcodes can be typed into the scan field to try the desk.
 * orders.list needs a badge logged in (shared/contract/command-roles.ts): refreshKey changes at login.
 */
export function DemoOrders({ client, refreshKey }: { client: StationClient; refreshKey: number | string }) {
  const [orders, setOrders] = useState<readonly OrderSummary[]>([])
  useEffect(() => {
    let live = true
    client.call('orders.list', { status: 'open', limit: 6 }).then(
      (list) => live && setOrders(list),
      () => live && setOrders([]), // only a demo aid; the desk works without it
    )
    return () => {
      live = false
    }
  }, [client, refreshKey])
  if (orders.length === 0) return null
  return (
    <section className="demo-orders" data-testid="demo-orders">
      <h2 className="panel-title">
        <Tx k="sim.orders" />
      </h2>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>
            <code className="mono">{o.barcode}</code> <span className="muted">{o.orderNumber}</span> — {o.recipientName}, {o.city}{' '}
            <span className="muted">({o.itemCount})</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
