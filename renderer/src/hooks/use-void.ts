import { useState } from 'react'
import { voidReasonText, VOID_REASONS } from '../../../shared/contract/desk-reasons'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'

/** The shipment the desk shows (the lookup panel, or the packed order's label): the only one a void may touch. */
export type VoidTarget = Readonly<{ orderCode: string; orderNumber: string; shipmentId: string; trackingNumber: string | null }>

export type VoidPrompt = Readonly<{
  target: VoidTarget | null
  reason: number
  busy: boolean
  done: boolean
  problem: SerializedAppError | null
  start(target: VoidTarget): void
  /** A scan in the prompt: a digit 1… picks the reason, anything else is the supervisor's badge. */
  scan(code: string): void
  close(): void
}>

/**
 * F8 on a shown shipment: reason by digit, then a supervisor's badge; the core's shipments.cancel does the
 * rest (badge check, cancel window, carrier, audit, order reopened). Refusals stay in the prompt: outside the
 * window their words name KJIADE, the return path.
 */
export function useVoid(client: StationClient, onVoided: () => void, onClosed: () => void): VoidPrompt {
  const [target, setTarget] = useState<VoidTarget | null>(null)
  const [reason, setReason] = useState(0)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)

  const scan = (code: string) => {
    if (!target || busy || done) return
    if (/^[1-9]$/.test(code)) {
      if (Number(code) <= VOID_REASONS.length) setReason(Number(code) - 1)
      return
    }
    setBusy(true)
    setProblem(null)
    client
      .call('shipments.cancel', { code: target.orderCode, supervisorBadge: code, reason: voidReasonText(reason), shipmentId: target.shipmentId })
      .then(
        () => {
          setDone(true)
          onVoided()
        },
        (err: unknown) => setProblem(toAppError(err).serialize()),
      )
      .finally(() => setBusy(false))
  }
  return {
    target,
    reason,
    busy,
    done,
    problem,
    start: (t) => {
      setTarget(t)
      setReason(0)
      setDone(false)
      setProblem(null)
    },
    scan,
    close: () => {
      setTarget(null)
      onClosed()
    },
  }
}
