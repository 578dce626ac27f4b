import { Emitter } from '../../../shared/emitter'
import { toAppError, type AppError } from '../../../shared/errors'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { PeriodicPass } from '../net/periodic-pass'
import { countOfflineLabelled, listOfflineLabelled } from './shipments.repository'
import type { ShipmentPurchaser } from './shipment.purchaser'

export type RegistrationPass = Readonly<{
  registered: number
  /** Shipments still waiting (the carrier is still unreachable, or another pass is needed). */
  pending: number
  /** Refused for good by the carrier: the printed label is void, the order goes to exceptions. */
  refused: number
  /** Why the pass stopped early (the first retryable failure), if it did. */
  stoppedBy: AppError | null
}>

export type OfflineRegistrarOptions = Readonly<{
  /** How often to try while something is pending. Default 30000. */
  intervalMs?: number
}>

/**
 * Registers shipments whose labels were printed offline with their carriers, in packing order and
 * with the same idempotency key each time, so a lost answer or a restart never makes a second
 * shipment. A pass stops at the first retryable failure: later shipments wait behind earlier ones,
 * which keeps the carrier's records in the order the parcels were packed.
 */
export class OfflineRegistrar {
  readonly onDidChange = new Emitter<RegistrationPass>()
  private readonly passes: PeriodicPass<RegistrationPass>

  constructor(
    private readonly db: Db,
    private readonly purchaser: ShipmentPurchaser,
    options: OfflineRegistrarOptions = {},
  ) {
    this.passes = new PeriodicPass(() => this.pass(), options.intervalMs ?? 30_000)
  }

  start(): void {
    this.passes.start()
  }

  /** One pass now; concurrent callers share the pass in flight. */
  registerPending(): Promise<RegistrationPass> {
    return this.passes.run()
  }

  async pendingCount(): Promise<number> {
    let n = 0
    for (const count of (await countOfflineLabelled(this.db)).values()) n += count
    return n
  }

  dispose(): void {
    this.passes.dispose()
  }

  private async pass(): Promise<RegistrationPass> {
    const waiting = await listOfflineLabelled(this.db)
    let registered = 0
    let refused = 0
    let stoppedBy: AppError | null = null
    for (const s of waiting) {
      if (this.passes.disposed) break
      try {
        await this.purchaser.complete(s.id)
        registered++
      } catch (err) {
        const e = toAppError(err)
        if (e.retryable) {
          stoppedBy = e
          break
        }
        // complete() closed the row as failed; the parcel carries a label the carrier never accepted.
        refused++
        await appendAudit(this.db, {
          actorId: null,
          action: 'shipment.registrationRefused',
          orderId: s.orderId,
          detail: { shipmentId: s.id, carrierId: s.carrierId, barcode: s.barcode, code: e.code, message: e.message },
        })
      }
    }
    const result = { registered, refused, stoppedBy, pending: waiting.length - registered - refused }
    if (registered > 0 || refused > 0 || stoppedBy) this.onDidChange.fire(result)
    return result
  }
}
