import type { Notice } from '../../../shared/contract/views'
import { useLang } from '../hooks/use-lang'
import { splitBilingual } from '../lib/format'

const ICON: Record<Notice['tone'], string> = { ok: '✓', warn: '⚠', error: '✕' }

/** The core's short feedback after each step ("✓ Ürün", "Paketlendi ✓ …"), written "TR / EN". */
export function NoticeBanner({ notice }: { notice: Notice }) {
  const { lang } = useLang()
  const [main, other] = splitBilingual(notice.text, lang)
  const icon = main.startsWith(ICON[notice.tone]) ? null : ICON[notice.tone] // the core often starts with ✓ itself
  return (
    <div className={`banner banner-${notice.tone}`} role="status" data-testid="notice" data-tone={notice.tone}>
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
