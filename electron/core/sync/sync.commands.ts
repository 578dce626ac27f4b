import type { CommandHandlers } from '../../../shared/contract/commands'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { Db } from '../db/database'
import type { CloudSyncService } from './cloud-sync.service'
import { parkedOutbox } from './outbox.repository'

type SyncCommands = Pick<CommandHandlers, 'sync.now' | 'sync.setPaused' | 'sync.parked'>

/** "Sync now", pause/resume, and the supervisor's list of events the cloud refused or reported as conflicts. */
export function syncCommands(db: Db, cloud: CloudSyncService | null): SyncCommands {
  const need = (): CloudSyncService => {
    if (!cloud) throw new AppError(ErrorCode.syncOffline, msg('sync.noCloud'))
    return cloud
  }
  return {
    'sync.now': async () => {
      const c = need()
      await c.syncNow()
      return c.status()
    },
    'sync.setPaused': async ({ paused }) => {
      const c = need()
      c.setPaused(paused)
      return c.status()
    },
    'sync.parked': async ({ limit }) => {
      const rows = await parkedOutbox(db, limit)
      const numbers = new Map<string, string>()
      for (const r of rows) {
        if (r.order_id && !numbers.has(r.order_id)) {
          const o = await db.selectFrom('orders').select('order_number').where('id', '=', r.order_id).executeTakeFirst()
          if (o) numbers.set(r.order_id, o.order_number)
        }
      }
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        orderNumber: r.order_id ? (numbers.get(r.order_id) ?? null) : null,
        reason: r.last_error,
        createdAt: r.created_at,
      }))
    },
  }
}
