import { ErrorCode, toAppError } from '../../../shared/errors'
import type { ShippingLabelInput } from '../../../shared/label'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { buildShippingLabel, type LabelDpi, type LabelSize } from '../devices/printer/zpl/shipping-label.zpl'
import { enqueuePrintJob, setPrintJobStatus } from './print-jobs.repository'
import type { PrintQueueService } from './print-queue.service'

/** The line that marks the sheet as a test, in the recipient's address (the biggest free text on the label). */
export const TEST_LABEL_LINE = 'TEST — DENEME ETİKETİ / TEST LABEL'

/**
 * Fixed sample data for the settings screen's "print test label": the desk's own label layout with
 * every field filled, Turkish letters that fonts often lack (ğ Ğ İ ı ş Ş), and a Code 128 a
 * scanner can check. It belongs to no order and no carrier; "TEST" is in the header and in place
 * of the street address, so the sheet can never pass for a real shipping label.
 */
export const TEST_LABEL_SAMPLE: ShippingLabelInput = {
  orderNumber: 'TEST-0001',
  carrier: 'Test etiketi',
  trackingNumber: 'KJTEST0000001',
  barcode: 'KJTEST0000001',
  sender: { name: 'KargoJet Station', address: 'Yazıcı deneme çıktısı', district: 'Şişli', city: 'İstanbul', phone: '+902123456789' },
  recipient: { name: 'Ğülşen Işık İnce', address: TEST_LABEL_LINE, district: 'Kağıthane', city: 'İstanbul', postalCode: '34410', phone: '05321234567' },
  packageIndex: 1,
  packageCount: 1,
  desi: 1,
  weightKg: 1,
  codAmountKurus: null,
}

/** The test label as ZPL, at the configured printer's dpi and label stock. */
export function buildTestLabel(options: Readonly<{ dpi: LabelDpi; size: LabelSize; date?: Date }>): string {
  return buildShippingLabel(TEST_LABEL_SAMPLE, { dpi: options.dpi, size: options.size, date: options.date })
}

/**
 * Prints a test label through the persistent print queue as a job of kind 'test' with no order,
 * so it is recorded (who, when, which printer) like every label. A test label is never resumed or
 * left awaiting a decision: when it fails, for whatever reason, its job is closed as 'failed' and
 * the printer's problem is thrown; the supervisor just prints another. Audited as `printer.testLabel`.
 */
export async function printTestLabel(db: Db, printQueue: PrintQueueService, zpl: string, actorId: string): Promise<{ jobId: string; printerUri: string }> {
  const printerUri = printQueue.uri
  const jobId = await db.transaction().execute(async (trx) => {
    const id = await enqueuePrintJob(trx, {
      orderId: null,
      shipmentId: null,
      kind: 'test',
      printerUri,
      payload: Buffer.from(zpl, 'utf8'),
      expectedBarcode: TEST_LABEL_SAMPLE.barcode,
      requestedBy: actorId,
    })
    await appendAudit(trx, { actorId, action: 'printer.testLabel', detail: { jobId: id, printerUri } })
    return id
  })
  try {
    await printQueue.printJob(jobId)
  } catch (err) {
    const e = toAppError(err)
    await setPrintJobStatus(db, jobId, 'failed', { code: e.code, message: e.message })
    // The queue announced the job as pending when it failed; a status refresh announces the count again
    // (awaited, so nothing of this command is still running when the station is disposed).
    await printQueue.refreshStatus()
    throw e
  }
  return { jobId, printerUri }
}

/** Test labels a crash left queued or printing are closed as failed at start: nobody waits for them. */
export async function abandonTestJobs(db: Db): Promise<number> {
  const result = await db
    .updateTable('print_jobs')
    .set({ status: 'failed', error_code: ErrorCode.internal, error_message: 'yeniden başlatmada yarıda kaldı / interrupted by a restart' })
    .where('kind', '=', 'test')
    .where('status', 'in', ['queued', 'printing'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
