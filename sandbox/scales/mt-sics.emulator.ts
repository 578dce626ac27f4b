import { SerialPort } from 'serialport'

/**
 * A Mettler Toledo MT-SICS balance on one end of a pty (docs/reference/hardware.md §2.2 and
 * "What emulators we need" A.2). Where the document is unsure, the behaviour is an option.
 */
export type MtSicsEmulatorOptions = Readonly<{
  path: string
  /** Display unit; weights are set in grams and shown in this unit. */
  unit?: 'g' | 'kg'
  /** Decimals shown (default 3 for kg, 0 for g). */
  decimals?: number
  /** Right-aligned value field width. [unverified: exact field width, §2.2] */
  padWidth?: number
  /** `S` waits this long for stability, then answers `S I`. [unverified: device-specific] */
  stableTimeoutMs?: number
  /** Repeat interval of `SIR`. */
  sirIntervalMs?: number
  /** Reply to `Z`; `Z A` as success is [unverified] in §2.2, the failures are documented. */
  zeroReply?: 'A' | 'I' | '+' | '-'
  /** What `I4` (and `@`) report as serial number. */
  serialNumber?: string
  /** In-motion readings swing ± this around the weight. */
  motionWobbleGrams?: number
  /** Pause between the pieces of a split reply, so the reader sees separate chunks. */
  splitDelayMs?: number
}>

export type MtSicsEmulator = Readonly<{
  path: string
  /** Puts `grams` (gross) on the pan; `inMotionMs` of dynamic readings come first. */
  setWeight(grams: number, options?: { inMotionMs?: number }): void
  setOverload(): void
  setUnderload(): void
  /** Writes raw bytes to the line now (noise, a torn frame, a garbage line). */
  injectGarbage(bytes: Uint8Array | string): Promise<void>
  /** Replies are written in pieces of `n` bytes (null: whole lines). */
  splitWritesEvery(n: number | null): void
  /** A silent balance reads commands but never answers (watchdog tests). */
  setSilent(silent: boolean): void
  /** The next command is answered with this error instead. */
  failNextCommand(code: 'ES' | 'ET' | 'EL'): void
  /** Every command line received, in order. */
  readonly commands: readonly string[]
  /** How many commands arrived while an earlier one was still unanswered (pipelining). */
  readonly pipelinedCommands: number
  close(): Promise<void>
}>

type Load = { kind: 'weight'; grams: number; motionUntil: number } | { kind: 'overload' } | { kind: 'underload' }

export async function startMtSicsEmulator(options: MtSicsEmulatorOptions): Promise<MtSicsEmulator> {
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? (unit === 'kg' ? 3 : 0)
  const padWidth = options.padWidth ?? 10
  const stableTimeoutMs = options.stableTimeoutMs ?? 3000
  const sirIntervalMs = options.sirIntervalMs ?? 100
  const wobble = options.motionWobbleGrams ?? 15
  const splitDelayMs = options.splitDelayMs ?? 2

  const port = new SerialPort({ path: options.path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))

  let load: Load = { kind: 'weight', grams: 0, motionUntil: 0 }
  let zeroOffset = 0
  let tare = 0
  let swing = 1
  let silent = false
  let splitEvery: number | null = null
  let failNext: 'ES' | 'ET' | 'EL' | null = null
  let unanswered = 0
  let pipelined = 0
  let closed = false
  let sirTimer: ReturnType<typeof setInterval> | undefined
  let inbox = ''
  let writes = Promise.resolve()
  const commands: string[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()

  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => (timers.delete(t), fn()), ms)
    timers.add(t)
  }
  // Not tracked in `timers`: shutDown clears those, and a pending write must still finish.
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

  const rawWrite = (data: Buffer) =>
    new Promise<void>((resolve) => {
      if (closed || !port.isOpen) return resolve()
      port.write(data, () => resolve()) // a write error means the pty is gone; 'close' handles that
    })

  /** Serialised writes, so split pieces of two replies never interleave. */
  const write = (data: Buffer, split: boolean) => {
    writes = writes.then(async () => {
      const piece = split ? splitEvery : null
      if (!piece) return rawWrite(data)
      for (let i = 0; i < data.length && !closed; i += piece) {
        await rawWrite(data.subarray(i, i + piece))
        await pause(splitDelayMs)
      }
    })
    return writes
  }

  const reply = (line: string) => {
    void write(Buffer.from(`${line}\r\n`, 'latin1'), true).then(() => unanswered--)
  }

  const net = () => (load.kind === 'weight' ? load.grams - zeroOffset - tare : 0)
  const stable = () => load.kind !== 'weight' || Date.now() >= load.motionUntil
  const format = (grams: number) => {
    const value = unit === 'kg' ? grams / 1000 : grams
    return `${value.toFixed(decimals).padStart(padWidth)} ${unit}`
  }
  /** The `S S`/`S D`/`S +`/`S -` line for the pan as it is now. */
  const weightLine = () => {
    if (load.kind === 'overload') return 'S +'
    if (load.kind === 'underload') return 'S -'
    if (stable()) return `S S ${format(net())}`
    swing = -swing
    return `S D ${format(net() + swing * wobble)}`
  }

  /** `S` blocks until the weight is stable, or answers `S I` at the deadline (§2.2, §7.8). */
  const answerS = (deadline: number) => {
    if (closed) return
    if (stable()) return reply(weightLine())
    const now = Date.now()
    if (now >= deadline) return reply('S I')
    const motionUntil = load.kind === 'weight' ? load.motionUntil : now
    later(() => answerS(deadline), Math.max(1, Math.min(motionUntil, deadline) - now))
  }

  const stopSir = () => {
    clearInterval(sirTimer)
    sirTimer = undefined
  }

  const handle = (command: string) => {
    commands.push(command)
    // SIR repeats until the next command arrives [unverified: which commands stop it].
    stopSir()
    if (silent) return
    if (unanswered > 0) pipelined++
    unanswered++
    if (failNext) {
      const code = failNext
      failNext = null
      return reply(code)
    }
    switch (command) {
      case 'S':
        return answerS(Date.now() + stableTimeoutMs)
      case 'SI':
        return reply(weightLine())
      case 'SIR':
        reply(weightLine())
        sirTimer = setInterval(() => void write(Buffer.from(`${weightLine()}\r\n`, 'latin1'), true), sirIntervalMs)
        return
      case 'Z': {
        if (load.kind !== 'weight') return reply(load.kind === 'overload' ? 'Z +' : 'Z -')
        const zeroReply = options.zeroReply ?? 'A'
        if (zeroReply === 'A') {
          zeroOffset = load.grams
          tare = 0
        }
        return reply(`Z ${zeroReply}`)
      }
      case 'T':
        if (load.kind !== 'weight') return reply(load.kind === 'overload' ? 'T +' : 'T -')
        tare = load.grams - zeroOffset
        return reply(`T S ${format(tare)}`)
      case '@':
        tare = 0
        return reply(`I4 A "${options.serialNumber ?? '0123456789'}"`)
      case 'I4':
        return reply(`I4 A "${options.serialNumber ?? '0123456789'}"`)
      default:
        // Unknown commands, lower case (§2.2: commands are upper case) and line noise.
        return reply('ES')
    }
  }

  port.on('data', (chunk: Buffer) => {
    inbox += chunk.toString('latin1')
    let end: number
    while ((end = inbox.indexOf('\r\n')) >= 0) {
      const line = inbox.slice(0, end)
      inbox = inbox.slice(end + 2)
      if (line.length > 0) handle(line)
    }
    if (inbox.length > 1024) inbox = '' // a host spewing garbage without CR LF must not grow memory
  })
  const shutDown = () => {
    closed = true
    stopSir()
    for (const t of timers) clearTimeout(t)
    timers.clear()
  }
  port.on('close', shutDown)
  port.on('error', shutDown) // the pty went away (socat killed); nothing left to answer

  return {
    path: options.path,
    setWeight(grams, opts = {}) {
      load = { kind: 'weight', grams, motionUntil: Date.now() + (opts.inMotionMs ?? 0) }
    },
    setOverload() {
      load = { kind: 'overload' }
    },
    setUnderload() {
      load = { kind: 'underload' }
    },
    injectGarbage(bytes) {
      return write(Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes), false)
    },
    splitWritesEvery(n) {
      splitEvery = n !== null && n > 0 ? n : null
    },
    setSilent(value) {
      silent = value
    },
    failNextCommand(code) {
      failNext = code
    },
    get commands() {
      return commands
    },
    get pipelinedCommands() {
      return pipelined
    },
    async close() {
      shutDown()
      await writes
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve())) // already gone is fine
    },
  }
}
