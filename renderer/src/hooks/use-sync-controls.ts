import { useCallback, useEffect, useState } from 'react'
import type { ParkedEventView, SyncStatusView } from '../../../shared/contract/views'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'

export type SyncControls = Readonly<{
  status: SyncStatusView | null
  parked: readonly ParkedEventView[]
  problem: SerializedAppError | null
  busy: boolean
  syncNow(): void
  togglePause(): void
}>

/** Settings screen: sync now (F8), pause/resume (F5) and the parked events a supervisor must look at. */
export function useSyncControls(client: StationClient, active: boolean, live: SyncStatusView | null): SyncControls {
  const [parked, setParked] = useState<readonly ParkedEventView[]>([])
  const [status, setStatus] = useState<SyncStatusView | null>(null)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)
  const [busy, setBusy] = useState(false)
  const refresh = useCallback(() => client.call('sync.parked', { limit: 20 }).then(setParked, () => undefined), [client])
  useEffect(() => {
    if (active) void refresh()
  }, [active, refresh, live?.parkedEvents])
  const act = useCallback(
    (task: () => Promise<SyncStatusView>) => {
      setBusy(true)
      task()
        .then(
          (s) => (setStatus(s), setProblem(null), void refresh()),
          (err: unknown) => setProblem(toAppError(err).serialize()),
        )
        .finally(() => setBusy(false))
    },
    [refresh],
  )
  const current = live ?? status
  return {
    status: current,
    parked,
    problem,
    busy,
    syncNow: () => act(() => client.call('sync.now', {})),
    togglePause: () => act(() => client.call('sync.setPaused', { paused: current?.mode !== 'paused' })),
  }
}
