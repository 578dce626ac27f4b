import type { ErrorAction } from '../i18n-errors'
import type { MessageKey } from '../i18n'
import { Tx } from './Tx'

export type KeyHint = Readonly<{
  key: string
  label: MessageKey
  enabled: boolean
  action?: ErrorAction
  /** Lit whatever the problem: the screen asks for this key now. */ lit?: boolean
}>

/** The function keys along the bottom; the one the current problem asks for is lit. */
export function KeyHints({ hints, highlight }: { hints: readonly KeyHint[]; highlight: ErrorAction | null }) {
  return (
    <ul className="key-hints" data-testid="key-hints">
      {hints.map((h) => (
        <li
          key={h.key}
          className={`hint ${h.enabled ? '' : 'hint-off'} ${h.enabled && (h.lit || (h.action && h.action === highlight)) ? 'hint-lit' : ''}`}
          data-key={h.key}
        >
          <kbd className="key">{h.key}</kbd> <Tx k={h.label} />
        </li>
      ))}
    </ul>
  )
}
