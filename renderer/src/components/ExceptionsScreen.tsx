import type { KeyboardEvent } from 'react'
import { SETTLE_CHOICES, type ConflictSide, type ExceptionView } from '../../../shared/contract/exceptions'
import type { ExceptionsState } from '../hooks/use-exceptions'
import { useLang } from '../hooks/use-lang'
import { OVERRIDE_REASONS, type MessageKey } from '../i18n'
import { formatDateTime } from '../lib/format'
import { ProblemBanner } from './ProblemBanner'
import { Tx } from './Tx'

const FACT_KEYS = ['city', 'district', 'expectedGrams', 'measuredGrams', 'allowedGrams', 'carrierId', 'status'] as const

/** The facts a row shows, short: "İstanbul / Kadıköy", "1200 g → 1650 g"… */
function factsText(x: ExceptionView): string {
  const f = x.facts
  if (x.kind === 'address') return `${f.district ?? '—'} / ${f.city ?? '—'}`
  if (x.kind === 'weight' && typeof f.expectedGrams === 'number') return `${f.expectedGrams} g → ${f.measuredGrams ?? '—'} g (±${f.allowedGrams ?? '—'} g)`
  const parts = FACT_KEYS.filter((k) => k !== 'city' && k !== 'district' && f[k] !== undefined && f[k] !== null).map((k) => String(f[k]))
  return parts.length > 0 ? parts.join(' · ') : x.message
}

/**
 * F12 (or the KJISTISNA barcode): every order that could not finish, oldest first, with its actions. Keyboard
 * only, through the screen's own field (data-own-keys: the scan field leaves its keys alone); the hook
 * (use-exceptions.ts) says what each key does, the core decides and audits.
 */
export function ExceptionsScreen({ state }: { state: ExceptionsState }) {
  const { t, lang } = useLang()
  const row = state.rows[state.selected] ?? null
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!state.key(e.key)) return
    e.preventDefault()
    e.stopPropagation()
  }
  const prompt: Record<typeof state.stage, MessageKey | null> = {
    list: null,
    address: 'exc.address.prompt',
    carrier: 'exc.carrier.prompt',
    reason: 'exc.reason.prompt',
    settle: 'exc.settle.prompt',
    badge: 'exc.badge.prompt',
  }
  const stagePrompt = prompt[state.stage]
  return (
    <main
      className="reports exceptions"
      tabIndex={0}
      data-scroll-region=""
      data-testid="exceptions"
      data-stage={state.stage}
      data-busy={state.busy}
      data-own-keys
      aria-labelledby="exc-title"
    >
      <div className="reports-head">
        <h1 id="exc-title">
          <Tx k="exc.title" /> <span data-testid="exceptions-count">({state.rows.length})</span>
        </h1>
        <span className="muted">
          <Tx k="exc.keys" />
        </span>
      </div>
      <input
        className="search-input"
        data-testid="exceptions-input"
        aria-label={t('exc.field')}
        type={state.stage === 'badge' ? 'password' : 'text'}
        autoFocus
        value={state.text}
        onChange={(e) => state.setText(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      {state.done ? (
        <p className="exc-done" data-testid="exceptions-done" role="status">
          <Tx k="exc.done" params={{ action: t(`exc.action.${state.done}` as MessageKey) }} />
        </p>
      ) : null}
      {state.problem ? <ProblemBanner problem={state.problem} showKey={false} /> : null}
      {state.rows.length === 0 ? (
        <p className="muted" data-testid="exceptions-empty">
          <Tx k="exc.empty" />
        </p>
      ) : (
        <div className="exc-table-wrap">
          <table className="report-table exc-table" data-testid="exceptions-rows">
            <thead>
              <tr>
                <th scope="col" className="exc-col-order">
                  {t('exc.order')}
                </th>
                <th scope="col">{t('exc.kind')}</th>
                <th scope="col">{t('exc.facts')}</th>
                <th scope="col">{t('exc.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((x, i) => (
                <tr
                  key={x.id}
                  className={i === state.selected ? 'exc-row chosen' : 'exc-row'}
                  data-testid="exception-row"
                  data-kind={x.kind}
                  data-order={x.orderNumber}
                  data-chosen={i === state.selected}
                  aria-selected={i === state.selected}
                >
                  <td className="mono">
                    {x.orderNumber}
                    {x.atDesk ? <span className="exc-at-desk"> · {t('exc.atDesk')}</span> : null}
                    <br />
                    <span className="small">{formatDateTime(x.openedAt, lang)}</span>
                  </td>
                  <td>{t(`exc.kind.${x.kind}` as MessageKey)}</td>
                  <td className="exc-facts">{factsText(x)}</td>
                  <td>
                    {x.actions.map((a, n) => (
                      <span key={a} className="exc-action" data-testid="exception-action" data-action={a}>
                        <kbd className="key">{n + 1}</kbd> {t(`exc.action.${a}` as MessageKey)}{' '}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stagePrompt && row ? (
        <section className="panel exc-stage" aria-labelledby="exc-stage-title" data-testid="exception-stage">
          <h2 className="panel-title" id="exc-stage-title">
            {row.orderNumber} — <Tx k={stagePrompt} />
          </h2>
          {state.stage === 'address' ? (
            state.places.length === 0 ? (
              state.text.trim() ? (
                <p className="muted">
                  <Tx k="exc.address.none" />
                </p>
              ) : null
            ) : (
              <ol className="reason-list" data-testid="place-suggestions">
                {state.places.map((p, i) => (
                  <li
                    key={`${p.city}/${p.district}`}
                    className={i === state.choice ? 'reason chosen' : 'reason'}
                    data-testid="place"
                    data-chosen={i === state.choice}
                  >
                    {p.district} / {p.city}
                  </li>
                ))}
              </ol>
            )
          ) : null}
          {state.stage === 'carrier' ? (
            <ol className="reason-list" data-testid="carrier-choices">
              {row.carriers.map((c, i) => (
                <li
                  key={c.serviceCode}
                  className={i === state.choice ? 'reason chosen' : 'reason'}
                  data-testid="carrier-choice"
                  data-chosen={i === state.choice}
                >
                  <kbd className="key">{i + 1}</kbd> {c.name}
                </li>
              ))}
            </ol>
          ) : null}
          {row.conflict && (state.stage === 'settle' || state.stage === 'badge') ? (
            <>
              <div className="exc-sides">
                <ConflictFacts side={row.conflict.ours} title="exc.settle.ours" testId="conflict-ours" />
                <ConflictFacts side={row.conflict.theirs} title="exc.settle.theirs" testId="conflict-theirs" />
              </div>
              <ol className="reason-list">
                {SETTLE_CHOICES.map((c, i) => {
                  const chosen = state.stage === 'badge' ? i === state.settle : i === state.choice
                  return (
                    <li key={c} className={chosen ? 'reason chosen' : 'reason'} data-testid="settle-choice" data-choice={c} data-chosen={chosen}>
                      <kbd className="key">{i + 1}</kbd> <Tx k={`exc.settle.choice.${c}`} />
                    </li>
                  )
                })}
              </ol>
            </>
          ) : null}
          {!row.conflict && (state.stage === 'reason' || state.stage === 'badge') ? (
            <ol className="reason-list">
              {OVERRIDE_REASONS.map((key, i) => (
                <li key={key} className={i === state.reason ? 'reason chosen' : 'reason'} data-testid="override-reason" data-chosen={i === state.reason}>
                  <kbd className="key">{i + 1}</kbd> <Tx k={key} />
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
    </main>
  )
}

/** One desk's facts of a sync conflict (what the cloud does not name shows as —). */
function ConflictFacts({ side, title, testId }: { side: ConflictSide; title: MessageKey; testId: string }) {
  const { t, lang } = useLang()
  const rows: [MessageKey, string | null][] = [
    ['exc.settle.station', side.stationId],
    ['exc.settle.packer', side.packerId],
    ['exc.settle.packedAt', side.packedAt ? formatDateTime(side.packedAt, lang) : null],
    ['exc.settle.tracking', side.trackingNumber],
    ['exc.settle.carrier', side.carrierName],
  ]
  return (
    <section className="panel exc-side" data-testid={testId} aria-label={t(title)}>
      <h3 className="panel-title">{t(title)}</h3>
      <dl className="exc-side-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd className="mono">{v ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
