import { randomUUID } from 'node:crypto'
import { sql, type Selectable } from 'kysely'
import { ErrorCode } from '../../../shared/errors'
import type { DbOrTrx } from '../db/database'
import type { PrintJobsTable } from '../db/schema'

export type PrintJob = Readonly<{
  id: string
  /** Null only for a test label (kind 'test'), which belongs to no order. */
  orderId: string | null
  shipmentId: string | null
  kind: PrintJobsTable['kind']
  status: PrintJobsTable['status']
  printerUri: string
  payload: Uint8Array
  expectedBarcode: string | null
  attempts: number
  errorCode: string | null
  errorMessage: string | null
}>

export async function enqueuePrintJob(
  db: DbOrTrx,
  job: {
    orderId: string | null
    shipmentId: string | null
    kind: PrintJobsTable['kind']
    printerUri: string
    payload: Uint8Array
    expectedBarcode: string | null
    requestedBy: string | null
  },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('print_jobs')
    .values({
      id,
      order_id: job.orderId,
      shipment_id: job.shipmentId,
      kind: job.kind,
      status: 'queued',
      printer_uri: job.printerUri,
      payload: job.payload,
      expected_barcode: job.expectedBarcode,
      error_code: null,
      error_message: null,
      requested_by: job.requestedBy,
      printed_at: null,
    })
    .execute()
  return id
}

function toJob(r: Selectable<PrintJobsTable>): PrintJob {
  return {
    id: r.id,
    orderId: r.order_id,
    shipmentId: r.shipment_id,
    kind: r.kind,
    status: r.status,
    printerUri: r.printer_uri,
    payload: r.payload,
    expectedBarcode: r.expected_barcode,
    attempts: r.attempts,
    errorCode: r.error_code,
    errorMessage: r.error_message,
  }
}

/**
 * Jobs still owed to the printer, oldest first ('printing' ones were interrupted by a crash or
 * await an operator decision, see isUncertain). Rows created in the same millisecond keep their
 * insertion order (rowid), so a batch enqueued in one transaction prints in order.
 */
export async function pendingPrintJobs(db: DbOrTrx): Promise<PrintJob[]> {
  const rows = await db
    .selectFrom('print_jobs')
    .selectAll()
    .where('status', 'in', ['queued', 'printing'])
    .orderBy('created_at')
    .orderBy(sql`rowid`)
    .execute()
  return rows.map((r) => toJob(r))
}

/** How many jobs are still owed to the printer (queued, interrupted or awaiting a decision). */
export async function countPendingPrintJobs(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('print_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'printing'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A job whose bytes may or may not have reached the printer: it stays 'printing' (so its order is
 * not finished behind the operator's back) with error code print.outcomeUnknown until someone decides.
 */
export function isUncertain(job: Pick<PrintJob, 'status' | 'errorCode'>): boolean {
  return job.status === 'printing' && job.errorCode === ErrorCode.printOutcomeUnknown
}

/** A job that belongs to an order (every kind but 'test'). */
export type OrderPrintJob = PrintJob & Readonly<{ orderId: string }>

/** Order jobs awaiting the operator's decision; a test label is never left waiting (it is marked failed instead). */
export async function listUncertainPrintJobs(db: DbOrTrx): Promise<OrderPrintJob[]> {
  const rows = await db
    .selectFrom('print_jobs')
    .selectAll()
    .where('status', '=', 'printing')
    .where('error_code', '=', ErrorCode.printOutcomeUnknown)
    .where('order_id', 'is not', null)
    .orderBy('created_at')
    .orderBy(sql`rowid`)
    .execute()
  return rows.flatMap((r) => {
    const job = toJob(r)
    return job.orderId === null ? [] : [{ ...job, orderId: job.orderId }]
  })
}

/** Marks a job as awaiting the operator's "it printed" / "print again" (attempts unchanged). */
export async function markPrintJobUncertain(db: DbOrTrx, id: string, message: string): Promise<void> {
  await db
    .updateTable('print_jobs')
    .set({ status: 'printing', error_code: ErrorCode.printOutcomeUnknown, error_message: message })
    .where('id', '=', id)
    .execute()
}

/** The given jobs in the given order (unknown ids are left out). */
export async function getPrintJobs(db: DbOrTrx, ids: readonly string[]): Promise<PrintJob[]> {
  const byId = new Map<string, PrintJob>()
  // SQLite allows 32766 bound variables; chunks of 500 stay far below on any build.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('print_jobs')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const r of rows) byId.set(r.id, toJob(r))
  }
  return ids.flatMap((id) => {
    const job = byId.get(id)
    return job ? [job] : []
  })
}

export async function getPrintJob(db: DbOrTrx, id: string): Promise<PrintJob | null> {
  const row = await db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toJob(row) : null
}

export async function setPrintJobStatus(db: DbOrTrx, id: string, status: PrintJobsTable['status'], error?: { code: string; message: string }): Promise<void> {
  await db
    .updateTable('print_jobs')
    .set((eb) => ({
      status,
      attempts: status === 'printing' ? eb('attempts', '+', 1) : eb.ref('attempts'),
      error_code: error?.code ?? null,
      error_message: error?.message ?? null,
      ...(status === 'printed' ? { printed_at: new Date().toISOString() } : {}),
    }))
    .where('id', '=', id)
    .execute()
}

export async function countPrintedForOrder(db: DbOrTrx, orderId: string, kind: PrintJobsTable['kind'] = 'label'): Promise<number> {
  const row = await db
    .selectFrom('print_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('order_id', '=', orderId)
    .where('kind', '=', kind)
    .where('status', '=', 'printed')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
