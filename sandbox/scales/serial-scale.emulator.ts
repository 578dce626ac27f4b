import { createEmulatedPan, HostCommands, scaleControls, type EmulatedPan, type EmulatedScale, type EmulatorControls } from './emulated-pan'
import { openEmulatorLine } from './emulator-line'

/**
 * A serial scale on one end of a pty, with a pluggable protocol profile (docs/reference/
 * hardware.md "What emulators we need" A.2). The core keeps the pan (weight, motion, zero, tare,
 * overload) and the faults every protocol shares: line noise, garbage bytes, frames split into
 * pieces, silence. A profile only encodes frames and answers commands. MT-SICS has its own
 * emulator (mt-sics.emulator.ts).
 */

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

export type SerialScaleEmulator = EmulatedScale &
  Readonly<{
    /** Line noise in front of frames (null: none). */
    setNoise(noise: NoiseOptions | null): void
    readonly framesSent: number
  }>

const defaultNoise = Uint8Array.from([0x00, 0xff, 0x13, 0x23, 0x78, 0x0d])

export async function startSerialScaleEmulator(options: SerialScaleEmulatorOptions): Promise<SerialScaleEmulator> {
  const { profile } = options
  const pan = createEmulatedPan(options.motionWobbleGrams ?? 15)
  const host = new HostCommands()
  let noise: NoiseOptions | null = null
  let framesSent = 0
  let inbox = ''
  let stream: ReturnType<typeof setInterval> | undefined

  const handle = (command: string) => {
    if (!host.take(command)) return
    const reply = profile.answer?.(command, pan) ?? null
    if (reply === null) return
    host.owe()
    void send(reply).then(() => host.paid())
  }
  const line = await openEmulatorLine({
    path: options.path,
    splitDelayMs: options.splitDelayMs ?? 2,
    onData(text) {
      if (!profile.takeCommands) return // continuous scales ignore the host
      inbox += text
      const { commands: complete, rest } = profile.takeCommands(inbox)
      inbox = rest.length > 1024 ? '' : rest // a host spewing garbage must not grow memory
      for (const command of complete) handle(command)
    },
    onShutDown: () => clearInterval(stream),
  })

  /** A frame (or reply), with line noise in front of every n-th one when asked. */
  const send = (frame: string) => {
    framesSent++
    if (noise && framesSent % noise.everyFrames === 0) void line.write(noise.bytes ?? defaultNoise, false)
    return line.write(frame, true)
  }

  if (profile.mode === 'continuous') {
    stream = setInterval(() => {
      if (!host.silent && !line.closed) void send(profile.frame(pan.pan()))
    }, profile.intervalMs ?? 100)
  }

  return scaleControls(options.path, pan, line, host, {
    setNoise(value: NoiseOptions | null) {
      noise = value
    },
    get framesSent() {
      return framesSent
    },
  })
}
