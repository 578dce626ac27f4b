import type { MessageKey, Params } from '../i18n'
import { useLang } from '../hooks/use-lang'

/** A label in the chosen language with the other language small beneath (for the big prompts). */
export function Tx({ k, params, sub = false }: { k: MessageKey; params?: Params; sub?: boolean }) {
  const { t, sub: other } = useLang()
  if (!sub) return <>{t(k, params)}</>
  return (
    <span className="bi">
      <span className="bi-main">{t(k, params)}</span>
      <span className="bi-sub">{other(k, params)}</span>
    </span>
  )
}
