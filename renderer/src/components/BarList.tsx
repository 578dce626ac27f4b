import type { ReactNode } from 'react'

export type Bar = Readonly<{ id: string; label: string; value: number; valueText: string; extra?: ReactNode }>

/** Horizontal bars in plain CSS: good enough to see a carrier mix or who packed what at a glance. */
export function BarList({ bars, empty, testId }: { bars: readonly Bar[]; empty: ReactNode; testId?: string }) {
  if (bars.length === 0) return <p className="muted">{empty}</p>
  const max = Math.max(...bars.map((b) => b.value), 1)
  return (
    <ul className="bars" data-testid={testId}>
      {bars.map((b) => (
        <li key={b.id} className="bar-row" data-id={b.id} data-value={b.value}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track">
            <span className="bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{b.valueText}</span>
          {b.extra !== undefined && <span className="bar-extra">{b.extra}</span>}
        </li>
      ))}
    </ul>
  )
}
