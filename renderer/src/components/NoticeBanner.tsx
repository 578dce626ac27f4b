import type { Notice } from '../../../shared/contract/views'
import { useLang } from '../hooks/use-lang'
import { coreWords } from '../lib/format'

const ICON: Record<Notice['tone'], string> = { ok: '✓', warn: '⚠', error: '✕' }

/** The core's short feedback after each step ("✓ Ürün", "Paketlendi ✓ …"), both languages. */
export function NoticeBanner({ notice }: { notice: Notice }) {
  const { lang } = useLang()
  const [main, other] = coreWords(notice, '', lang)
  const icon = main.startsWith(ICON[notice.tone]) ? null : ICON[notice.tone] // the core often starts with ✓ itself
  return (
    <div className={`banner banner-${notice.tone}`} role="status" data-testid="notice" data-tone={notice.tone} data-code={notice.code}>
      {icon && (
        <span className="banner-icon" aria-hidden>
          {icon}
        </span>
      )}
      <div className="banner-body">
        <div className="banner-title">
          {main} {other && <span className="banner-sub">/ {other}</span>}
        </div>
      </div>
    </div>
  )
}
