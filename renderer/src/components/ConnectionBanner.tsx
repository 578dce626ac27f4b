import type { ConnectionState } from '../lib/station-client'
import { Tx } from './Tx'

/** Full-width warning while the link to the station core is down; scans would go nowhere. */
export function ConnectionBanner({ connection, everOpen }: { connection: ConnectionState; everOpen: boolean }) {
  if (connection.status === 'open') return null
  const lost = everOpen || connection.status === 'closed'
  return (
    <div className={`conn-banner ${lost ? 'conn-lost' : 'conn-connecting'}`} role="alert" data-testid="connection" data-status={connection.status}>
      <b>
        <Tx k={lost ? 'conn.lost' : 'conn.connecting'} sub />
      </b>
      {lost && (
        <span>
          <Tx k="conn.retrying" />
          {connection.detail && <span className="muted small"> ({connection.detail})</span>}
        </span>
      )}
    </div>
  )
}
