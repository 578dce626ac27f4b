import { deskDayStart } from '../../../shared/desk-day'
import type { DbOrTrx } from '../db/database'

/**
 * Orders packed at this desk since its day began (local midnight, the same "today" as the F9 report) (issue 12: "the packed counter resets after a restart"). Only this
 * desk sets `packed_at` (setOrderStatus); an order another desk packed arrives by sync as packed with no `packed_at`.
 */
export async function countPackedToday(db: DbOrTrx, now: Date = new Date()): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'packed')
    .where('packed_at', '>=', deskDayStart(now).toISOString())
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
