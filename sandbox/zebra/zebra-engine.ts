import { Emitter } from '../../shared/emitter'
import { extendedStatusReply, getvarReply, hostStatusReply, type ZebraCounters, type ZebraState } from './zebra-replies'
import { ZebraStreamScanner, type StreamEvent } from './zebra-stream.scanner'

/**
 * The emulated printer behind any link (TCP 9100, serial): state, the receive buffer, printed
 * formats and the ~HS / ~HQES / getvar answers (docs/reference/hardware.md §3, "What emulators … we need" B).
 * Each link opens a session per connection; formats from every session land in one printer.
 */
export type ZebraEngineOptions = Readonly<{
  /**
   * Stay silent on ~HS while paper-out, head-open or ribbon-out. The current ~HS docs say the
   * printer does not answer then; older manuals do not say so, hence configurable (default false).
   */
  silentWhenFault?: boolean
  /**
   * What happens to a format cut off by a dropped link. Default true: the printer keeps the partial
   * format (~HS "partial format" flag set) until the next ^XA starts over and discards it — ZPL only
   * prints at ^XZ. Whether a given firmware drops it at disconnect instead is not documented in our
   * sources, hence configurable; either way it never prints.
   */
  keepPartialOnDisconnect?: boolean
}>

export type ZebraSession = Readonly<{
  /** Bytes from the host, in order. */
  push(chunk: Buffer): void
  /** The link closed (cleanly or not). */
  close(): void
}>

export class ZebraEngine {
  readonly state: ZebraState = { paperOut: false, headOpen: false, paused: false, ribbonOut: false, labelsRemaining: 0, labelLengthDots: 1200, mute: false }
  /** Printed label formats, ^XA…^XZ, as UTF-8 text, in order. */
  readonly jobs: string[] = []
  /** Received but not printed yet (paused or faulted). */
  readonly queued: string[] = []
  /** Partial formats from dropped links, thrown away when the next ^XA arrived (never printed). */
  readonly discarded: string[] = []
  /** Paper runs out right after this many labels have printed in total (one-shot), or null. */
  paperOutAfterLabels: number | null = null
  private readonly raw: Buffer[] = []
  private held: string | null = null
  private readonly scanners = new Set<ZebraStreamScanner>()
  private readonly received = new Emitter<string>()
  private readonly printed = new Emitter<string>()
  readonly onDidReceiveJob = this.received.event
  readonly onDidPrintJob = this.printed.event

  constructor(private readonly options: ZebraEngineOptions = {}) {}

  get rawBytes(): Buffer {
    return Buffer.concat(this.raw)
  }

  /** True while a partial format from a dropped link is held. */
  get holdsPartialFormat(): boolean {
    return this.held !== null
  }

  setState(patch: Partial<ZebraState>): void {
    Object.assign(this.state, patch)
    this.drain()
  }

  /** One connection's byte stream; `reply` writes back on that same link. */
  openSession(reply: (text: string) => void): ZebraSession {
    const scanner = new ZebraStreamScanner()
    this.scanners.add(scanner)
    return {
      push: (chunk) => {
        this.raw.push(chunk)
        const events = scanner.push(chunk)
        // A new ^XA anywhere starts over: a partial format held from a dropped link is thrown away.
        if (this.held !== null && (scanner.inFormat || events.some((e) => e.kind === 'format'))) this.discardHeld()
        for (const event of events) this.handle(event, reply)
      },
      close: () => {
        if (!this.scanners.delete(scanner)) return
        const partial = scanner.partialFormat
        if (partial === null) return
        if (this.options.keepPartialOnDisconnect ?? true) {
          if (this.held !== null) this.discardHeld()
          this.held = partial
        } else {
          this.discarded.push(Buffer.from(partial, 'latin1').toString('utf8'))
        }
      },
    }
  }

  /** Resolves once at least `count` formats were printed; rejects after `timeoutMs`. */
  waitForJobs(count: number, timeoutMs = 5000): Promise<readonly string[]> {
    if (this.jobs.length >= count) return Promise.resolve(this.jobs)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop()
        reject(new Error(`zebra emulator: ${this.jobs.length} of ${count} jobs printed after ${timeoutMs} ms (${this.queued.length} queued)`))
      }, timeoutMs)
      const stop = this.printed.event(() => {
        if (this.jobs.length < count) return
        clearTimeout(timer)
        stop()
        resolve(this.jobs)
      })
    })
  }

  dispose(): void {
    this.received.dispose()
    this.printed.dispose()
  }

  private discardHeld(): void {
    if (this.held === null) return
    this.discarded.push(Buffer.from(this.held, 'latin1').toString('utf8'))
    this.held = null
  }

  private counters(): ZebraCounters {
    return { formatsInBuffer: this.queued.length, partialFormat: this.held !== null || [...this.scanners].some((s) => s.inFormat) }
  }

  private canPrint(): boolean {
    const s = this.state
    return !(s.paused || s.paperOut || s.headOpen || s.ribbonOut)
  }

  private faulted(): boolean {
    return this.state.paperOut || this.state.headOpen || this.state.ribbonOut
  }

  private drain(): void {
    while (this.canPrint() && this.queued.length > 0) {
      const job = this.queued.shift() as string
      this.jobs.push(job)
      this.printed.fire(job)
      if (this.paperOutAfterLabels !== null && this.jobs.length >= this.paperOutAfterLabels) {
        // The roll ends with this label: what follows waits in the buffer, as on a real printer.
        this.paperOutAfterLabels = null
        this.state.paperOut = true
      }
    }
  }

  private handle(event: StreamEvent, reply: (text: string) => void): void {
    const state = this.state
    if (event.kind === 'format') {
      const job = event.bytes.toString('utf8')
      this.queued.push(job)
      this.received.fire(job)
      this.drain()
      return
    }
    if (event.kind === 'getvar') {
      if (!state.mute) reply(getvarReply(event.name, state, this.counters()))
      return
    }
    switch (event.command) {
      case 'HS':
        if (!state.mute && !(this.options.silentWhenFault && this.faulted())) reply(hostStatusReply(state, this.counters()))
        return
      case 'HQES':
        if (!state.mute) reply(extendedStatusReply(state))
        return
      case 'PS': // ~PS: start printing (leave pause)
        state.paused = false
        this.drain()
        return
      case 'PP': // ~PP: programmable pause
        state.paused = true
        return
      case 'JA': // ~JA: cancel all formats waiting in the buffer
        this.queued.length = 0
        return
    }
  }
}
