import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract/commands'
import type { PackingView } from '../../shared/contract/views'
import { eventually } from '../support/wait-for'
import { startServe, type ServeProcess } from '../support/serve-process'
import { connectStation, type WsStationClient } from '../support/ws-client'

/**
 * One desk of a chaos test: a real `station serve` child process on its own data folder and Zebra
 * emulator, driven over the WebSocket contract like a packer would, and SIGKILLed at will.
 */
export type ChaosDesk = {
  id: string
  dir: string
  zebra: ZebraEmulator
  serve: ServeProcess | null
  client: WsStationClient | null
  /** Rejects when this run of the desk dies, so no call waits for an answer that will never come. */
  died: Promise<never> | null
  kills: number
  boots: number
}

export class DeskDied extends Error {
  constructor(id: string) {
    super(`${id} was killed`)
  }
}

export const alive = (d: ChaosDesk) => Boolean(d.serve && d.serve.child.exitCode === null && d.serve.child.signalCode === null)

/** A data folder with station.json (simulated scale, the Zebra emulator, ComToHome, the cloud) for desk `id`. */
export async function createChaosDesk(
  root: string,
  id: string,
  config: { carrierUrl: string; cloudUrl: string; apiKey: string; cloud?: Record<string, unknown> },
): Promise<ChaosDesk> {
  const dir = join(root, id)
  const zebra = await startZebraEmulator()
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'station.json'),
    JSON.stringify({
      demo: true,
      scale: { driver: 'simulated', settleMs: 20, intervalMs: 10 },
      stability: { minStableMs: 20 },
      printer: { uri: zebra.uri, checkStatus: false },
      // The carrier is not under test here: its emulator and the desk's client-side limit (seed 001's
      // 300/min, which would throttle hundreds of packs) are both lifted.
      carriers: { comtohome: { baseUrl: config.carrierUrl, apiKey: 'demo-key' }, limits: { comtohome: { requests: 1_000_000, perMs: 60_000 } } },
      // Speed knobs only: a short pull interval and a low backoff cap, so a desk catches up in seconds.
      cloud: { baseUrl: config.cloudUrl, apiKey: config.apiKey, stationId: id, pullIntervalMs: 250, backoff: { baseMs: 100, maxMs: 1000 }, ...config.cloud },
    }),
  )
  return { id, dir, zebra, serve: null, client: null, died: null, kills: 0, boots: 0 }
}

/** A command to the desk; a kill of the desk rejects it with DeskDied instead of leaving it hanging. */
export function call<K extends CommandName>(d: ChaosDesk, name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  if (!d.client || !d.died) return Promise.reject(new DeskDied(d.id))
  // The client fails a call at once when the socket closes (meta.disconnected): that is the kill too.
  const answer = d.client.call(name, input).catch((err: unknown) => {
    throw (err as { meta?: { disconnected?: boolean } }).meta?.disconnected ? new DeskDied(d.id) : err
  })
  return Promise.race([answer, d.died])
}

/** The next packing view that satisfies `pred` (registered before the command that causes it). */
export function nextView(d: ChaosDesk, pred: (v: PackingView) => boolean, timeoutMs = 30_000): Promise<PackingView> {
  const seen = d.client!.waitForEvent((name, p) => name === 'packing.changed' && pred(p as PackingView), timeoutMs) as Promise<PackingView>
  const explained = seen.catch(async () => {
    const s = await call(d, 'station.getSnapshot', {})
    throw new Error(
      `${d.id}: no such packing view within ${timeoutMs} ms; now ${JSON.stringify({ packing: s.packing, sync: s.sync, scale: s.scale, printer: s.devices.printer })}`,
    )
  })
  explained.catch(() => undefined) // settled by the race below, or too late to matter once the desk died
  const view = Promise.race([explained, d.died!])
  view.catch(() => undefined) // a kill before the caller awaits it is seen by the caller's next command
  return view
}

/** Starts (or restarts) the desk's server and signs the packer in; `first` waits for the first sync round. */
export async function bootDesk(d: ChaosDesk, first = false): Promise<void> {
  const serve = await startServe(['--no-demo', '--data', d.dir])
  d.serve = serve
  d.died = serve.exited.then(() => {
    throw new DeskDied(d.id)
  })
  d.died.catch(() => undefined)
  d.client = await connectStation(serve.url, serve.token)
  d.boots++
  // The first round pulls the config (badges) and every order page, through the faults.
  if (first)
    await eventually(
      () => call(d, 'station.getSnapshot', {}),
      (s) => s.sync.lastSyncAt !== null,
      60_000,
      100,
    )
  await call(d, 'scan.submit', { code: 'P1001', source: 'scanner' })
}

/** Closes every desk (client, server, Zebra emulator), then the other servers, then removes `root`. */
export async function closeChaos(desks: ChaosDesk[], servers: ({ close(): Promise<void> } | null)[], root: string): Promise<void> {
  for (const d of desks) {
    d.client?.close()
    await d.serve?.stop()
    await d.zebra.close()
  }
  for (const s of servers) await s?.close()
  if (root) rmSync(root, { recursive: true, force: true })
}

/** SIGKILLs the desk if it runs; true when it did. */
export function killDesk(d: ChaosDesk): boolean {
  if (!alive(d)) return false
  d.serve!.child.kill('SIGKILL')
  d.kills++
  return true
}

/**
 * The operator looks at the printer for the label whose print outcome is unknown (the first listed,
 * or `jobId`): it is there (printed) or not (print again).
 */
export async function resolveUncertain(d: ChaosDesk, jobId?: string): Promise<PackingView> {
  const packing = (await call(d, 'station.getSnapshot', {})).packing
  const label = packing.unconfirmedLabels?.find((l) => !jobId || l.jobId === jobId) ?? packing.unconfirmedLabels?.[0]
  const marks = [label?.trackingNumber, packing.shipment?.barcode, packing.shipment?.trackingNumber].filter((m): m is string => Boolean(m))
  const printed = marks.some((m) => d.zebra.jobs.some((job) => job.includes(m)))
  return call(d, 'labels.resolveUncertain', { decision: printed ? 'printed' : 'printAgain', ...(label ? { jobId: label.jobId } : {}) })
}

/** Waits (up to 90 s each) until every desk has pushed all its events to the cloud. */
export async function untilOutboxesEmpty(desks: readonly ChaosDesk[]): Promise<void> {
  for (const d of desks)
    await eventually(
      () => call(d, 'station.getSnapshot', {}),
      (s) => s.sync.pendingEvents === 0,
      90_000,
      200,
    )
}
