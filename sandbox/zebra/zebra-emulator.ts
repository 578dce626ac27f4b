import { createServer, type Socket } from 'node:net'
import type { Unsubscribe } from '../../shared/emitter'
import { ZebraEngine, type ZebraSession } from './zebra-engine'
import type { ZebraState } from './zebra-replies'
import { listenTcp } from '../common/listen-tcp'

/**
 * A Zebra ZPL printer on raw TCP (docs/reference/hardware.md §3, "What emulators … we need" B). It keeps every
 * byte, splits formats at ^XA…^XZ, answers ~HS / ~HQES / SGD getvar from its state, and — like a
 * real printer — buffers formats while paused, paper-out, head-open or ribbon-out, printing them
 * when the condition clears. Link faults: slow accept (back-pressure) and a dropped connection.
 */
export type ZebraFaults = {
  /**
   * Slow accept: read at most this many bytes per second from each connection, so the kernel
   * buffers fill and the sender meets back-pressure (a printer busy rendering). Null: full speed.
   */
  acceptBytesPerSecond: number | null
  /**
   * Dropped connection: once a connection has delivered this many bytes, the printer takes only
   * those and resets the link (RST), leaving the format partial. One-shot; null: off.
   */
  dropAfterBytes: number | null
  /** Paper runs out right after this many labels have printed in total (one-shot); null: off. */
  paperOutAfterLabels: number | null
}

export type ZebraEmulatorOptions = Readonly<{
  port?: number
  host?: string
  /** See ZebraEngineOptions.silentWhenFault. */
  silentWhenFault?: boolean
  /** See ZebraEngineOptions.keepPartialOnDisconnect. */
  keepPartialOnDisconnect?: boolean
  /** Write every reply in pieces of this many bytes (exercises reply reassembly). */
  replyChunkBytes?: number
  faults?: Partial<ZebraFaults>
}>

export type ZebraStatePatch = Partial<Pick<ZebraState, 'paperOut' | 'headOpen' | 'paused' | 'ribbonOut' | 'labelsRemaining' | 'labelLengthDots' | 'mute'>>

export type ZebraEmulator = Readonly<{
  port: number
  uri: string
  /** Printed label formats, ^XA…^XZ, as UTF-8 text, in order. */
  jobs: readonly string[]
  /** Received but not printed yet (printer paused or faulted). */
  queued: readonly string[]
  /** Partial formats cut off by a dropped link and thrown away (never printed). */
  discarded: readonly string[]
  /** True while a partial format from a dropped link is held (~HS partial-format flag). */
  readonly holdsPartialFormat: boolean
  /** Every byte received on any connection, in arrival order. */
  readonly rawBytes: Buffer
  readonly state: Readonly<ZebraState>
  /** Connections accepted so far (print jobs and status queries alike). */
  readonly connections: number
  setState(patch: ZebraStatePatch): void
  setFaults(patch: Partial<ZebraFaults>): void
  /** Fires for every complete format as it arrives (printed or queued). */
  onDidReceiveJob(listener: (job: string) => void): Unsubscribe
  onDidPrintJob(listener: (job: string) => void): Unsubscribe
  /** Resolves once at least `count` formats were printed; rejects after `timeoutMs`. */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly string[]>
  close(): Promise<void>
}>

export async function startZebraEmulator(options: ZebraEmulatorOptions = {}): Promise<ZebraEmulator> {
  const host = options.host ?? '127.0.0.1'
  const engine = new ZebraEngine({ silentWhenFault: options.silentWhenFault, keepPartialOnDisconnect: options.keepPartialOnDisconnect })
  const faults: ZebraFaults = { acceptBytesPerSecond: null, dropAfterBytes: null, paperOutAfterLabels: null }
  const setFaults = (patch: Partial<ZebraFaults>) => {
    Object.assign(faults, patch)
    if (patch.paperOutAfterLabels !== undefined) engine.paperOutAfterLabels = patch.paperOutAfterLabels
  }
  setFaults(options.faults ?? {})
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let accepted = 0

  const replier = (socket: Socket) => (text: string) => {
    const bytes = Buffer.from(text, 'latin1')
    const size = options.replyChunkBytes ?? bytes.length
    const writeFrom = (offset: number): void => {
      if (offset >= bytes.length || socket.destroyed) return
      socket.write(bytes.subarray(offset, offset + size))
      setImmediate(() => writeFrom(offset + size))
    }
    writeFrom(0)
  }

  const server = createServer((socket) => {
    accepted++
    socket.setNoDelay(true)
    sockets.add(socket)
    const session: ZebraSession = engine.openSession(replier(socket))
    let receivedBytes = 0
    socket.on('data', (chunk: Buffer) => {
      const drop = faults.dropAfterBytes
      if (drop !== null && receivedBytes + chunk.length >= drop) {
        faults.dropAfterBytes = null
        session.push(chunk.subarray(0, Math.max(0, drop - receivedBytes)))
        session.close()
        // RST, not FIN: the host must not mistake this for a printer that took the job.
        socket.resetAndDestroy()
        return
      }
      receivedBytes += chunk.length
      session.push(chunk)
      const rate = faults.acceptBytesPerSecond
      if (rate !== null && rate > 0) {
        socket.pause()
        const timer = setTimeout(
          () => {
            timers.delete(timer)
            if (!socket.destroyed) socket.resume()
          },
          Math.ceil((chunk.length / rate) * 1000),
        )
        timers.add(timer)
      }
    })
    // A client that drops the connection mid-job: nothing to answer; the engine keeps the partial format.
    socket.on('error', () => undefined)
    socket.on('close', () => {
      sockets.delete(socket)
      session.close()
    })
  })

  const port = await listenTcp(server, options.port ?? 0, host)

  return {
    port,
    uri: `tcp://${host}:${port}`,
    jobs: engine.jobs,
    queued: engine.queued,
    discarded: engine.discarded,
    get holdsPartialFormat() {
      return engine.holdsPartialFormat
    },
    get rawBytes() {
      return engine.rawBytes
    },
    get state() {
      return { ...engine.state }
    },
    get connections() {
      return accepted
    },
    setState: (patch) => engine.setState(patch),
    setFaults,
    onDidReceiveJob: engine.onDidReceiveJob,
    onDidPrintJob: engine.onDidPrintJob,
    waitForJobs: (count, timeoutMs) => engine.waitForJobs(count, timeoutMs),
    async close() {
      for (const timer of timers) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      engine.dispose()
    },
  }
}
