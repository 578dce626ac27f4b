import { createServer, type Socket } from 'node:net'
import { Emitter, type Unsubscribe } from '../../shared/emitter'
import { extendedStatusReply, getvarReply, hostStatusReply, type ZebraState } from './zebra-replies'
import { ZebraStreamScanner, type StreamEvent } from './zebra-stream.scanner'

/**
 * A Zebra ZPL printer on raw TCP (hardware.md §3, "What emulators … we need" B). It keeps every
 * byte, splits formats at ^XA…^XZ, answers ~HS / ~HQES / SGD getvar from its state, and — like a
 * real printer — buffers formats while paused, paper-out, head-open or ribbon-out, printing them
 * when the condition clears.
 */
export type ZebraEmulatorOptions = Readonly<{
  port?: number
  host?: string
  /**
   * Stay silent on ~HS while paper-out, head-open or ribbon-out. The current ~HS docs say the
   * printer does not answer then; older manuals do not say so, hence configurable (default false).
   */
  silentWhenFault?: boolean
  /** Write every reply in pieces of this many bytes (exercises reply reassembly). */
  replyChunkBytes?: number
}>

export type ZebraStatePatch = Partial<Pick<ZebraState, 'paperOut' | 'headOpen' | 'paused' | 'ribbonOut' | 'labelsRemaining' | 'labelLengthDots' | 'mute'>>

export type ZebraEmulator = Readonly<{
  port: number
  uri: string
  /** Printed label formats, ^XA…^XZ, as UTF-8 text, in order. */
  jobs: readonly string[]
  /** Received but not printed yet (printer paused or faulted). */
  queued: readonly string[]
  /** Every byte received on any connection, in arrival order. */
  readonly rawBytes: Buffer
  readonly state: Readonly<ZebraState>
  setState(patch: ZebraStatePatch): void
  /** Fires for every complete format as it arrives (printed or queued). */
  onDidReceiveJob(listener: (job: string) => void): Unsubscribe
  onDidPrintJob(listener: (job: string) => void): Unsubscribe
  /** Resolves once at least `count` formats were printed; rejects after `timeoutMs`. */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly string[]>
  close(): Promise<void>
}>

export async function startZebraEmulator(options: ZebraEmulatorOptions = {}): Promise<ZebraEmulator> {
  const host = options.host ?? '127.0.0.1'
  const state: ZebraState = { paperOut: false, headOpen: false, paused: false, ribbonOut: false, labelsRemaining: 0, labelLengthDots: 1200, mute: false }
  const jobs: string[] = []
  const queued: string[] = []
  const raw: Buffer[] = []
  const received = new Emitter<string>()
  const printed = new Emitter<string>()
  const connections = new Map<Socket, ZebraStreamScanner>()

  const canPrint = () => !(state.paused || state.paperOut || state.headOpen || state.ribbonOut)
  const counters = () => ({ formatsInBuffer: queued.length, partialFormat: [...connections.values()].some((s) => s.inFormat) })
  const faulted = () => state.paperOut || state.headOpen || state.ribbonOut

  const drain = () => {
    while (canPrint() && queued.length > 0) {
      const job = queued.shift() as string
      jobs.push(job)
      printed.fire(job)
    }
  }

  const reply = (socket: Socket, text: string) => {
    const bytes = Buffer.from(text, 'latin1')
    const size = options.replyChunkBytes ?? bytes.length
    const writeFrom = (offset: number): void => {
      if (offset >= bytes.length || socket.destroyed) return
      socket.write(bytes.subarray(offset, offset + size))
      setImmediate(() => writeFrom(offset + size))
    }
    writeFrom(0)
  }

  const handle = (socket: Socket, event: StreamEvent) => {
    if (event.kind === 'format') {
      const job = event.bytes.toString('utf8')
      queued.push(job)
      received.fire(job)
      drain()
      return
    }
    if (event.kind === 'getvar') {
      if (!state.mute) reply(socket, getvarReply(event.name, state, counters()))
      return
    }
    switch (event.command) {
      case 'HS':
        if (!state.mute && !(options.silentWhenFault && faulted())) reply(socket, hostStatusReply(state, counters()))
        return
      case 'HQES':
        if (!state.mute) reply(socket, extendedStatusReply(state))
        return
      case 'PS': // ~PS: start printing (leave pause)
        state.paused = false
        drain()
        return
      case 'PP': // ~PP: programmable pause
        state.paused = true
        return
      case 'JA': // ~JA: cancel all formats waiting in the buffer
        queued.length = 0
        return
    }
  }

  const server = createServer((socket) => {
    socket.setNoDelay(true)
    const scanner = new ZebraStreamScanner()
    connections.set(socket, scanner)
    socket.on('data', (chunk: Buffer) => {
      raw.push(chunk)
      for (const event of scanner.push(chunk)) handle(socket, event)
    })
    // A client that drops the connection mid-job: nothing to answer, the partial format is dropped.
    socket.on('error', () => undefined)
    socket.on('close', () => connections.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0

  return {
    port,
    uri: `tcp://${host}:${port}`,
    jobs,
    queued,
    get rawBytes() {
      return Buffer.concat(raw)
    },
    get state() {
      return { ...state }
    },
    setState(patch) {
      Object.assign(state, patch)
      drain()
    },
    onDidReceiveJob: received.event,
    onDidPrintJob: printed.event,
    waitForJobs(count, timeoutMs = 5000) {
      if (jobs.length >= count) return Promise.resolve(jobs)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stop()
          reject(new Error(`zebra emulator: ${jobs.length} of ${count} jobs printed after ${timeoutMs} ms (${queued.length} queued)`))
        }, timeoutMs)
        const stop = printed.event(() => {
          if (jobs.length < count) return
          clearTimeout(timer)
          stop()
          resolve(jobs)
        })
      })
    },
    async close() {
      for (const socket of connections.keys()) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      received.dispose()
      printed.dispose()
    },
  }
}
