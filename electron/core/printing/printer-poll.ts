/** How often the desk asks its printers for their status. */
export type PrinterPollOptions = Readonly<{
  /** While the printer is fine (or has not answered yet): paper-out shows before the next label fails. Default 30 s. */
  idleMs?: number
  /** While the printer reports a problem: the banner clears soon after the operator fixes it. Default 2 s. */
  recoveringMs?: number
}>

export const PRINTER_POLL_IDLE_MS = 30_000
export const PRINTER_POLL_RECOVERING_MS = 2_000

/**
 * Polls the printers' status (~HS): every `idleMs` while the label printer is fine, every
 * `recoveringMs` while it is not ready, so "printer back" reaches the desk within seconds. One poll
 * runs at a time; a poll that throws is ignored (the print queue already shows the problem).
 * `changed()` (call it when the printer's state changes, e.g. a job just failed) moves a pending
 * idle poll forward to the recovering pace.
 */
export type PrinterPoll = Readonly<{ changed(): void; dispose(): void }>

export function startPrinterPoll(deps: Readonly<{ refresh: () => Promise<unknown>; isDown: () => boolean }>, options: PrinterPollOptions = {}): PrinterPoll {
  const idleMs = options.idleMs ?? PRINTER_POLL_IDLE_MS
  const recoveringMs = options.recoveringMs ?? PRINTER_POLL_RECOVERING_MS
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  let pace = 0
  const schedule = () => {
    if (stopped) return
    pace = deps.isDown() ? recoveringMs : idleMs
    timer = setTimeout(tick, pace)
    timer.unref()
  }
  const tick = () => {
    timer = null
    void deps
      .refresh()
      .catch(() => undefined)
      .finally(schedule)
  }
  schedule()
  return {
    changed: () => {
      // Only a waiting idle timer moves; a poll in flight schedules the next one itself.
      if (stopped || timer === null || pace <= recoveringMs || !deps.isDown()) return
      clearTimeout(timer)
      timer = null
      schedule()
    },
    dispose: () => {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
