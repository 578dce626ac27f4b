import { useState } from 'react'
import { toAppError } from '../../../shared/errors'
import { useLang } from '../hooks/use-lang'
import { formatKg } from '../lib/format'
import type { StationClient } from '../lib/station-client'
import { Tx } from './Tx'

/**
 * Demo mode only: puts a weight on the simulated scale. Buttons never take the focus away from
 * the scan field (mousedown is cancelled), so a scanner keeps working while someone clicks.
 */
export function ScaleSimulator({ client, expectedGrams }: { client: StationClient; expectedGrams: number | null }) {
  const { lang, t } = useLang()
  const [error, setError] = useState<string | null>(null)
  const place = (grams: number) => {
    client.call('scale.simulate', { grams: Math.round(grams) }).then(
      () => setError(null),
      (err: unknown) => setError(toAppError(err).message),
    )
  }
  const buttons: { id: string; label: string; title: string; grams: number | null }[] = [
    { id: 'empty', label: t('sim.empty'), title: '0 kg', grams: 0 },
    { id: 'expected', label: expectedGrams !== null ? formatKg(expectedGrams, lang) : t('sim.expected'), title: t('sim.expected'), grams: expectedGrams },
    { id: 'over', label: '+30%', title: t('sim.over'), grams: expectedGrams !== null ? expectedGrams * 1.3 : null },
    { id: 'fixed', label: formatKg(1250, lang), title: formatKg(1250, lang), grams: 1250 },
  ]
  return (
    <div className="simulator" data-testid="scale-simulator">
      <span className="sim-title">
        <Tx k="sim.title" />
      </span>
      {buttons.map((b) => (
        <button
          key={b.id}
          type="button"
          tabIndex={-1}
          className="sim-button"
          data-testid={`sim-${b.id}`}
          title={b.title}
          disabled={b.grams === null}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => b.grams !== null && place(b.grams)}
        >
          {b.label}
        </button>
      ))}
      {error && <span className="bad small">{error}</span>}
    </div>
  )
}
