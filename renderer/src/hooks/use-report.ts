import { useEffect, useState } from 'react'
import { deskDayStart } from '../../../shared/desk-day'
import type { ReportView } from '../../../shared/contract/views'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'
import type { ReportRange } from './use-desk'

const DAY_MS = 24 * 60 * 60 * 1000

/** The [from, to) window for a range, in UTC ISO (the contract's z.iso.datetime() wants "Z"). */
export function rangeBounds(range: ReportRange, now: Date): { from: string; to: string } {
  const start = deskDayStart(now) // local midnight: "today" is the desk's day, not UTC's
  const days = range === 'today' ? 0 : range === 'week' ? 6 : 29
  return { from: new Date(start.getTime() - days * DAY_MS).toISOString(), to: now.toISOString() }
}

export type ReportState = Readonly<{ report: ReportView | null; error: SerializedAppError | null; loading: boolean }>

/** Loads `reports.summary` for the range (again whenever the range changes). */
export function useReport(client: StationClient, range: ReportRange): ReportState {
  const [state, setState] = useState<ReportState>({ report: null, error: null, loading: true })
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    client
      .call('reports.summary', rangeBounds(range, new Date()))
      .then((report) => live && setState({ report, error: null, loading: false }))
      .catch((err: unknown) => live && setState({ report: null, error: toAppError(err).serialize(), loading: false }))
    return () => {
      live = false
    }
  }, [client, range])
  return state
}
