import type { BoxSuggestionView } from '../../../shared/contract/views'
import type { Box } from '../../../shared/domain/box'
import { formatTry } from '../../../shared/money'
import { useLang } from '../hooks/use-lang'
import { formatBoxDims, splitBilingual } from '../lib/format'
import { Tx } from './Tx'

type Props = Readonly<{
  boxes: readonly Box[]
  suggestions?: readonly BoxSuggestionView[] | null
  /** A box the items do not fit, refused and waiting for a supervisor's badge. */
  awaiting?: string | null
}>

/**
 * The box catalog numbered 1…9: the packer scans a box barcode or types its number + Enter. The
 * numbers never move (muscle memory); the desk's suggestion is marked on its row and explained above.
 */
export function BoxPicker({ boxes, suggestions, awaiting = null }: Props) {
  const { lang } = useLang()
  const best = suggestions?.[0]?.fits === true ? suggestions[0] : null
  const byCode = new Map((suggestions ?? []).map((s) => [s.code, s]))
  const bestIndex = best ? boxes.findIndex((b) => b.code === best.code) : -1
  return (
    <section className="panel box-picker" data-testid="box-picker">
      <h2 className="panel-title">
        <Tx k="box.title" />{' '}
        <span className="muted small">
          — <Tx k="box.pick" />
        </span>
      </h2>
      {best && (
        <p className="box-suggestion" data-testid="box-suggestion" data-code={best.code} title={splitBilingual(best.reason, lang)[0]}>
          <Tx k="box.suggested" />: {bestIndex >= 0 && bestIndex < 9 ? <kbd className="key">{bestIndex + 1}</kbd> : null} <strong>{best.name}</strong>
          {best.priceKurus !== null && <span className="muted"> · {formatTry(best.priceKurus)}</span>}
        </p>
      )}
      <ol className={suggestions ? 'box-list ranked' : 'box-list'}>
        {boxes.slice(0, 9).map((box, i) => {
          const s = byCode.get(box.code)
          const marks = [best?.code === box.code ? 'suggested' : '', s?.fits === false ? 'no-fit' : '', awaiting === box.code ? 'awaiting' : '']
          const cls = ['box-row', ...marks].filter(Boolean).join(' ')
          return (
            <li
              key={box.code}
              className={cls}
              data-testid="box-option"
              data-code={box.code}
              data-fits={s ? String(s.fits) : undefined}
              title={s ? splitBilingual(s.reason, lang)[0] : undefined}
            >
              <kbd className="key">{i + 1}</kbd>
              <span className="box-name">{box.name}</span>
              <span className="box-dims">{formatBoxDims(box, lang)}</span>
              <span className="box-code muted" data-testid={awaiting === box.code ? 'box-awaiting' : undefined}>
                {awaiting === box.code ? (
                  <Tx k="box.awaitingSupervisor" />
                ) : s?.fits === false ? (
                  <Tx k="box.noFit" />
                ) : s?.priceKurus != null ? (
                  formatTry(s.priceKurus)
                ) : (
                  box.code
                )}
              </span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
