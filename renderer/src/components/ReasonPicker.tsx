import type { MessageKey } from '../i18n'
import { Tx } from './Tx'

/**
 * The body of a supervisor prompt (override, void, return): what to scan, how to pick, and the reasons, each picked
 * by its digit; `chosen` is lit. Each reason's row carries `data-testid={testId}` and `data-chosen`.
 */
export function ReasonPicker({
  scan,
  pick,
  reasons,
  chosen,
  testId,
}: {
  scan: MessageKey
  pick: MessageKey
  reasons: readonly MessageKey[]
  chosen: number
  testId: string
}) {
  return (
    <>
      <p className="override-scan">
        <Tx k={scan} sub />
      </p>
      <p className="muted">
        <Tx k={pick} />
      </p>
      <ol className="reason-list">
        {reasons.map((key, i) => (
          <li key={key} className={i === chosen ? 'reason chosen' : 'reason'} data-testid={testId} data-chosen={i === chosen}>
            <kbd className="key">{i + 1}</kbd> <Tx k={key} />
          </li>
        ))}
      </ol>
    </>
  )
}
