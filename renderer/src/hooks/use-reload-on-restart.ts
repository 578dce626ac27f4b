import { useEffect } from 'react'
import type { StationClient } from '../lib/station-client'

const FAILURES_BEFORE_PROBE = 3
const MIN_RELOAD_INTERVAL_MS = 30_000
const LAST_RELOAD_KEY = 'kargojet.lastAutoReload'

/**
 * Headless server only: a restarted server issues a new WebSocket token, so the page's old token
 * is refused for good. When the socket keeps failing but the server answers /healthz, reload the
 * page to pick up the new token (at most once per 30 s, so a misconfiguration cannot loop).
 * All state lives in the core; a reload loses nothing but the half-typed scan.
 */
export function useReloadOnServerRestart(client: StationClient, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let failures = 0
    let probing = false
    return client.onConnection((c) => {
      if (c.status === 'open') failures = 0
      if (c.status !== 'closed' || ++failures < FAILURES_BEFORE_PROBE || probing) return
      const last = Number(sessionStorage.getItem(LAST_RELOAD_KEY) ?? '0')
      if (Date.now() - last < MIN_RELOAD_INTERVAL_MS) return
      probing = true
      fetch('./healthz', { cache: 'no-store' })
        .then((res) => {
          if (!res.ok) return
          sessionStorage.setItem(LAST_RELOAD_KEY, String(Date.now()))
          location.reload()
        })
        .catch(() => undefined) // server still down: the backoff keeps trying
        .finally(() => {
          probing = false
        })
    })
  }, [client, enabled])
}
