import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../shared/errors'
import { disposeAfterEach } from '../support/dispose-after-each'
import { packOrder, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
disposeAfterEach(
  () => [h],
  () => (h = null),
)

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Issue 12, "the shipment detail shows the label as an image": `shipments.labelImage` renders the label stored in the
 * station's SQLite file (zebrash, WASM) to a PNG data URL. A PDF label is "no preview", a ZPL label that does not render is a
 * clear `failed` with the renderer's reason, never a thrown error that would take the lookup panel down.
 */
describe('the lookup panel label image', () => {
  it('renders a stored ZPL label to PNG; a PDF label has no preview; a corrupt ZPL label fails with a reason; an unknown id is notFound', async () => {
    h = await startHarness()
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    const done = await packOrder(h, 'KJ1001')
    expect(done.problem).toBeNull()
    const shipmentId = done.shipment!.id
    const image = h.station.handlers['shipments.labelImage']
    const db = h.station.database.db

    // zebrash renders in its own worker: the core's thread keeps turning (in-thread, a cold render held it 600–800 ms).
    let lag = 0
    let last = performance.now()
    const tick = setInterval(() => {
      lag = Math.max(lag, performance.now() - last)
      last = performance.now()
    }, 5)
    const png = await image({ shipmentId }).finally(() => clearInterval(tick))
    expect(lag).toBeLessThan(300)
    if (png.kind !== 'png') throw new Error(`expected a PNG, got ${JSON.stringify(png)}`)
    expect(png.dataUrl.startsWith('data:image/png;base64,')).toBe(true)
    const bytes = Buffer.from(png.dataUrl.slice('data:image/png;base64,'.length), 'base64')
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(bytes.readUInt32BE(16)).toBe(800) // IHDR width: 100 mm at 8 dots/mm (203 dpi)
    expect(bytes.readUInt32BE(20)).toBe(1200) // 150 mm

    const setLabel = (format: 'zpl' | 'pdf', blob: Uint8Array) =>
      db.updateTable('shipments').set({ label_format: format, label_blob: blob }).where('id', '=', shipmentId).execute()
    await setLabel('pdf', new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n'))
    expect(await image({ shipmentId })).toEqual({ shipmentId, kind: 'none', format: 'pdf' })

    await setLabel('zpl', new TextEncoder().encode('^XA^FO20,20^GFA,99999,99999,10,ZZZZ^XZ'))
    const bad = await image({ shipmentId })
    expect(bad).toMatchObject({ shipmentId, kind: 'failed' })
    expect(bad.kind === 'failed' && bad.reason).toMatch(/GFA/)

    await setLabel('zpl', new Uint8Array([0xff, 0xfe, 0x00, 0x41])) // not UTF-8 text at all
    expect(await image({ shipmentId })).toMatchObject({ kind: 'failed' })

    await expect(image({ shipmentId: 'no-such-shipment' })).rejects.toMatchObject({ code: ErrorCode.notFound })
    // The lookup itself never depended on the image: the tracking scan still opens it.
    const lookup = await h.station.handlers['scan.submit']({ code: done.shipment!.trackingNumber!, source: 'scanner' })
    expect(lookup.lookup?.shipmentId).toBe(shipmentId)
  }, 60_000)
})

describe('the lookup panel keys', () => {
  it('KJIADE over a looked-up shipment opens the return for ITS order, not the packed order behind the panel', async () => {
    h = await startHarness()
    const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
    await scan('P1001')
    const first = await packOrder(h, 'KJ1001')
    await packOrder(h, 'KJ1002') // KJ1002 is the packed order on screen now
    expect((await scan(first.shipment!.trackingNumber!)).lookup?.orderBarcode).toBe('KJ1001')
    const prompt = (await scan('KJIADE')).returnPrompt
    expect(prompt).toMatchObject({ stage: 'confirm', orderCode: 'KJ1001' })
    await h.station.handlers['returns.closePrompt']({})
    // With no lookup shown, KJIADE still takes the packed order on screen.
    expect((await scan('KJIADE')).returnPrompt).toMatchObject({ stage: 'confirm', orderCode: 'KJ1002' })
  }, 60_000)
})
