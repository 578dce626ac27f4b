import { createEmulatedPan, HostCommands, scaleControls, type EmulatedScale } from './emulated-pan'
import { openEmulatorLine } from './emulator-line'

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

export type MtSicsEmulator = EmulatedScale &
  Readonly<{
    /** The next command is answered with this error instead. */
    failNextCommand(code: 'ES' | 'ET' | 'EL'): void
  }>

export async function startMtSicsEmulator(options: MtSicsEmulatorOptions): Promise<MtSicsEmulator> {
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? (unit === 'kg' ? 3 : 0)
  const padWidth = options.padWidth ?? 10
  const stableTimeoutMs = options.stableTimeoutMs ?? 3000
  const sirIntervalMs = options.sirIntervalMs ?? 100
  const pan = createEmulatedPan(options.motionWobbleGrams ?? 15)
  const host = new HostCommands()
  let failNext: 'ES' | 'ET' | 'EL' | null = null
  let sirTimer: ReturnType<typeof setInterval> | undefined
  let inbox = ''
  const timers = new Set<ReturnType<typeof setTimeout>>()

  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => (timers.delete(t), fn()), ms)
    timers.add(t)
  }
  const stopSir = () => {
    clearInterval(sirTimer)
    sirTimer = undefined
  }
  const line = await openEmulatorLine({
    path: options.path,
    splitDelayMs: options.splitDelayMs ?? 2,
    onData(text) {
      inbox += text
      let end: number
      while ((end = inbox.indexOf('\r\n')) >= 0) {
        const command = inbox.slice(0, end)
        inbox = inbox.slice(end + 2)
        if (command.length > 0) handle(command)
      }
      if (inbox.length > 1024) inbox = '' // a host spewing garbage without CR LF must not grow memory
    },
    onShutDown() {
      stopSir()
      for (const t of timers) clearTimeout(t)
      timers.clear()
    },
  })

  const reply = (text: string) => {
    void line.write(`${text}\r\n`, true).then(() => host.paid())
  }

  const format = (grams: number) => {
    const value = unit === 'kg' ? grams / 1000 : grams
    return `${value.toFixed(decimals).padStart(padWidth)} ${unit}`
  }
  const stable = () => {
    const load = pan.load()
    return load.kind !== 'weight' || Date.now() >= load.motionUntil
  }
  /** The `S S`/`S D`/`S +`/`S -` line for the pan as it is now. */
  const weightLine = () => {
    const now = pan.pan()
    if (now.kind === 'overload') return 'S +'
    if (now.kind === 'underload') return 'S -'
    return `S ${now.stable ? 'S' : 'D'} ${format(now.grams)}`
  }

  /** `S` blocks until the weight is stable, or answers `S I` at the deadline (§2.2, §7.8). */
  const answerS = (deadline: number) => {
    if (line.closed) return
    if (stable()) return reply(weightLine())
    const now = Date.now()
    if (now >= deadline) return reply('S I')
    const load = pan.load()
    const motionUntil = load.kind === 'weight' ? load.motionUntil : now
    later(() => answerS(deadline), Math.max(1, Math.min(motionUntil, deadline) - now))
  }

  const handle = (command: string) => {
    const live = host.take(command)
    // SIR repeats until the next command arrives [unverified: which commands stop it].
    stopSir()
    if (!live) return
    host.owe()
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
        sirTimer = setInterval(() => void line.write(`${weightLine()}\r\n`, true), sirIntervalMs)
        return
      case 'Z': {
        const load = pan.load()
        if (load.kind !== 'weight') return reply(load.kind === 'overload' ? 'Z +' : 'Z -')
        const zeroReply = options.zeroReply ?? 'A'
        if (zeroReply === 'A') pan.zero()
        return reply(`Z ${zeroReply}`)
      }
      case 'T': {
        const load = pan.load()
        if (load.kind !== 'weight') return reply(load.kind === 'overload' ? 'T +' : 'T -')
        pan.tare()
        return reply(`T S ${format(pan.tareGrams())}`)
      }
      case '@':
        pan.clearTare()
        return reply(`I4 A "${options.serialNumber ?? '0123456789'}"`)
      case 'I4':
        return reply(`I4 A "${options.serialNumber ?? '0123456789'}"`)
      default:
        // Unknown commands, lower case (§2.2: commands are upper case) and line noise.
        return reply('ES')
    }
  }

  return scaleControls(options.path, pan, line, host, {
    failNextCommand(code: 'ES' | 'ET' | 'EL') {
      failNext = code
    },
  })
}
