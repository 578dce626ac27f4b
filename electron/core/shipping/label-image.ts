import { createRequire } from 'node:module'
import type { LabelImageView } from '../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { DbOrTrx } from '../db/database'

/** The label's paper as the desk prints it (config `printer.size` and `printer.dpi`). */
export type LabelPaper = Readonly<{ size: '100x150' | '100x100'; dpi: 203 | 300 }>

type ZplApi = Awaited<(typeof import('zpl-renderer-js'))['ready']>['api']

/**
 * zebrash (zpl-renderer-js, WASM): loaded as plain CommonJS (the 9 MB bundle through a bundler's transform is slow), on the first
 * preview asked for, once. Its ~100–200 ms start never sits on a scan: the lookup panel shows first and asks for the image after.
 */
let zebrash: Promise<ZplApi> | null = null
function renderer(): Promise<ZplApi> {
  zebrash ??= (createRequire(import.meta.url)('zpl-renderer-js') as typeof import('zpl-renderer-js')).ready.then((r) => r.api)
  zebrash.catch(() => (zebrash = null)) // a failed start is retried on the next preview
  return zebrash
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
    const base64 = await (await renderer()).zplToBase64Async(zpl, widthMm, heightMm, paper.dpi === 300 ? 12 : 8)
    if (!base64) throw new Error('empty image')
    return { shipmentId, kind: 'png', dataUrl: `data:image/png;base64,${base64}`, widthMm, heightMm }
  } catch (err) {
    return { shipmentId, kind: 'failed', reason: (err instanceof Error ? err.message : String(err)).slice(0, 200) }
  }
}
