import type { SerializedAppError } from '../../../shared/errors'
import { OVERRIDE_REASONS } from '../i18n'
import { errorMessage } from '../i18n-errors'
import { useLang } from '../hooks/use-lang'
import { ReasonPicker } from './ReasonPicker'
import { Tx } from './Tx'

/** Supervisor override: pick a reason with a digit + Enter, then the supervisor scans their badge. */
export function OverridePrompt({ problem, reason }: { problem: SerializedAppError; reason: number }) {
  const { lang } = useLang()
  const m = errorMessage(problem)
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="override-title" data-testid="override-prompt">
      <div className="override">
        <h2 className="override-title" id="override-title">
          <Tx k="override.title" /> — {lang === 'tr' ? m.tr : m.en}
        </h2>
        <ReasonPicker scan="override.scan" pick="override.pick" reasons={OVERRIDE_REASONS} chosen={reason} testId="override-reason" />
        <p className="muted">
          <kbd className="key">Esc</kbd> <Tx k="override.esc" />
        </p>
      </div>
    </div>
  )
}
