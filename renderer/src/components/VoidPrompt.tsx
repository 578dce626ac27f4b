import { ErrorCode } from '../../../shared/errors'
import { usePromptField } from '../hooks/use-prompt-field'
import type { VoidPrompt as VoidState } from '../hooks/use-void'
import { VOID_REASONS } from '../i18n'
import { ProblemBanner } from './ProblemBanner'
import { ReasonPicker } from './ReasonPicker'
import { Tx } from './Tx'

/** Refusals that mean the parcel is the carrier's now: the way on is a return (KJIADE), not another try. */
const RETURN_INSTEAD: ReadonlySet<string> = new Set([ErrorCode.carrierNotCancellable, ErrorCode.carrierReturnRequested])

/**
 * The void prompt (F8 on a shown shipment). It owns the keys while open (data-own-keys): the scanner types the
 * reason digit or the supervisor's badge into its own field, Enter sends it, Esc closes.
 */
export function VoidPrompt({ prompt }: { prompt: VoidState }) {
  const field = usePromptField(prompt.scan, prompt.close)
  const target = prompt.target
  if (!target) return null
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="void-title" data-testid="void-prompt" data-own-keys data-done={prompt.done}>
      <div className="override">
        <h2 className="override-title" id="void-title">
          <Tx k="void.title" /> — {target.orderNumber} · <span className="mono">{target.trackingNumber ?? '—'}</span>
        </h2>
        {prompt.done ? (
          <p className="override-scan" data-testid="void-done">
            <Tx k="void.done" />
          </p>
        ) : (
          <ReasonPicker scan="void.scan" pick="void.pick" reasons={VOID_REASONS} chosen={prompt.reason} testId="void-reason" />
        )}
        {prompt.problem ? <ProblemBanner problem={prompt.problem} showKey={false} /> : null}
        {prompt.problem && RETURN_INSTEAD.has(prompt.problem.code) ? (
          <p className="override-scan" data-testid="void-return-path">
            <Tx k="void.returnPath" sub />
          </p>
        ) : null}
        <input className="search-input" data-testid="void-input" aria-labelledby="void-title" type="password" autoFocus {...field} autoComplete="off" />
        <p className="muted small">
          <Tx k="void.keys" />
        </p>
      </div>
    </div>
  )
}
