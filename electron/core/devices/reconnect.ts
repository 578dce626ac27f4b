import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import type { Emitter, Unsubscribe } from '../../../shared/emitter'

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

/** What `openDriver` needs of a device driver. */
export type OpenableDriver = Readonly<{ open(): Promise<void>; close(): Promise<void> }>

/**
 * One connection attempt of a device link: makes a fresh driver, lets the link take it (`take`: hold it,
 * subscribe to it) and opens it. A driver that cannot be made or opened goes to `lost`; one the link no
 * longer wants once it is open (disposed or replaced meanwhile) is closed again, best effort. Returns
 * whether the link now holds an open driver.
 */
export async function openDriver<D extends OpenableDriver>(
  link: Readonly<{ make: () => D; take: (driver: D) => void; wants: (driver: D) => boolean; lost: (error: AppError) => Promise<void> }>,
): Promise<boolean> {
  let driver: D
  try {
    driver = link.make()
    link.take(driver)
    await driver.open()
  } catch (err) {
    await link.lost(toAppError(err))
    return false
  }
  if (!link.wants(driver)) {
    await driver.close().catch(() => undefined) // the open device is ours to release; nothing is listening any more
    return false
  }
  return true
}

/** The driver a device link holds now, with its event subscriptions. */
export class HeldDriver<D> {
  private driver: D | null = null
  private subs: Unsubscribe[] = []

  get current(): D | null {
    return this.driver
  }

  holds(driver: D): boolean {
    return this.driver === driver
  }

  take(driver: D, subs: Unsubscribe[]): void {
    this.driver = driver
    this.subs = subs
  }

  /** Unsubscribes and lets go of the driver; returns it for the caller to close. */
  release(): D | null {
    const driver = this.driver
    this.driver = null
    for (const unsubscribe of this.subs) unsubscribe()
    this.subs = []
    return driver
  }
}

/**
 * Runs a device service's event handling so that a throwing listener cannot take a driver's I/O callbacks
 * down: the failure goes to `errors` as `<device> listener failed: …`.
 */
export function guardListener(device: string, errors: Emitter<AppError>, fn: () => unknown): void {
  try {
    fn()
  } catch (err) {
    try {
      errors.fire(new AppError(ErrorCode.internal, `${device} listener failed: ${(err as Error)?.message ?? String(err)}`, { cause: err }))
    } catch {
      // An error listener that throws too has nowhere left to report; dropping it keeps the desk up.
    }
  }
}
