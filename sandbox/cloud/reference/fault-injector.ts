import { AppError, ErrorCode } from '../../../shared/errors'

/** Routes of the cloud API, by the names faults and stats use. */
export const CloudRoute = {
  ordersList: 'orders.list',
  configGet: 'config.get',
  claimsClaim: 'claims.claim',
  claimsRenew: 'claims.renew',
  claimsRelease: 'claims.release',
  eventsPush: 'events.push',
  stationsHeartbeat: 'stations.heartbeat',
} as const
export type CloudRoute = (typeof CloudRoute)[keyof typeof CloudRoute]

/** Routes answered from state without changing it: the only ones a page can be served twice on. */
const READ_ROUTES = new Set<CloudRoute>([CloudRoute.ordersList, CloudRoute.configGet])

/**
 * Faults the reference cloud can inject (docs/sync-guarantees.md §9). "Before" faults answer without running the request;
 * "after" faults run and commit it, then spoil the answer.
 */
export const CloudFault = {
  /** Waits `latencyMs` before handling (adds up across rules). */
  latency: 'latency',
  /** Before: answers `status` (default 503) with the error envelope; nothing is done. */
  serverError: 'serverError',
  /** Before: answers 429 with Retry-After `retryAfterSeconds` (default 1), as a gateway would. */
  tooManyRequests: 'tooManyRequests',
  /** Before: the TCP connection is reset (RST); nothing is done. */
  connectionReset: 'connectionReset',
  /** After: the request commits, then the socket is closed with no answer. */
  dropAfterCommit: 'dropAfterCommit',
  /** After, GET routes only: the previous answer of that route to that station is served again. */
  duplicateDelivery: 'duplicateDelivery',
  /** After: the body goes out in `chunkBytes` pieces (default 64) every `chunkDelayMs` (default 20). */
  slowDrip: 'slowDrip',
} as const
export type CloudFault = (typeof CloudFault)[keyof typeof CloudFault]

export type FaultRule = Readonly<{
  kind: CloudFault
  /** A route name or '*' (default): every route (duplicateDelivery: every GET route). */
  route?: CloudRoute | '*'
  /** Chance per matching request, 0…1 (default 1), drawn from the cloud's seeded RNG. */
  probability?: number
  /** Fires at most this many times (default: no limit). */
  times?: number
  latencyMs?: number
  status?: 500 | 502 | 503 | 504
  retryAfterSeconds?: number
  chunkBytes?: number
  chunkDelayMs?: number
}>

const BEFORE = new Set<CloudFault>([CloudFault.serverError, CloudFault.tooManyRequests, CloudFault.connectionReset])
const AFTER = new Set<CloudFault>([CloudFault.dropAfterCommit, CloudFault.duplicateDelivery, CloudFault.slowDrip])

export type FaultDecision = Readonly<{ latencyMs: number; before: FaultRule | null; after: FaultRule | null }>

/** mulberry32: a tiny seeded PRNG, so a chaos run with the same seed and request order repeats exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function validate(rule: FaultRule, i: number): void {
  const bad = (field: string, why: string) =>
    new AppError(ErrorCode.inputInvalid, `fault rule ${i}: ${field} ${why}`, { meta: { field: `faults[${i}].${field}` } })
  if (!Object.values(CloudFault).includes(rule.kind)) throw bad('kind', `is not a fault: ${String(rule.kind)}`)
  const route = rule.route ?? '*'
  if (route !== '*' && !Object.values(CloudRoute).includes(route)) throw bad('route', `is not a route: ${String(route)}`)
  if (rule.kind === CloudFault.duplicateDelivery && route !== '*' && !READ_ROUTES.has(route)) throw bad('route', 'must be a GET route for duplicateDelivery')
  const p = rule.probability ?? 1
  if (!(p >= 0 && p <= 1)) throw bad('probability', 'must be within 0…1')
  for (const f of ['times', 'latencyMs', 'retryAfterSeconds', 'chunkBytes', 'chunkDelayMs'] as const) {
    const v = rule[f]
    if (v !== undefined && !(Number.isInteger(v) && v >= (f === 'chunkBytes' ? 1 : 0))) throw bad(f, 'must be a non-negative integer')
  }
}

/** Decides, per request, which configured faults fire. Holds the rules, the RNG and the counts. */
export class FaultInjector {
  private rules: { rule: FaultRule; left: number }[] = []
  readonly fired: Record<CloudFault, number> = {
    latency: 0,
    serverError: 0,
    tooManyRequests: 0,
    connectionReset: 0,
    dropAfterCommit: 0,
    duplicateDelivery: 0,
    slowDrip: 0,
  }

  constructor(private readonly random: () => number) {}

  /** Replaces all rules (an empty list turns faults off). Throws input.invalid for a bad rule, changing nothing. */
  set(rules: readonly FaultRule[]): void {
    rules.forEach(validate)
    this.rules = rules.map((rule) => ({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }))
  }

  /**
   * Rolls every matching rule in order (each roll uses the RNG, so the sequence is reproducible);
   * latencies add up, the first "before" and the first "after" fault that fire are taken, and an
   * "after" fault is dropped when a "before" one fired (the request never ran).
   */
  decide(route: CloudRoute): FaultDecision {
    let latencyMs = 0
    let before: { rule: FaultRule; left: number } | null = null
    let after: { rule: FaultRule; left: number } | null = null
    for (const entry of this.rules) {
      const { rule } = entry
      const r = rule.route ?? '*'
      if (entry.left <= 0 || (r !== '*' && r !== route)) continue
      if (rule.kind === CloudFault.duplicateDelivery && !READ_ROUTES.has(route)) continue
      if (this.random() >= (rule.probability ?? 1)) continue
      if (rule.kind === CloudFault.latency) {
        latencyMs += rule.latencyMs ?? 200
        entry.left--
        this.fired.latency++
      } else if (BEFORE.has(rule.kind) && !before) before = entry
      else if (AFTER.has(rule.kind) && !after) after = entry
    }
    if (before) after = null
    for (const e of [before, after]) {
      if (!e) continue
      e.left--
      this.fired[e.rule.kind]++
    }
    return { latencyMs, before: before?.rule ?? null, after: after?.rule ?? null }
  }
}
