import { ClaimGranted, ClaimReleased } from '../../../shared/contract/cloud'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import type { CloudClientOptions } from './cloud-client'
import { cloudRequest } from './cloud-client'

export type ClaimOutcome = 'granted' | 'local'

/** Claims an order before packing so two desks never pack it; see docs/cloud-api.openapi.yaml (claims). */
export interface OrderClaims {
  /** 'granted' by the cloud, or 'local' when the cloud is unreachable (the desk packs on a local claim). */
  claim(orderId: string): Promise<ClaimOutcome>
  release(orderId: string): Promise<void>
}

export function createOrderClaims(opts: CloudClientOptions & { stationId: string; leaseMs: number }): OrderClaims {
  return {
    async claim(orderId) {
      const path = `/api/v1/orders/${encodeURIComponent(orderId)}/claim`
      try {
        await cloudRequest(opts, 'POST', path, ClaimGranted, { stationId: opts.stationId, leaseMs: opts.leaseMs }, { 'Idempotency-Key': `claim-${opts.stationId}-${orderId}-${Date.now()}` })
        return 'granted'
      } catch (err) {
        const e = toAppError(err)
        if (e.code === ErrorCode.syncConflict) {
          const c = (e.meta.conflict as { conflict?: { reason: string; stationId: string | null } } | undefined)?.conflict
          throw new AppError(ErrorCode.orderBusy, `Bu sipariş başka masada: ${c?.stationId ?? '?'} (${c?.reason ?? 'claimed'}) / Another desk has this order`, {
            meta: { claim: c ?? null },
          })
        }
        // Offline: pack on a local claim; the cloud settles it when the events arrive (first pack wins).
        if (e.retryable) return 'local'
        throw e
      }
    },
    async release(orderId) {
      const path = `/api/v1/orders/${encodeURIComponent(orderId)}/claim/release`
      await cloudRequest(opts, 'POST', path, ClaimReleased, { stationId: opts.stationId }, { 'Idempotency-Key': `release-${opts.stationId}-${orderId}-${Date.now()}` }).catch(() => {
        // Best effort: an unreleased lease simply expires.
      })
    },
  }
}
