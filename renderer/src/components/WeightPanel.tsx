import type { PackingView, ScaleView } from '../../../shared/contract/views'
import { useLang } from '../hooks/use-lang'
import type { ScaleState } from '../hooks/use-station'
import { diffPercent, formatBoxDims, formatKg, formatNumber } from '../lib/format'
import { Tx } from './Tx'

const STALE_AFTER_MS = 2500

export type LiveWeightState = 'none' | 'stale' | 'stable' | 'moving'

/** The scale's last reading and its state: none yet, stale (nothing for STALE_AFTER_MS), stable or moving. */
export function liveWeight(scale: ScaleState | null, now: number): { reading: ScaleView | null; state: LiveWeightState } {
  const reading = scale?.view ?? null
  const stale = !reading || now - (scale?.receivedAt ?? 0) > STALE_AFTER_MS
  return { reading, state: !reading ? 'none' : stale ? 'stale' : reading.stable ? 'stable' : 'moving' }
}

/** The live weight's big figure and its state in words (the packing screen and the scale settings alike). */
export function LiveWeightReadout({ reading, state }: { reading: ScaleView | null; state: LiveWeightState }) {
  const { lang } = useLang()
  return (
    <>
      <span className="live-value">{reading ? formatKg(reading.grams, lang) : '— kg'}</span>
      <span className="live-state">
        {state === 'stable' ? '● ' : state === 'moving' ? '◌ ' : '○ '}
        <Tx k={state === 'stable' ? 'weight.stable' : state === 'moving' ? 'weight.moving' : state === 'stale' ? 'weight.stale' : 'weight.none'} />
      </span>
    </>
  )
}

/** Live scale reading (big), expected vs measured, desi and chargeable kg, and the chosen box. */
export function WeightPanel({ view, scale, now }: { view: PackingView; scale: ScaleState | null; now: number }) {
  const { lang } = useLang()
  const { reading, state } = liveWeight(scale, now)
  const diff = diffPercent(view.expectedGrams, view.measuredGrams)
  const outOfTolerance = view.problem?.code === 'packing.weightOutOfTolerance'
  return (
    <section className="panel weight-panel">
      <div
        className={`live-weight live-${state}`}
        data-testid="weight"
        data-grams={reading?.grams ?? ''}
        data-stable={reading?.stable ?? false}
        data-state={state}
      >
        <LiveWeightReadout reading={reading} state={state} />
      </div>
      <dl className="facts">
        <dt>
          <Tx k="box.title" />
        </dt>
        <dd data-testid="box" className="one-line">
          {view.box ? (
            <>
              <b>{view.box.name}</b> <span className="muted small">{formatBoxDims(view.box, lang)}</span>
            </>
          ) : (
            <span className="muted">
              <Tx k="box.none" />
            </span>
          )}
        </dd>
        <dt>
          <Tx k="weight.expected" />
        </dt>
        <dd data-testid="expected-weight">{view.expectedGrams !== null ? formatKg(view.expectedGrams, lang) : '—'}</dd>
        <dt>
          <Tx k="weight.measured" />
        </dt>
        <dd data-testid="measured-weight" className={outOfTolerance ? 'bad' : ''}>
          {view.measuredGrams !== null ? formatKg(view.measuredGrams, lang) : '—'}
          {diff !== null && (
            <span className={`diff ${outOfTolerance ? 'bad' : ''}`}>
              {' '}
              ({diff > 0 ? '+' : ''}
              {formatNumber(diff, lang, 1)}%)
            </span>
          )}
        </dd>
        <dt>
          <Tx k="weight.desi" /> · <Tx k="weight.chargeable" />
        </dt>
        <dd data-testid="desi">
          {view.desi !== null ? formatNumber(view.desi, lang, 2) : '—'} · {view.chargeableKg !== null ? `${formatNumber(view.chargeableKg, lang, 2)} kg` : '—'}
        </dd>
      </dl>
    </section>
  )
}
