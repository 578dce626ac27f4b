import { SerialPort } from 'serialport'

/**
 * A serial scale on one end of a pty, with a pluggable protocol profile (docs/reference/
 * hardware.md "What emulators we need" A.2). The core keeps the pan (weight, motion, zero, tare,
 * overload) and the faults every protocol shares: line noise, garbage bytes, frames split into
 * pieces, silence. A profile only encodes frames and answers commands. MT-SICS has its own
 * emulator (mt-sics.emulator.ts).
 */

/** What the display shows right now; `grams` is net of zero and tare, with wobble while moving. */
export type EmulatedPan =
  | Readonly<{ kind: 'weight'; grams: number; stable: boolean; tareGrams: number }>
  | Readonly<{ kind: 'overload' }>
  | Readonly<{ kind: 'underload' }>

/** What a profile may do to the scale when answering a command. */
export type EmulatorControls = Readonly<{
  pan(): EmulatedPan
  /** Zero: false when the scale cannot (out of range). */
  zero(): boolean
  /** Tare the load on the pan: false when the scale cannot. */
  tare(): boolean
  clearTare(): void
}>

export type ScaleEmulatorProfile = Readonly<{
  name: string
  mode: 'continuous' | 'request'
  /** Continuous: time between frames. */
  intervalMs?: number
  /** The frame for the pan as it is: streamed (continuous) or used by `answer` (request). */
  frame(pan: EmulatedPan): string
  /** Request: cuts the complete commands out of what arrived; the rest waits for more bytes. */
  takeCommands?(inbox: string): { commands: string[]; rest: string }
  /** Request: the reply to one command, or null for none. */
  answer?(command: string, scale: EmulatorControls): string | null
}>

export type SerialScaleEmulatorOptions = Readonly<{
  path: string
  profile: ScaleEmulatorProfile
  /** In-motion readings swing ± this around the weight. */
  motionWobbleGrams?: number
  /** Pause between the pieces of a split frame, so the reader sees separate chunks. */
  splitDelayMs?: number
}>

export type NoiseOptions = Readonly<{
  /** Garbage goes in front of every n-th frame or reply. */
  everyFrames: number
  bytes?: Uint8Array | string
}>

export type SerialScaleEmulator = Readonly<{
  path: string
  /** Puts `grams` (gross) on the pan; `inMotionMs` of moving readings come first. */
  setWeight(grams: number, options?: { inMotionMs?: number }): void
  setOverload(): void
  setUnderload(): void
  /** Writes raw bytes to the line now (noise, a torn frame, a garbage line). */
  injectGarbage(bytes: Uint8Array | string): Promise<void>
  /** Line noise in front of frames (null: none). */
  setNoise(noise: NoiseOptions | null): void
  /** Frames are written in pieces of `n` bytes (null: whole frames). */
  splitWritesEvery(n: number | null): void
  /** A silent scale streams nothing and answers nothing (watchdog tests). */
  setSilent(silent: boolean): void
  /** Every command received, in order (request profiles). */
  readonly commands: readonly string[]
  /** Commands that arrived while an earlier one was still unanswered (pipelining). */
  readonly pipelinedCommands: number
  readonly framesSent: number
  close(): Promise<void>
}>

type Load = { kind: 'weight'; grams: number; motionUntil: number } | { kind: 'overload' } | { kind: 'underload' }

const defaultNoise = Uint8Array.from([0x00, 0xff, 0x13, 0x23, 0x78, 0x0d])

export async function startSerialScaleEmulator(options: SerialScaleEmulatorOptions): Promise<SerialScaleEmulator> {
  const { profile } = options
  const wobble = options.motionWobbleGrams ?? 15
  const splitDelayMs = options.splitDelayMs ?? 2
  const port = new SerialPort({ path: options.path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))

  let load: Load = { kind: 'weight', grams: 0, motionUntil: 0 }
  let zeroOffset = 0
  let tare = 0
  let swing = 1
  let silent = false
  let closed = false
  let splitEvery: number | null = null
  let noise: NoiseOptions | null = null
  let framesSent = 0
  let unanswered = 0
  let pipelined = 0
  let inbox = ''
  let writes = Promise.resolve()
  const commands: string[] = []

  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
  const rawWrite = (data: Buffer) =>
    new Promise<void>((resolve) => {
      if (closed || !port.isOpen) return resolve()
      port.write(data, () => resolve()) // a write error means the pty is gone; 'close' handles that
    })
  const toBuffer = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data))

  /** Serialised writes, so pieces of two frames never interleave. */
  const write = (data: Buffer, split: boolean) => {
    writes = writes.then(async () => {
      const piece = split ? splitEvery : null
      if (!piece) return rawWrite(data)
      for (let i = 0; i < data.length && !closed; i += piece) {
        if (i > 0) await pause(splitDelayMs)
        await rawWrite(data.subarray(i, i + piece))
      }
    })
    return writes
  }

  /** A frame (or reply), with line noise in front of every n-th one when asked. */
  const send = (frame: string) => {
    framesSent++
    if (noise && framesSent % noise.everyFrames === 0) void write(toBuffer(noise.bytes ?? defaultNoise), false)
    return write(toBuffer(frame), true)
  }

  const controls: EmulatorControls = {
    pan() {
      if (load.kind !== 'weight') return { kind: load.kind }
      const grams = load.grams - zeroOffset - tare
      if (Date.now() >= load.motionUntil) return { kind: 'weight', grams, stable: true, tareGrams: tare }
      swing = -swing
      return { kind: 'weight', grams: grams + swing * wobble, stable: false, tareGrams: tare }
    },
    zero() {
      if (load.kind !== 'weight') return false
      zeroOffset = load.grams
      tare = 0
      return true
    },
    tare() {
      if (load.kind !== 'weight') return false
      tare = load.grams - zeroOffset
      return true
    },
    clearTare() {
      tare = 0
    },
  }

  const stream =
    profile.mode === 'continuous'
      ? setInterval(() => {
          if (!silent && !closed) void send(profile.frame(controls.pan()))
        }, profile.intervalMs ?? 100)
      : undefined

  const handle = (command: string) => {
    commands.push(command)
    if (silent) return
    if (unanswered > 0) pipelined++
    const reply = profile.answer?.(command, controls) ?? null
    if (reply === null) return
    unanswered++
    void send(reply).then(() => unanswered--)
  }

  port.on('data', (chunk: Buffer) => {
    if (!profile.takeCommands) return // continuous scales ignore the host
    inbox += chunk.toString('latin1')
    const { commands: complete, rest } = profile.takeCommands(inbox)
    inbox = rest.length > 1024 ? '' : rest // a host spewing garbage must not grow memory
    for (const command of complete) handle(command)
  })
  const shutDown = () => {
    closed = true
    clearInterval(stream)
  }
  port.on('close', shutDown)
  port.on('error', shutDown) // the pty went away (socat killed); nothing left to send

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
      return write(toBuffer(bytes), false)
    },
    setNoise(value) {
      noise = value
    },
    splitWritesEvery(n) {
      splitEvery = n !== null && n > 0 ? n : null
    },
    setSilent(value) {
      silent = value
    },
    get commands() {
      return commands
    },
    get pipelinedCommands() {
      return pipelined
    },
    get framesSent() {
      return framesSent
    },
    async close() {
      shutDown()
      await writes
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve())) // already gone is fine
    },
  }
}
