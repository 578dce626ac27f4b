/** Capped exponential backoff between a device link's reconnect attempts (scale, scanner). */
export type DeviceBackoff = Readonly<{ initialMs?: number; maxMs?: number; factor?: number }>

export const DEFAULT_DEVICE_BACKOFF: Required<DeviceBackoff> = { initialMs: 250, maxMs: 10_000, factor: 2 }

/**
 * One device link's reconnect timer: each `schedule` waits longer than the one before
 * (initialMs · factor^attempt, at most maxMs) until `reset` starts the backoff from the beginning.
 */
export class Reconnect {
  readonly backoff: Required<DeviceBackoff>
  private attempt = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(backoff: DeviceBackoff = {}) {
    this.backoff = { ...DEFAULT_DEVICE_BACKOFF, ...backoff }
  }

  /** Calls `connect` after the current delay; a pending attempt is replaced. */
  schedule(connect: () => void): void {
    const { initialMs, maxMs, factor } = this.backoff
    const delayMs = Math.min(maxMs, initialMs * factor ** this.attempt)
    this.attempt++
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      connect()
    }, delayMs)
  }

  reset(): void {
    this.attempt = 0
  }

  cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
