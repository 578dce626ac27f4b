import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands'
import type { EventName, EventPayloads } from '../../../shared/contract/events'
import type { Result } from '../../../shared/errors'
import { unwrapResult } from './envelope'
import { createWsStationClient, readToken } from './ws-station-client'

/** Whether the UI can currently reach the station core. */
export type ConnectionState = Readonly<{ status: 'connecting' | 'open' | 'closed'; detail: string | null }>

/**
 * The renderer's only way to the station core: typed commands and events from shared/contract.
 * `call` unwraps the Result envelope and throws an AppError (code preserved) when the core says no.
 */
export interface StationClient {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void
  /** Connection changes (the Electron bridge is always open). Called once at once with the current state. */
  onConnection(listener: (state: ConnectionState) => void): () => void
  dispose(): void
}

/** What the Electron preload exposes through contextBridge (electron/preload). */
export type KargojetBridge = Readonly<{
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  on(name: string, listener: (payload: unknown) => void): () => void
}>

declare global {
  interface Window {
    kargojet?: KargojetBridge
  }
}

/** Client over the Electron preload bridge (IPC). */
export function createBridgeStationClient(bridge: KargojetBridge): StationClient {
  const open: ConnectionState = { status: 'open', detail: null }
  return {
    async call(name, input) {
      return unwrapResult(await bridge.invoke(name, input))
    },
    on(name, listener) {
      // The core is the trusted side of this boundary; payloads are typed by the contract.
      return bridge.on(name, (payload) => listener(payload as EventPayloads[typeof name]))
    },
    onConnection(listener) {
      listener(open)
      return () => {}
    },
    dispose() {},
  }
}

/** Picks the Electron bridge when present, else the WebSocket of the headless server. */
export function createStationClient(win: Window = window): StationClient {
  if (win.kargojet) return createBridgeStationClient(win.kargojet)
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws'
  const token = readToken(win.document, win.location.search)
  const url = `${scheme}://${win.location.host}/ws?token=${encodeURIComponent(token)}`
  return createWsStationClient({ url })
}
