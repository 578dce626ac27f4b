import type { SerializedAppError } from '../../../shared/errors'
import { useLang } from '../hooks/use-lang'
import { errorMessage, type ErrorAction } from '../i18n-errors'
import type { Lang } from '../i18n'
import { coreWords } from '../lib/format'

const ACTION_KEY: Partial<Record<ErrorAction, string>> = { retry: 'F2', supervisor: 'F3', reprint: 'F4' }
/** Problems answered with two keys, in the order the action text names them (and the key hints light). */
const CODE_KEYS: Partial<Record<string, readonly string[]>> = { 'print.outcomeUnknown': ['F5', 'F2'] }

/** The keys the banner shows for a problem: the same ones the key hints light. */
export function problemKeys(problem: SerializedAppError, action: ErrorAction): readonly string[] {
  const one = ACTION_KEY[action]
  return CODE_KEYS[problem.code] ?? (one ? [one] : [])
}

/** The core's own detail, from its catalog message in the operator's language first (both shown), or its plain message. */
export function problemDetail(problem: Pick<SerializedAppError, 'message' | 'notice'>, lang: Lang): string {
  if (!problem.notice) return problem.message
  const [main, other] = coreWords(problem.notice, problem.message, lang)
  return other ? `${main} / ${other}` : main
}

/** The red stop-and-ask banner: what went wrong, what to do, and the core's own words small. */
export function ProblemBanner({ problem, showKey = true }: { problem: SerializedAppError; /** Off where F2–F4 mean something else (settings): no key and no desk action line. */ showKey?: boolean }) {
  const { lang } = useLang()
  const m = errorMessage(problem)
  const keys = showKey ? problemKeys(problem, m.action) : []
  const [title, titleSub, act, actSub] = lang === 'tr' ? [m.tr, m.en, m.doTr, m.doEn] : [m.en, m.tr, m.doEn, m.doTr]
  return (
    <div className="banner banner-error" role="alert" data-testid="problem" data-code={problem.code} data-action={m.action}>
      <span className="banner-icon" aria-hidden>
        ✕
      </span>
      <div className="banner-body">
        <div className="banner-title">
          {title} <span className="banner-sub">/ {titleSub}</span>
        </div>
        {showKey && (
          <div className="banner-action" data-testid="problem-action">
            {keys.map((k) => (
              <span key={k}>
                <kbd className="key key-on-dark" data-testid="problem-key">
                  {k}
                </kbd>{' '}
              </span>
            ))}
            {act} <span className="banner-sub">/ {actSub}</span>
          </div>
        )}
        <div className="banner-detail">
          {problemDetail(problem, lang)} <code>{problem.code}</code>
        </div>
      </div>
    </div>
  )
}
