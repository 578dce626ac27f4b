import { randomUUID } from 'node:crypto'
import type { DbOrTrx } from '../db/database'
import type { Selectable } from 'kysely'
import type { PrintJobsTable } from '../db/schema'

export type PrintJob = Readonly<{
  id: string
  orderId: string
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
  job: { orderId: string; shipmentId: string | null; kind: PrintJobsTable['kind']; printerUri: string; payload: Uint8Array; expectedBarcode: string | null; requestedBy: string | null },
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

/** Jobs still owed to the printer, oldest first ('printing' ones were interrupted by a crash). */
export async function pendingPrintJobs(db: DbOrTrx): Promise<PrintJob[]> {
  const rows = await db.selectFrom('print_jobs').selectAll().where('status', 'in', ['queued', 'printing']).orderBy('created_at').execute()
  return rows.map((r) => toJob(r))
}

export async function getPrintJob(db: DbOrTrx, id: string): Promise<PrintJob | null> {
  const row = await db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toJob(row) : null
}

export async function setPrintJobStatus(
  db: DbOrTrx,
  id: string,
  status: PrintJobsTable['status'],
  error?: { code: string; message: string },
): Promise<void> {
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
