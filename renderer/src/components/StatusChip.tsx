import { statusWord } from '../../../shared/i18n/status-words'
import { otherLang } from '../i18n'
import { useLang } from '../hooks/use-lang'

/**
 * A shipment or tracking status as a chip: the word in the desk's language, the other language after it. Each word
 * carries its own `lang`, so an upper-cased title upper-cases Turkish and English each by its own rules (issue 12).
 */
export function StatusChip({ status }: { status: string }) {
  const { lang } = useLang()
  const other = otherLang(lang)
  return (
    <span className="chip chip-small status-chip" data-status={status}>
      <span lang={lang}>{statusWord(status, lang)}</span>
      <span className="status-chip-sub" lang={other}>
        {' '}
        / {statusWord(status, other)}
      </span>
    </span>
  )
}

/** A status as a plain word in the desk's language (for a row of text rather than a chip). */
export function StatusWord({ status }: { status: string }) {
  const { lang } = useLang()
  return <span lang={lang}>{statusWord(status, lang)}</span>
}
