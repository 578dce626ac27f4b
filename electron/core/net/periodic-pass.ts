/**
 * A background pass run one at a time: `run()` starts a pass, or hands back the one in flight to a
 * concurrent caller; after `start()`, a pass also runs `intervalMs` after the previous one ended.
 * `dispose()` stops the schedule; a pass in flight sees `disposed` and may stop early.
 */
export class PeriodicPass<T> {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<T> | null = null
  private stopped = false

  constructor(
    private readonly pass: () => Promise<T>,
    private readonly intervalMs: number,
  ) {
    if (!(intervalMs > 0)) throw new RangeError(`PeriodicPass: intervalMs must be a positive number of ms, got ${intervalMs}`)
  }

  get disposed(): boolean {
    return this.stopped
  }

  start(): void {
    this.schedule()
  }

  run(): Promise<T> {
    this.running ??= this.pass().finally(() => {
      this.running = null
    })
    return this.running
  }

  dispose(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.run()
        .catch(() => undefined) // a pass reports its own failures (events, audit); anything else is tried again next pass
        .finally(() => this.schedule())
    }, this.intervalMs)
    this.timer.unref?.()
  }
}
