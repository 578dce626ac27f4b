import type { EmulatorLine } from './emulator-line'

/** What the display shows right now; `grams` is net of zero and tare, with wobble while moving. */
export type EmulatedPan =
  Readonly<{ kind: 'weight'; grams: number; stable: boolean; tareGrams: number }> | Readonly<{ kind: 'overload' }> | Readonly<{ kind: 'underload' }>

/** What a profile may do to the scale when answering a command. */
export type EmulatorControls = Readonly<{
  pan(): EmulatedPan
  /** Zero: false when the scale cannot (out of range). */
  zero(): boolean
  /** Tare the load on the pan: false when the scale cannot. */
  tare(): boolean
  clearTare(): void
}>

/** What lies on the pan (gross), and until when it still moves. */
export type PanLoad = Readonly<{ kind: 'weight'; grams: number; motionUntil: number }> | Readonly<{ kind: 'overload' }> | Readonly<{ kind: 'underload' }>

export type EmulatedScalePan = EmulatorControls &
  Readonly<{
    load(): PanLoad
    /** Net of zero and tare (0 when out of range). */
    tareGrams(): number
    /** Puts `grams` (gross) on the pan; `inMotionMs` of moving readings come first. */
    setWeight(grams: number, options?: { inMotionMs?: number }): void
    setOverload(): void
    setUnderload(): void
  }>

/** The pan every emulated scale keeps: load, motion (readings swing ± `wobbleGrams`), zero and tare. */
export function createEmulatedPan(wobbleGrams: number): EmulatedScalePan {
  let load: PanLoad = { kind: 'weight', grams: 0, motionUntil: 0 }
  let zeroOffset = 0
  let tare = 0
  let swing = 1
  return {
    load: () => load,
    tareGrams: () => tare,
    pan() {
      if (load.kind !== 'weight') return { kind: load.kind }
      const grams = load.grams - zeroOffset - tare
      if (Date.now() >= load.motionUntil) return { kind: 'weight', grams, stable: true, tareGrams: tare }
      swing = -swing
      return { kind: 'weight', grams: grams + swing * wobbleGrams, stable: false, tareGrams: tare }
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
    setWeight(grams, opts = {}) {
      load = { kind: 'weight', grams, motionUntil: Date.now() + (opts.inMotionMs ?? 0) }
    },
    setOverload() {
      load = { kind: 'overload' }
    },
    setUnderload() {
      load = { kind: 'underload' }
    },
  }
}

/** What a test can do with any emulated serial scale. */
export type EmulatedScale = Readonly<{
  path: string
  /** Puts `grams` (gross) on the pan; `inMotionMs` of moving readings come first. */
  setWeight(grams: number, options?: { inMotionMs?: number }): void
  setOverload(): void
  setUnderload(): void
  /** Writes raw bytes to the line now (noise, a torn frame, a garbage line). */
  injectGarbage(bytes: Uint8Array | string): Promise<void>
  /** Frames and replies are written in pieces of `n` bytes (null: whole). */
  splitWritesEvery(n: number | null): void
  /** A silent scale reads commands but streams and answers nothing (watchdog tests). */
  setSilent(silent: boolean): void
  /** Every command received, in order. */
  readonly commands: readonly string[]
  /** How many commands arrived while an earlier one was still unanswered (pipelining). */
  readonly pipelinedCommands: number
  close(): Promise<void>
}>

/** What the host sent a scale emulator: every command, whether the scale is silent, and pipelining. */
export class HostCommands {
  readonly commands: string[] = []
  silent = false
  /** Commands that arrived while an earlier one was still unanswered. */
  pipelined = 0
  private unanswered = 0

  /** Logs `command`; false when the scale is silent (it then answers nothing). */
  take(command: string): boolean {
    this.commands.push(command)
    if (this.silent) return false
    if (this.unanswered > 0) this.pipelined++
    return true
  }

  /** A reply is owed (the command is being answered). */
  owe(): void {
    this.unanswered++
  }

  /** A reply went out. */
  paid(): void {
    this.unanswered--
  }
}

/**
 * The `EmulatedScale` of a pan, a line and the host's commands, with the emulator's own controls (`extras`, getters
 * kept as getters) on top.
 */
export function scaleControls<X extends object>(path: string, pan: EmulatedScalePan, line: EmulatorLine, host: HostCommands, extras: X): EmulatedScale & X {
  const base: EmulatedScale = {
    path,
    setWeight: pan.setWeight,
    setOverload: pan.setOverload,
    setUnderload: pan.setUnderload,
    injectGarbage: (bytes: Uint8Array | string) => line.write(bytes, false),
    splitWritesEvery: line.splitWritesEvery,
    close: line.close,
    setSilent: (silent) => void (host.silent = silent),
    get commands() {
      return host.commands
    },
    get pipelinedCommands() {
      return host.pipelined
    },
  }
  return Object.defineProperties(base, Object.getOwnPropertyDescriptors(extras)) as EmulatedScale & X
}
