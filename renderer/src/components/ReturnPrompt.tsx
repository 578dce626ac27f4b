import type { ReturnPromptState } from '../hooks/use-returns'
import { useLang } from '../hooks/use-lang'
import { RETURN_REASONS } from '../i18n'
import { errorMessage } from '../i18n-errors'
import { ReasonPicker } from './ReasonPicker'
import { Tx } from './Tx'

/** YYYY-MM-DD as people write it: 10.12.2026 (TR), 10/12/2026 (EN). */
function formatDay(day: string, lang: 'tr' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? [m[3], m[2], m[1]].join(lang === 'tr' ? '.' : '/') : day
}

/** The return (iade) dialog over the desk: order, reason by digit, supervisor badge; then the result. */
export function ReturnPrompt({ prompt }: { prompt: ReturnPromptState }) {
  const { t, lang } = useLang()
  const r = prompt.result
  const problem = prompt.problem ? errorMessage(prompt.problem) : null
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="return-title" data-testid="return-prompt" data-stage={prompt.stage}>
      <div className="override">
        <h2 className="override-title" id="return-title">
          <Tx k="return.title" />
          {prompt.orderCode && (
            <>
              {' '}
              — <Tx k="return.order" /> <code data-testid="return-order">{r?.orderNumber ?? prompt.orderCode}</code>
            </>
          )}
        </h2>
        {prompt.stage === 'order' && (
          <p className="override-scan">
            <Tx k="return.scanOrder" sub />
          </p>
        )}
        {prompt.stage === 'confirm' && (
          <ReasonPicker scan="return.scanBadge" pick="return.pick" reasons={RETURN_REASONS} chosen={prompt.reason} testId="return-reason" />
        )}
        {r && (
          <div className="return-result" data-testid="return-result" data-kind={r.kind ?? ''}>
            <p className="tone-ok">
              ✓ <Tx k="return.made" /> · {r.carrierName}
            </p>
            <p className="return-code">
              {r.kind === 'code' ? t('return.code') : t('return.tracking')}:{' '}
              <b data-testid="return-code">{r.kind === 'code' ? r.returnCode : (r.trackingNumber ?? r.returnCode)}</b>
            </p>
            {r.validUntil && (
              <p>
                <Tx k="return.validUntil" />: {formatDay(r.validUntil, lang)}
              </p>
            )}
            {r.kind === 'code' && (
              <p className="muted">
                <Tx k="return.codeHint" />
              </p>
            )}
            {r.printed && (
              <p>
                <Tx k="return.printed" />
              </p>
            )}
            <p className="muted small">
              <Tx k="return.next" />
            </p>
          </div>
        )}
        {problem && (
          <p className="tone-error" data-testid="return-problem">
            {lang === 'tr' ? problem.tr : problem.en}
          </p>
        )}
        <p className="muted">
          <kbd className="key">Esc</kbd> <Tx k="return.esc" />
        </p>
      </div>
    </div>
  )
}
