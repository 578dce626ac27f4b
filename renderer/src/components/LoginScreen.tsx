import type { SerializedAppError } from '../../../shared/errors'
import { ProblemBanner } from './ProblemBanner'
import { Tx } from './Tx'

/** Before anything else: the packer scans their badge (and, for a badge with a PIN, types it). */
export function LoginScreen({ problem, pinBadge = null }: { problem: SerializedAppError | null; pinBadge?: string | null }) {
  return (
    <main className="login" data-testid="login">
      <div className="login-card">
        <div className="login-badge" aria-hidden>
          ▮▯▮▮▯▮▯▮
        </div>
        <h1 className="login-title">
          <Tx k="login.title" sub />
        </h1>
        <p className="login-hint" data-testid={pinBadge ? 'login-pin' : undefined}>
          {pinBadge ? <Tx k="login.pin" params={{ badge: pinBadge }} /> : <Tx k="login.hint" />}
        </p>
      </div>
      {problem && <ProblemBanner problem={problem} />}
    </main>
  )
}
