import { ClaimGranted, ClaimReleased, type CloudClaim, type CloudConflictEnvelope } from '../../../shared/contract/cloud'
import { Emitter, type Unsubscribe } from '../../../shared/emitter'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { SyncStatusView } from '../../../shared/contract/views'
import { retryWithinBudget } from '../net/retry'
import type { CloudClientOptions } from './cloud-client'
import { cloudRequest } from './cloud-client'

export type ClaimOutcome = 'granted' | 'local'

/** What the desk knows of the claim on an order it has open. */
export type HeldClaim = Readonly<{
  orderId: string
  /**
   * granted: the cloud's lease is ours and kept alive; local: the cloud was unreachable when the order
   * was opened (each renewal tries to turn it into a real claim); lost: another desk holds it now.
   */
  state: 'granted' | 'local' | 'lost'
  claimId: string | null
  expiresAt: string | null
  /** Successful renewals since the order was opened. */
  renewals: number
  /** The desk that holds the order when `state` is 'lost' (null if the cloud did not say). */
  holder: string | null
}>

/**
 * Claims an order before packing so two desks never pack it, and keeps the lease alive while the
 * order is open (long packs); see docs/cloud-api.openapi.yaml (claims) and docs/sync-guarantees.md §4.
 */
export interface OrderClaims {
  /**
   * 'granted' by the cloud, or 'local' when the cloud is really unreachable: every try failed with a
   * retryable error (network, 5xx, 429) for the whole `retryMs`, or the sync already knows it is offline.
   * With `offlinePacking: 'refuse'` that case is `sync.offline` instead (the order cannot be packed now).
   * Refused (another desk holds it, or it is packed elsewhere) → `packing.orderBusy`; cancelled → `packing.orderCancelled`.
   * Either way the desk then renews the lease every `renewEveryMs` until `settle` or `release`.
   */
  claim(orderId: string): Promise<ClaimOutcome>
  /**
   * The last check before the label is bought (the irreversible step). A 'lost' claim throws
   * `packing.orderBusy` naming the holder; a 'local' one (or none) is tried at the cloud once more:
   * granted → carry on; another desk holds it → 'lost' and `packing.orderBusy`; still unreachable →
   * carry on locally (the cloud settles it when the events arrive).
   */
  confirm(orderId: string): Promise<HeldClaim>
  /** The sync's status as it changes: a cloud known to be offline for `retryMs` is not waited for again. */
  noteSyncStatus(status: Pick<SyncStatusView, 'mode'>): void
  /**
   * How to push this desk's unsent events. A claim the cloud refuses as packed by this very desk (the desk voided the
   * label, and the void's event is still in the outbox) pushes them, then asks once more (docs/sync-guarantees.md §4.9).
   */
  useOwedPush(push: () => Promise<void>): void
  /** A kept claim changed on its own (a renewal turned local into granted, or found it lost). */
  onDidChangeClaim(listener: (claim: HeldClaim) => void): Unsubscribe
  /**
   * The order is packed: stop renewing. The lease is left to the cloud, which closes it when this
   * desk's order.packed arrives; releasing it earlier would let another desk claim an order that is
   * already packed here while the event is still in the outbox.
   */
  settle(orderId: string): void
  /** The order was abandoned (cancelled at the desk): stop renewing and release the lease now (best effort). */
  release(orderId: string): Promise<void>
  /** The claim the desk keeps for an open order, or null. */
  held(orderId: string): HeldClaim | null
  /** Stops every renewal timer (the leases run out on their own). */
  dispose(): void
}

export type OrderClaimsOptions = CloudClientOptions &
  Readonly<{
    stationId: string
    leaseMs: number
    /** How often an open order's lease is renewed; default a third of the lease, so two renewals can fail before it runs out. */
    renewEveryMs?: number
    /** How long a claim is retried (jittered backoff, Retry-After honoured) before the cloud counts as unreachable. Default 8000. */
    retryMs?: number
    /** 'allow' (default): pack on a local claim when the cloud is unreachable; 'refuse': do not. */
    offlinePacking?: 'allow' | 'refuse'
    /** Backoff between claim tries; tests shorten it. */
    retryBaseMs?: number
    retryMaxMs?: number
    /** The clock that dates the sync's offline reports; tests move it by hand. */
    now?: () => number
  }>

type Conflict = CloudConflictEnvelope['conflict']
type Kept = { claim: { -readonly [K in keyof HeldClaim]: HeldClaim[K] }; timer: ReturnType<typeof setInterval>; busy: boolean }

function conflictOf(err: AppError): Conflict | null {
  if (err.code !== ErrorCode.syncConflict) return null
  return (err.meta.conflict as { conflict?: Conflict } | undefined)?.conflict ?? null
}

function refusal(c: Conflict | null): AppError {
  if (c?.reason === 'cancelled') return new AppError(ErrorCode.orderCancelled, msg('claim.cancelledInCloud'), { meta: { claim: c } })
  return new AppError(ErrorCode.orderBusy, msg('claim.heldElsewhere', { stationId: c?.stationId ?? '?', reason: c?.reason ?? 'claimed' }), {
    meta: { claim: c },
  })
}

/** At the last check before the label is bought: the refusal says that nothing was bought. */
function stopBeforePurchase(c: Conflict | null): AppError {
  if (c?.reason === 'cancelled') return refusal(c)
  const desk = c?.stationId ?? '?'
  return new AppError(ErrorCode.orderBusy, msg('claim.lostBeforeLabel', { desk }), {
    meta: { claim: c },
  })
}

export function createOrderClaims(opts: OrderClaimsOptions): OrderClaims {
  const renewEveryMs = Math.max(1, opts.renewEveryMs ?? Math.floor(opts.leaseMs / 3))
  const kept = new Map<string, Kept>()
  let keySeq = 0
  const key = (op: string, orderId: string) => `${op}-${opts.stationId}-${orderId}-${Date.now()}-${keySeq++}`
  const lease = (op: 'claim' | 'renew', orderId: string): Promise<CloudClaim> => {
    const path = `/api/v1/orders/${encodeURIComponent(orderId)}/claim${op === 'renew' ? '/renew' : ''}`
    return cloudRequest(opts, 'POST', path, ClaimGranted, { stationId: opts.stationId, leaseMs: opts.leaseMs }, { 'Idempotency-Key': key(op, orderId) }).then(
      (r) => r.data.claim,
    )
  }

  const stop = (orderId: string) => {
    const k = kept.get(orderId)
    if (k) clearInterval(k.timer)
    kept.delete(orderId)
  }

  const changed = new Emitter<HeldClaim>()
  /** Runs `fn` on a kept claim; fires onDidChangeClaim when its state or holder moved. */
  const watch = async (k: Kept, fn: () => Promise<void>) => {
    const before = `${k.claim.state}/${k.claim.holder}`
    try {
      await fn()
    } finally {
      if (`${k.claim.state}/${k.claim.holder}` !== before) changed.fire({ ...k.claim })
    }
  }

  const granted = (k: Kept, c: CloudClaim, renewal: boolean) => {
    unreachable = false
    Object.assign(k.claim, { state: 'granted', claimId: c.claimId, expiresAt: c.expiresAt, holder: null })
    if (renewal) k.claim.renewals++
  }

  /** One renewal: renew a granted lease, or (local, or the cloud no longer has ours) claim it afresh. */
  const tick = async (orderId: string, k: Kept) => {
    if (k.busy) return
    k.busy = true
    await watch(k, () => renewOnce(orderId, k))
  }
  const renewOnce = async (orderId: string, k: Kept) => {
    try {
      let op: 'claim' | 'renew' = k.claim.state === 'granted' ? 'renew' : 'claim'
      for (let tries = 0; tries < 2; tries++) {
        try {
          granted(k, await lease(op, orderId), true)
          return
        } catch (err) {
          const c = conflictOf(toAppError(err))
          if (!c) return // unreachable or a bad answer: the next tick tries again, well before the lease runs out
          if (c.reason === 'notHeld') {
            op = 'claim' // our lease is gone but nobody took the order: take it again at once
            continue
          }
          if (c.reason === 'claimedByOtherStation' || (c.reason === 'packed' && c.stationId !== opts.stationId)) {
            Object.assign(k.claim, { state: 'lost', holder: c.stationId })
          }
          // Lost, packed (by us: our event arrived) or cancelled (the order feed stops the packer): nothing left to renew.
          clearInterval(k.timer)
          return
        }
      }
    } finally {
      k.busy = false
    }
  }

  const keep = (orderId: string, claim: CloudClaim | null) => {
    stop(orderId)
    const k: Kept = {
      claim: { orderId, state: claim ? 'granted' : 'local', claimId: claim?.claimId ?? null, expiresAt: claim?.expiresAt ?? null, renewals: 0, holder: null },
      timer: setInterval(() => void tick(orderId, k), renewEveryMs),
      busy: false,
    }
    k.timer.unref()
    kept.set(orderId, k)
  }

  const retryMs = opts.retryMs ?? 8000
  let offlineSince: number | null = null
  /** This desk's own last claim found the cloud unreachable for its whole budget, and nothing got through since. */
  let unreachable = false
  /** The cloud is known offline (the sync's rounds for at least the claim budget, or the last claim's): no point waiting again. */
  const now = opts.now ?? Date.now
  const knownOffline = () => unreachable || (offlineSince !== null && now() - offlineSince >= retryMs)
  /** One claim, retried within the budget with one Idempotency-Key (a grant whose answer was lost is replayed). */
  const claimAtCloud = async (orderId: string) => {
    const idem = key('claim', orderId)
    const path = `/api/v1/orders/${encodeURIComponent(orderId)}/claim`
    const res = await retryWithinBudget(
      (left) =>
        cloudRequest(
          { ...opts, timeoutMs: Math.max(250, Math.min(opts.timeoutMs ?? 10_000, left)) },
          'POST',
          path,
          ClaimGranted,
          { stationId: opts.stationId, leaseMs: opts.leaseMs },
          { 'Idempotency-Key': idem },
        ).then((r) => r.data.claim),
      { totalMs: knownOffline() ? 0 : retryMs, baseDelayMs: opts.retryBaseMs, maxDelayMs: opts.retryMaxMs, giveUp: knownOffline },
    ).catch((err: unknown) => {
      unreachable = false // a conflict is an answer: the cloud is there
      throw err
    })
    unreachable = !res.ok
    return res
  }

  let owedPush: (() => Promise<void>) | null = null
  /** A claim; refused as packed by this desk itself, once more after pushing what the desk owes the cloud. */
  const claimOwnedAware = async (orderId: string) => {
    try {
      return await claimAtCloud(orderId)
    } catch (err) {
      const c = conflictOf(toAppError(err))
      if (!owedPush || c?.reason !== 'packed' || c.stationId !== opts.stationId) throw err
      await owedPush().catch(() => undefined)
      return await claimAtCloud(orderId)
    }
  }

  return {
    async claim(orderId) {
      let res: Awaited<ReturnType<typeof claimAtCloud>>
      try {
        res = await claimOwnedAware(orderId)
      } catch (err) {
        const e = toAppError(err)
        if (e.code === ErrorCode.syncConflict) throw refusal(conflictOf(e))
        throw e
      }
      if (res.ok) {
        keep(orderId, res.value)
        return 'granted'
      }
      if (opts.offlinePacking === 'refuse') {
        throw new AppError(ErrorCode.syncOffline, msg('claim.cloudUnreachable'), {
          retryable: true,
          meta: { offlinePacking: 'refuse', attempts: res.attempts, cause: res.error.message },
        })
      }
      // Really unreachable: pack on a local claim; confirm() tries again before the label is bought.
      keep(orderId, null)
      return 'local'
    },
    async confirm(orderId) {
      const k = kept.get(orderId)
      if (k?.claim.state === 'granted') return { ...k.claim }
      if (k?.claim.state === 'lost') throw stopBeforePurchase({ reason: 'claimedByOtherStation', stationId: k.claim.holder, expiresAt: null })
      let res: Awaited<ReturnType<typeof claimAtCloud>>
      try {
        res = await claimAtCloud(orderId)
      } catch (err) {
        const e = toAppError(err)
        if (e.code !== ErrorCode.syncConflict) throw e
        const c = conflictOf(e)
        if (k && (c?.reason === 'claimedByOtherStation' || c?.reason === 'packed')) Object.assign(k.claim, { state: 'lost', holder: c.stationId })
        throw stopBeforePurchase(c)
      }
      if (res.ok) {
        if (k) granted(k, res.value, false)
        else keep(orderId, res.value)
      } else if (!k) keep(orderId, null)
      return { ...kept.get(orderId)!.claim }
    },
    onDidChangeClaim: (listener) => changed.event(listener),
    noteSyncStatus(status) {
      if (status.mode === 'offline') offlineSince ??= now()
      else if (status.mode !== 'paused') ((offlineSince = null), (unreachable = false))
    },
    useOwedPush(push) {
      owedPush = push
    },
    settle(orderId) {
      stop(orderId)
    },
    async release(orderId) {
      stop(orderId)
      const path = `/api/v1/orders/${encodeURIComponent(orderId)}/claim/release`
      await cloudRequest(opts, 'POST', path, ClaimReleased, { stationId: opts.stationId }, { 'Idempotency-Key': key('release', orderId) }).catch(() => {
        // Best effort: an unreleased lease simply expires.
      })
    },
    held(orderId) {
      const k = kept.get(orderId)
      return k ? { ...k.claim } : null
    },
    dispose() {
      for (const id of [...kept.keys()]) stop(id)
      changed.dispose()
    },
  }
}
