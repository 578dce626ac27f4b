import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeviceStatusView, PackingView, ScaleView, StationSnapshot, SyncStatusView } from '../../../shared/contract/views'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { ConnectionState, StationClient } from '../lib/station-client'

export type ScaleState = Readonly<{ view: ScaleView; receivedAt: number }>

export type StationState = Readonly<{
  connection: ConnectionState
  snapshot: StationSnapshot | null
  packing: PackingView | null
  /** Bumped on every new PackingView (event, reply or snapshot): tells "newer than" apart. */
  packingSeq: number
  scale: ScaleState | null
  devices: DeviceStatusView | null
  sync: SyncStatusView | null
  /** Why the snapshot could not be loaded (shown on the loading screen). */
  loadError: SerializedAppError | null
}>

export type Station = StationState &
  Readonly<{
    /** Shows a PackingView returned by a command (the same view also arrives as `packing.changed`). */
    applyView(view: PackingView): void
    /** Reloads the snapshot; resolves to it (null when it could not be loaded). */
    refresh(): Promise<StationSnapshot | null>
    /** The newest packingSeq, including views not rendered yet. */
    currentSeq(): number
  }>

/**
 * Live station state: the snapshot at (re)connect, then the pushed events. Local receive time is
 * kept for scale readings so "stale" does not depend on the two clocks agreeing.
 */
export function useStation(client: StationClient): Station {
  const [state, setState] = useState<StationState>({
    connection: { status: 'connecting', detail: null },
    snapshot: null,
    packing: null,
    packingSeq: 0,
    scale: null,
    devices: null,
    sync: null,
    loadError: null,
  })

  const seq = useRef(0)

  const refresh = useCallback(async () => {
    try {
      const snap = await client.call('station.getSnapshot', {})
      // Numbered now, not inside the updater: React runs updaters later (and may rerun them), so a
      // view event queued meanwhile would otherwise end with a packingSeq behind currentSeq(), and
      // every later command error would count as already superseded and stay hidden.
      const packingSeq = ++seq.current
      setState((s) => ({
        ...s,
        snapshot: snap,
        packing: snap.packing,
        packingSeq,
        scale: { view: snap.scale, receivedAt: Date.now() },
        devices: snap.devices,
        sync: snap.sync,
        loadError: null,
      }))
      return snap
    } catch (err) {
      setState((s) => ({ ...s, loadError: toAppError(err).serialize() }))
      return null
    }
  }, [client])

  const applyView = useCallback((packing: PackingView) => {
    const packingSeq = ++seq.current
    setState((s) => ({ ...s, packing, packingSeq }))
  }, [])
  const currentSeq = useCallback(() => seq.current, [])

  useEffect(() => {
    const offs = [
      client.onConnection((connection) => {
        setState((s) => ({ ...s, connection }))
        // Anything may have changed while we were away: start again from a snapshot.
        if (connection.status === 'open') void refresh()
      }),
      client.on('packing.changed', applyView),
      client.on('scale.reading', (view) => setState((s) => ({ ...s, scale: { view, receivedAt: Date.now() } }))),
      client.on('devices.statusChanged', (devices) => setState((s) => ({ ...s, devices }))),
      client.on('sync.statusChanged', (sync) => setState((s) => ({ ...s, sync }))),
    ]
    return () => offs.forEach((off) => off())
  }, [client, refresh, applyView])

  return { ...state, applyView, refresh, currentSeq }
}
