import type { DbOrTrx } from '../db/database'

/** The start of `now`'s day, UTC midnight: the same day the F9 report calls "today" (reports.commands.ts). */
export function dayStartUtc(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString()
}

/**
 * Orders packed at this desk since its day began (issue 12: "the packed counter resets after a restart"). Only this
 * desk sets `packed_at` (setOrderStatus); an order another desk packed arrives by sync as packed with no `packed_at`.
 */
export async function countPackedToday(db: DbOrTrx, now: Date = new Date()): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'packed')
    .where('packed_at', '>=', dayStartUtc(now))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
