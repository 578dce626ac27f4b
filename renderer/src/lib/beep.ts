/**
 * Audible feedback: a packer looks at the parcel, not the screen, so every scan answers with a
 * sound (short high = accepted, low double = problem). WebAudio needs no files and no CSP change.
 */
export type Beeper = Readonly<{ ok(): void; error(): void; dispose(): void }>

export function createBeeper(): Beeper {
  let ctx: AudioContext | null = null

  function tone(freqHz: number, startS: number, durationS: number): void {
    try {
      ctx ??= new AudioContext()
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'square'
      osc.frequency.value = freqHz
      gain.gain.value = 0.06
      osc.connect(gain).connect(ctx.destination)
      const t0 = ctx.currentTime + startS
      osc.start(t0)
      osc.stop(t0 + durationS)
    } catch {
      // No audio device (headless, kiosk without sound): the screen still shows the result.
    }
  }

  return {
    ok: () => tone(1760, 0, 0.07),
    error: () => {
      tone(220, 0, 0.18)
      tone(220, 0.25, 0.18)
    },
    dispose: () => {
      void ctx?.close()
      ctx = null
    },
  }
}
