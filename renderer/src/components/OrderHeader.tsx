import type { ClaimView } from '../../../shared/contract/views'
import type { Order } from '../../../shared/domain/order'
import { formatTry } from '../../../shared/money'
import { Tx } from './Tx'

/** Order number, marketplace, its claim at the cloud, who it goes to (ilçe / il) and cash on delivery, readable at arm's length. */
export function OrderHeader({ order, claim = null }: { order: Order; claim?: ClaimView | null }) {
  const r = order.recipient
  return (
    <header className="order-header">
      <div className="order-top">
        <span className="order-number" data-testid="order-number">
          {order.orderNumber}
        </span>
        {order.marketplace && (
          <span className="chip" data-testid="marketplace">
            {order.marketplace}
          </span>
        )}
        {claim && (
          <span className={`chip chip-small chip-claim-${claim.state}`} data-testid="claim" data-state={claim.state}>
            <Tx k={`claim.${claim.state}`} params={{ holder: claim.holder ?? '?' }} />
          </span>
        )}
      </div>
      <div className="order-recipient" data-testid="recipient">
        <span className="muted">
          <Tx k="order.recipient" />:
        </span>{' '}
        <strong>{r.name}</strong> — {r.district} / {r.city}
        {order.codAmountKurus !== null && (
          <span className="chip chip-cod" data-testid="cod">
            <Tx k="order.cod" />: {formatTry(order.codAmountKurus)}
          </span>
        )}
      </div>
    </header>
  )
}
