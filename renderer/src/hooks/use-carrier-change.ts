import { useState } from 'react'
import type { CarrierChangeOptionView, CarrierChangeView } from '../../../shared/contract/carrier-change'
import { CARRIER_CHANGE_REASONS } from '../../../shared/contract/desk-reasons'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'
import { useCtrlKey } from './use-ctrl-key'

/** pick: a row by its key; reason: why, by digit; badge: a supervisor's badge; done: taken (the next scan closes it and is work again). */
export type CarrierChangeStage = 'pick' | 'reason' | 'badge' | 'done'

export type CarrierChangePrompt = Readonly<{
  view: CarrierChangeView | null
  stage: CarrierChangeStage
  row: CarrierChangeOptionView | null
  reason: number | null
  busy: boolean
  problem: SerializedAppError | null
  /** A scan in the prompt: the row's key, then the reason's digit, then the badge. */
  scan(code: string): void
  close(): void
}>

/**
 * The carrier prompt (Ctrl+K while the order's items are counted and nothing is bought): the core's comparison
 * (packing.carrierOptions) keyed 1…N as on the comparison panel; the packer takes a row by its key, a dearer one
 * with a reason by digit, one above the station's limit with a supervisor's badge too; packing.changeCarrier judges
 * it again and audits it. Refusals stay in the prompt. `onPassOn` gets the scan that closes a finished prompt.
 */
export function useCarrierChange(client: StationClient, enabled: boolean, onPassOn: (code: string) => void, onClosed: () => void): CarrierChangePrompt {
  const [view, setView] = useState<CarrierChangeView | null>(null)
  const [stage, setStage] = useState<CarrierChangeStage>('pick')
  const [row, setRow] = useState<CarrierChangeOptionView | null>(null)
  const [reason, setReason] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)

  const fail = (err: unknown) => setProblem(toAppError(err).serialize())
  const close = () => {
    setView(null)
    onClosed()
  }

  useCtrlKey('k', enabled, () => {
    setStage('pick')
    setRow(null)
    setReason(null)
    setProblem(null)
    client.call('packing.carrierOptions', {}).then(setView, (err: unknown) => {
      // Not now (nothing counted yet, or the label bought): the prompt opens to say so.
      setView({ orderNumber: '', suggested: null, rows: [] })
      fail(err)
    })
  })

  const submit = (r: CarrierChangeOptionView, why: number | null, supervisorBadge: string | null) => {
    setBusy(true)
    setProblem(null)
    const reasonKey = why === null ? null : (CARRIER_CHANGE_REASONS[why] ?? null)
    client
      .call('packing.changeCarrier', { carrierId: r.option.carrierId, serviceCode: r.option.serviceCode, reason: reasonKey, supervisorBadge })
      .then((next) => {
        setView(next)
        setStage('done')
      }, fail)
      .finally(() => setBusy(false))
  }

  const scan = (code: string) => {
    if (!view || busy) return
    if (stage === 'done') {
      close()
      return onPassOn(code)
    }
    const digit = /^[1-9]$/.test(code) ? Number(code) : null
    if (stage === 'pick') {
      const r = digit === null ? undefined : view.rows.find((x) => x.key === digit)
      if (!r) return
      setRow(r)
      setProblem(null)
      if (r.need === 'none' || r.need === 'refused') return submit(r, null, null) // the core says why a refused one is
      return setStage('reason')
    }
    if (stage === 'reason' || (stage === 'badge' && digit !== null)) {
      if (digit === null || digit > CARRIER_CHANGE_REASONS.length) return
      setReason(digit - 1)
      if (row?.need === 'reason') return submit(row, digit - 1, null)
      return setStage('badge')
    }
    if (stage === 'badge' && row) submit(row, reason, code)
  }

  return { view, stage, row, reason, busy, problem, scan, close }
}
