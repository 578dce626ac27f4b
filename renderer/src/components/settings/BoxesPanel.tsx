import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Box } from '../../../../shared/domain/box'
import { toAppError, type SerializedAppError } from '../../../../shared/errors'
import { useCtrlKey } from '../../hooks/use-ctrl-key'
import { useLang } from '../../hooks/use-lang'
import type { MessageKey } from '../../i18n'
import type { StationClient } from '../../lib/station-client'
import { ProblemBanner } from '../ProblemBanner'
import { Tx } from '../Tx'
import { FormField } from './FormField'

const FIELDS: ReadonlyArray<readonly [keyof Box, MessageKey, 'text' | 'number']> = [
  ['code', 'boxes.code', 'text'],
  ['name', 'boxes.name', 'text'],
  ['lengthMm', 'boxes.lengthMm', 'number'],
  ['widthMm', 'boxes.widthMm', 'number'],
  ['heightMm', 'boxes.heightMm', 'number'],
  ['tareGrams', 'boxes.tareGrams', 'number'],
]

type Draft = Record<keyof Box, string>
const EMPTY: Draft = { code: '', name: '', lengthMm: '', widthMm: '', heightMm: '', tareGrams: '' }

/**
 * The box catalog on the settings screen: everyone with F6 sees it; an admin adds or changes a box (Tab through the
 * fields, Enter saves: boxes.save) or takes one out (its code, Enter: boxes.retire). The core checks the role, the
 * values (zod) and audits; its refusal shows here.
 */
export function BoxesPanel({ client, admin }: { client: StationClient; admin: boolean }) {
  const { t } = useLang()
  const [boxes, setBoxes] = useState<readonly Box[]>([])
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [retire, setRetire] = useState('')
  const [problem, setProblem] = useState<SerializedAppError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  useEffect(() => {
    client.call('boxes.list', {}).then(setBoxes, (err: unknown) => setProblem(toAppError(err).serialize()))
  }, [client])

  // Ctrl+B takes the keys from the scanner self-test field to the catalog's first field (Tab moves on, Enter saves).
  const first = useRef<HTMLInputElement | null>(null)
  useCtrlKey('b', admin, () => first.current?.focus())

  const run = (call: Promise<Box[]>, done: string) => {
    setProblem(null)
    setSaved(null)
    call.then(
      (next) => {
        setBoxes(next)
        setSaved(done)
      },
      (err: unknown) => setProblem(toAppError(err).serialize()),
    )
  }
  const save = (e: FormEvent) => {
    e.preventDefault()
    const n = (k: keyof Box) => (draft[k].trim() === '' ? NaN : Number(draft[k].replace(',', '.')))
    run(
      client.call('boxes.save', {
        code: draft.code,
        name: draft.name,
        lengthMm: n('lengthMm'),
        widthMm: n('widthMm'),
        heightMm: n('heightMm'),
        tareGrams: n('tareGrams'),
      }),
      draft.code.trim().toLocaleUpperCase('en'),
    )
  }
  const takeOut = (e: FormEvent) => {
    e.preventDefault()
    run(client.call('boxes.retire', { code: retire }), retire.trim().toLocaleUpperCase('en'))
  }

  return (
    <section className="panel settings-boxes" data-testid="settings-boxes" aria-labelledby="boxes-title" data-own-keys>
      <h2 className="panel-title" id="boxes-title">
        <Tx k="boxes.title" /> {admin ? <kbd className="key">Ctrl+B</kbd> : <span className="muted small">({t('boxes.adminOnly')})</span>}
      </h2>
      <table className="carrier-table">
        <thead>
          <tr>
            <th>{t('boxes.code')}</th>
            <th>{t('boxes.name')}</th>
            <th className="num">{t('boxes.size')}</th>
            <th className="num">{t('boxes.tareGrams')}</th>
          </tr>
        </thead>
        <tbody>
          {boxes.map((b) => (
            <tr key={b.code} data-testid="box-row" data-code={b.code}>
              <td className="mono">{b.code}</td>
              <td>{b.name}</td>
              <td className="num">
                {b.lengthMm} × {b.widthMm} × {b.heightMm} mm
              </td>
              <td className="num">{b.tareGrams} g</td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin && (
        <>
          <form className="box-form" data-testid="box-form" onSubmit={save}>
            {FIELDS.map(([key, label, type]) => (
              <FormField
                key={key}
                label={t(label)}
                testId={`box-${key}`}
                value={draft[key]}
                onChange={(value) => setDraft({ ...draft, [key]: value })}
                inputRef={key === 'code' ? first : undefined}
                numeric={type === 'number'}
              />
            ))}
            <button type="submit" className="hint" data-testid="box-save">
              <Tx k="boxes.save" />
            </button>
          </form>
          <form className="box-form" data-testid="box-retire-form" onSubmit={takeOut}>
            <FormField label={t('boxes.retire')} testId="box-retire" value={retire} onChange={setRetire} />
          </form>
        </>
      )}
      {saved && (
        <p className="tone-ok" data-testid="box-saved" data-code={saved}>
          ✓ <Tx k="boxes.saved" params={{ code: saved }} />
        </p>
      )}
      {problem && <ProblemBanner problem={problem} showKey={false} />}
    </section>
  )
}
