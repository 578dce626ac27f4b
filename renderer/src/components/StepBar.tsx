import type { PackingView } from '../../../shared/contract/views'
import { STEP_BAR, stepIndex } from '../lib/steps'
import { Tx } from './Tx'

/** Sipariş → Ürünler → Koli → Tartı → Etiket → Tamam, with the current step lit (red when stuck). */
export function StepBar({ view, stuck }: { view: PackingView; stuck: boolean }) {
  const current = stepIndex(view)
  return (
    <ol className="stepbar" data-testid="step" data-step={view.step} data-index={current}>
      {STEP_BAR.map((key, i) => {
        const state = i < current || view.step === 'packed' ? 'done' : i === current ? (stuck ? 'stuck' : 'current') : 'todo'
        return (
          <li key={key} className={`step step-${state}`} aria-current={i === current ? 'step' : undefined}>
            <span className="step-mark" aria-hidden>
              {state === 'done' ? '✓' : state === 'stuck' ? '!' : i + 1}
            </span>
            <span className="step-label">
              <Tx k={key} />
            </span>
          </li>
        )
      })}
    </ol>
  )
}
