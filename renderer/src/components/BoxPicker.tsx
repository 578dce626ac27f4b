import type { Box } from '../../../shared/domain/box'
import { useLang } from '../hooks/use-lang'
import { formatBoxDims } from '../lib/format'
import { Tx } from './Tx'

/** The box catalog numbered 1…9: the packer scans a box barcode or types its number + Enter. */
export function BoxPicker({ boxes }: { boxes: readonly Box[] }) {
  const { lang } = useLang()
  return (
    <section className="panel box-picker" data-testid="box-picker">
      <h2 className="panel-title">
        <Tx k="box.title" /> <span className="muted small">— <Tx k="box.pick" /></span>
      </h2>
      <ol className="box-list">
        {boxes.slice(0, 9).map((box, i) => (
          <li key={box.code} className="box-row" data-testid="box-option" data-code={box.code}>
            <kbd className="key">{i + 1}</kbd>
            <span className="box-name">{box.name}</span>
            <span className="box-dims">{formatBoxDims(box, lang)}</span>
            <span className="box-code muted">{box.code}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
