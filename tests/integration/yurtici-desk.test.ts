import { describe, expect, it } from 'vitest'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { disposeAfterEach } from '../support/dispose-after-each'
import { packOrder, startYurticiHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
disposeAfterEach(
  () => [h, yk],
  () => (h = yk = null),
)

describe('packing with Yurtiçi (SOAP, no label from the carrier)', () => {
  it('registers the cargoKey once and prints the desk label carrying it', async () => {
    yk = await startYurticiEmulator()
    h = await startYurticiHarness(yk)
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    const done = await packOrder(h, 'KJ1002', 'KOLI1')
    expect(done.problem).toBeNull()
    expect(yk.shipments).toHaveLength(1)
    const cargoKey = done.shipment!.barcode!
    expect(cargoKey).toMatch(/^KJ[0-9A-Z]{18}$/)
    const [zpl] = await h.zebra.waitForJobs(1)
    expect(zpl).toContain(cargoKey)
    expect(zpl).toContain('^BC')
  }, 30_000)
})
