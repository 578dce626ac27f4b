import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'
import { CUSTOMER_KARSIYAKA, DEPOT_SISLI, YURTICI_CLI_FLAGS, yurticiForFile } from '../../../tests/support/cli-yurtici'

const dir = tempDirForFile('kj-ship-')
const yk = yurticiForFile()

const cli = runCli

const order = {
  orderNumber: 'SIP-9001',
  sender: DEPOT_SISLI,
  recipient: CUSTOMER_KARSIYAKA,
  packages: [{ lengthCm: 30, widthCm: 20, heightCm: 15, weightKg: 1.2 }],
}
const creds = YURTICI_CLI_FLAGS

describe('station ship / track with a carrier-neutral order (Yurtiçi)', () => {
  it('ships once per order file, prints the desk label with the cargoKey, and tracks it', async () => {
    const file = join(dir(), 'order.json')
    await writeFile(file, JSON.stringify(order))
    const first = await cli(['ship', ...creds, '--base-url', yk().url, '--input', file, '--json'])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    const out = JSON.parse(first.stdout)
    expect(Object.keys(out)).toEqual(['trackingNumber', 'barcode', 'labelFormat', 'label', 'costKurus', 'carrierShipmentId', 'labelSource'])
    expect(out.labelSource).toBe('desk')
    expect(out.barcode).toMatch(/^KJ[0-9A-Z]{18}$/)
    const zpl = Buffer.from(out.label, 'base64').toString('utf8')
    expect(zpl).toContain(out.barcode)
    expect(zpl).toContain('YURTİÇİ KARGO')

    // Once the branch has issued it (a docId exists), a second run of the same file prints the same tracking number.
    yk().advance(out.barcode, 'IND')
    const again = JSON.parse((await cli(['ship', ...creds, '--base-url', yk().url, '--input', file, '--json'])).stdout)
    expect(again).toMatchObject({ barcode: out.barcode, trackingNumber: out.trackingNumber, carrierShipmentId: out.carrierShipmentId })
    expect(yk().shipments).toHaveLength(1) // the same file never buys twice

    const tracked = await cli(['track', ...creds, '--base-url', yk().url, '--tracking', again.trackingNumber, '--json'])
    expect(tracked.code).toBe(0)
    const t = JSON.parse(tracked.stdout)
    expect(t).toMatchObject({ carrier: 'yurtici', trackingNumber: out.barcode, status: 'in_transit' })
    expect(t.timeline.length).toBeGreaterThan(0)
    expect(t.timeline[0]).toEqual(expect.objectContaining({ rawCode: expect.any(String), at: expect.any(String) }))
  })

  it.each([
    ['no carrier', ['track', '--tracking', 'X', '--base-url', 'http://127.0.0.1:1'], /missing required flag --carrier/],
    ['unknown carrier', ['track', '--carrier', 'ups', '--tracking', 'X', '--base-url', 'http://127.0.0.1:1'], /not supported/],
    ['no tracking', ['track', '--carrier', 'yurtici', '--base-url', 'http://127.0.0.1:1'], /--tracking/],
    ['no endpoint', ['track', '--carrier', 'yurtici', '--tracking', 'X'], /--base-url/],
    ['tracking with a space', ['track', '--carrier', 'yurtici', '--tracking', 'A B', '--base-url', 'http://127.0.0.1:1'], /printable/],
    ['bad order file', ['ship', '--carrier', 'yurtici', '--base-url', 'http://127.0.0.1:1', '--input', '/nonexistent.json'], /cannot read/],
  ])('%s → exit 2, one line', async (_name, argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('--base-url may be the bare origin: the documented service path is added', async () => {
    const file = join(dir(), 'origin-order.json')
    await writeFile(file, JSON.stringify({ ...order, orderNumber: 'SIP-9002' }))
    const r = await cli(['ship', ...creds, '--base-url', yk().origin, '--input', file, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const out = JSON.parse(r.stdout)
    expect(yk().shipments.map((s) => s.cargoKey)).toContain(out.barcode)
    const slash = await cli(['track', ...creds, '--base-url', `${yk().origin}/`, '--tracking', out.trackingNumber, '--json'])
    expect(slash.code).toBe(0)
    expect(JSON.parse(slash.stdout)).toMatchObject({ trackingNumber: out.trackingNumber, status: 'created' })
  })

  it('an order file with a misspelt key is refused before anything is sent', async () => {
    const file = join(dir(), 'bad.json')
    await writeFile(file, JSON.stringify({ ...order, recipent: order.recipient }))
    const before = yk().requests.length
    const r = await cli(['ship', ...creds, '--base-url', yk().url, '--input', file])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/recipent|recipient/)
    expect(yk().requests.length).toBe(before)
  })

  it('a carrier that cannot be reached exits 1 with the reason', async () => {
    const r = await cli(['track', ...creds, '--base-url', 'http://127.0.0.1:9/x', '--tracking', 'KJ123', '--timeout-ms', '500'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/carrier\.unavailable/)
  })
})

describe('station ship --carrier ptt (barcode from the station range)', () => {
  // Default: the emulator follows PTT's published WSDL, which has no etiketGetir ("operation not found").
  it.each([
    ["without etiketGetir (the published WSDL): the desk's own PTT label", false, 'desk'],
    ["with etiketGetir: PTT's label", true, 'carrier'],
  ])("%s, the barcode from the data folder's range, once per order file", async (_name, labelOperation, labelSource) => {
    const { startPttEmulator } = await import('../../../sandbox/ptt/ptt.emulator')
    const { SAMPLE_PTT_CREDENTIALS } = await import('../../../sandbox/ptt/ptt.fixtures')
    const ptt = await startPttEmulator({ labelOperation })
    try {
      const file = join(dir(), `ptt-order-${labelSource}.json`)
      await writeFile(file, JSON.stringify({ ...order, orderNumber: `SIP-PTT-${labelSource}` }))
      const data = join(dir(), `ptt-station-${labelSource}`)
      const argv = [
        'ship',
        '--carrier',
        'ptt',
        '--base-url',
        ptt.origin,
        '--customer-code',
        String(SAMPLE_PTT_CREDENTIALS.customerId),
        '--password',
        SAMPLE_PTT_CREDENTIALS.password,
        '--data',
        data,
        '--input',
        file,
        '--json',
      ]
      const first = await cli(argv)
      expect(first).toMatchObject({ code: 0, stderr: '' })
      const out = JSON.parse(first.stdout)
      expect(out).toMatchObject({ labelSource, labelFormat: 'zpl' })
      expect(out.barcode).toMatch(/^\d{13}$/)
      const zpl = Buffer.from(out.label, 'base64').toString('utf8')
      expect(zpl).toMatch(/^\^XA/)
      expect(zpl).toContain(out.barcode)
      const second = await cli(argv)
      expect(second).toMatchObject({ code: 0, stderr: '' })
      const again = JSON.parse(second.stdout)
      expect(again).toMatchObject({ barcode: out.barcode, trackingNumber: out.trackingNumber, labelSource })
      expect(ptt.shipments).toHaveLength(1)
      expect(ptt.requests.filter((r) => r.operation === 'kabulEkle2' && r.status === 200).length).toBeLessThanOrEqual(2)
    } finally {
      await ptt.close()
    }
  })
})
