import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { LabelImageView } from '../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { DbOrTrx } from '../db/database'

/** The label's paper as the desk prints it (config `printer.size` and `printer.dpi`). */
export type LabelPaper = Readonly<{ size: '100x150' | '100x100'; dpi: 203 | 300 }>

/**
 * zebrash (zpl-renderer-js, WASM) runs in its own worker thread: a render holds its thread 100–800 ms, which on the core's
 * thread would hold every scan behind it. The worker starts on the first preview asked for (the WASM's ~200 ms start is
 * off the scan path too), once, and loads the package as plain CommonJS from the path resolved here (bundles keep it external).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const api = require(workerData.path).ready.then((r) => r.api)
parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage({ id: job.id, base64: await (await api).zplToBase64Async(job.zpl, job.widthMm, job.heightMm, job.dpmm) })
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) })
  }
})`

/** A render that takes longer than this is given up (the worker is ended and started afresh on the next preview). */
const RENDER_TIMEOUT_MS = 10_000

type Job = Readonly<{ resolve(base64: string): void; reject(err: Error): void }>
let worker: Worker | null = null
const jobs = new Map<number, Job>()
let nextJob = 0

/** The worker died: its jobs fail (a clear notice on the panel), the next preview starts a new one. An older worker's late exit is ignored. */
function failAll(w: Worker, err: Error): void {
  if (worker !== w) return
  for (const job of jobs.values()) job.reject(err)
  jobs.clear()
  worker = null
}

function renderer(): Worker {
  if (worker) return worker
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: createRequire(import.meta.url).resolve('zpl-renderer-js') } })
  w.on('message', (m: { id: number; base64?: string; error?: string }) => {
    const job = jobs.get(m.id)
    jobs.delete(m.id)
    if (m.error !== undefined) job?.reject(new Error(m.error))
    else job?.resolve(m.base64 ?? '')
  })
  w.on('error', (err) => failAll(w, err))
  w.on('exit', (code) => failAll(w, new Error(`label renderer stopped (${code})`)))
  w.unref() // idle until a job; after the listeners (adding one refs the worker again)
  worker = w
  return w
}

function renderZpl(zpl: string, widthMm: number, heightMm: number, dpmm: number): Promise<string> {
  const id = ++nextJob
  const w = renderer()
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      jobs.delete(id)
      reject(new Error(`no image after ${RENDER_TIMEOUT_MS} ms`))
      void w.terminate()
    }, RENDER_TIMEOUT_MS)
    timer.unref()
    const done = (): void => {
      clearTimeout(timer)
      if (jobs.size === 0) w.unref() // idle: never keeps the process alive
    }
    jobs.set(id, { resolve: (b) => (done(), resolve(b)), reject: (e) => (done(), reject(e)) })
    w.ref() // a render under way finishes even when nothing else keeps the process alive
    w.postMessage({ id, zpl, widthMm, heightMm, dpmm })
  })
}

/**
 * A shipment's stored label as an image for the lookup panel: a ZPL label is rendered to a PNG data URL; a PDF label (some
 * carriers) or none at all is `none` (the panel says "no preview"); a ZPL label zebrash cannot render is `failed` with its reason.
 * An unknown shipment id is input.notFound.
 */
export async function labelImage(db: DbOrTrx, shipmentId: string, paper: LabelPaper): Promise<LabelImageView> {
  const row = await db.selectFrom('shipments').select(['id', 'label_format', 'label_blob']).where('id', '=', shipmentId).executeTakeFirst()
  if (!row) throw new AppError(ErrorCode.notFound, `Gönderi bulunamadı: ${shipmentId} / Shipment not found`, { meta: { shipmentId } })
  if (row.label_format !== 'zpl' || !row.label_blob || row.label_blob.byteLength === 0) return { shipmentId, kind: 'none', format: row.label_format }
  const widthMm = 100
  const heightMm = paper.size === '100x150' ? 150 : 100
  try {
    const zpl = new TextDecoder('utf-8', { fatal: true }).decode(row.label_blob)
    const base64 = await renderZpl(zpl, widthMm, heightMm, paper.dpi === 300 ? 12 : 8)
    if (!base64) throw new Error('empty image')
    return { shipmentId, kind: 'png', dataUrl: `data:image/png;base64,${base64}`, widthMm, heightMm }
  } catch (err) {
    return { shipmentId, kind: 'failed', reason: (err instanceof Error ? err.message : String(err)).slice(0, 200) }
  }
}
