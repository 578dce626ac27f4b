import type { SerializedAppError } from '../../../shared/errors'
import { useLang } from '../hooks/use-lang'
import { errorMessage } from '../i18n-errors'
import type { Lang } from '../i18n'
import { coreWords } from '../lib/format'

/** The keys the packing screen answers a problem with (App.tsx useHotkeys): F2 retry / print again, F3 supervisor prompt, F4 reprint, F5 printed, F8 cancel. */
export const DESK_KEYS: ReadonlySet<string> = new Set(['F2', 'F3', 'F4', 'F5', 'F8'])

/**
 * The key chips for a banner: exactly the desk keys its words name, in the order they name them, so the
 * chip and the text can never disagree (the carrier-down banner once showed an F2 chip beside a text saying F5).
 */
export function keysNamed(text: string): readonly string[] {
  return [...new Set(text.match(/\bF\d{1,2}\b/g) ?? [])].filter((k) => DESK_KEYS.has(k))
}

/** The core's own detail, from its catalog message in the operator's language first (both shown), or its plain message. */
export function problemDetail(problem: Pick<SerializedAppError, 'message' | 'notice'>, lang: Lang): string {
  if (!problem.notice) return problem.message
  const [main, other] = coreWords(problem.notice, problem.message, lang)
  return other ? `${main} / ${other}` : main
}

/** The red stop-and-ask banner: what went wrong, what to do, and the core's own words small. */
export function ProblemBanner({
  problem,
  showKey = true,
}: {
  problem: SerializedAppError
  /** Off where F2–F4 mean something else (settings): no key and no desk action line. */ showKey?: boolean
}) {
  const { lang } = useLang()
  const m = errorMessage(problem)
  const [title, titleSub, act, actSub] = lang === 'tr' ? [m.tr, m.en, m.doTr, m.doEn] : [m.en, m.tr, m.doEn, m.doTr]
  const detail = problemDetail(problem, lang)
  const keys = showKey ? keysNamed(`${act} ${detail}`) : []
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
          {detail} <code>{problem.code}</code>
        </div>
      </div>
    </div>
  )
}
