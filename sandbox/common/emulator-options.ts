/** A limit as the carriers word theirs, "N requests per window" (SlidingWindow); null = no limit. */
export type RateLimitOption = Readonly<{ limit: number; windowMs: number }> | null

/** The options every carrier emulator takes; each adds its own and resolves them all with `withDefaults`. */
export type EmulatorOptions = Readonly<{
  /** 0 (default): an ephemeral port. */
  port?: number
  /** Retry-After seconds sent with injected 429/503 faults (and with the emulator's own limiter where it has one). Default 1. */
  retryAfterSeconds?: number
  /** The emulator's clock. Default Date.now. */
  now?: () => number
}>

export const EMULATOR_DEFAULTS: Required<EmulatorOptions> = { port: 0, retryAfterSeconds: 1, now: Date.now }

/** Each option as given, else its default: `o.x ?? defaults.x` for every option. */
export function withDefaults<O extends object>(o: O, defaults: Required<O>): Required<O> {
  const out: Record<string, unknown> = { ...defaults }
  for (const [key, value] of Object.entries(o)) if (value !== undefined && value !== null) out[key] = value
  return out as Required<O>
}
