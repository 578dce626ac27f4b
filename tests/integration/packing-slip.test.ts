import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandName, CommandOutput } from '../../shared/contract/commands'
import { dispatchCommand } from '../../shared/contract/dispatch'
import type { DeviceStatusView } from '../../shared/contract/views'
import { ErrorCode } from '../../shared/errors'
import { startEscPosEmulator, type EscPosEmulator } from '../../sandbox/escpos/escpos-emulator'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { noticeLine } from '../../shared/i18n/notice-text'
import { stationEvents, waitFor } from '../support/wait-for'

let h: Harness
let printer: EscPosEmulator
const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no refusal',
    (e: { code: string }) => e.code,
  )
async function call<K extends CommandName>(name: K, input: unknown = {}): Promise<CommandOutput<K>> {
  const r = await dispatchCommand(h.station.handlers, name, input, h.station.access)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.value as CommandOutput<K>
}

/** Resolves with the first device status pushed that satisfies `pred`. */
const deviceStatus = (pred: (d: DeviceStatusView) => boolean, timeoutMs = 8000) =>
  waitFor(stationEvents(h.station, 'devices.statusChanged'), pred, timeoutMs, 'such a device status')

async function pack(orderCode: string) {
  await scan(orderCode)
  await scanAllItems(h.station)
  const v = await scan('KOLI2')
  h.place(v.expectedGrams!)
  return h.waitForView((x) => x.step === 'packed' && x.order?.barcode === orderCode && noticeLine(x.notice).startsWith('Paketlendi'))
}

beforeEach(async () => {
  printer = await startEscPosEmulator()
  h = await startHarness({ overrides: { packingSlip: { enabled: true, uri: printer.uri, timeoutMs: 400 } } })
  await scan('P1001')
})
afterEach(async () => {
  await h.dispose()
  await printer.close()
})

describe('packing slip on the ESC/POS receipt printer', () => {
  it('prints one slip after the label of each packed order: items, recipient, carrier, tracking barcode', async () => {
    const done = await pack('KJ1001')
    const [slip] = await printer.waitForReceipts(1)
    const text = slip!.lines.join('\n')
    expect(text).toContain('PAKETLEME FİŞİ')
    expect(text).toContain(`Sipariş: ${done.order!.orderNumber}`)
    for (const line of done.order!.lines) expect(text).toContain(line.sku)
    expect(text).toContain('Ğülşen Çağlayan İnce')
    expect(text).toContain(`Takip No: ${done.shipment!.trackingNumber}`)
    expect(text).toContain(`Kargo: ${done.shipment!.carrierName}`)
    expect(slip!.barcodes).toEqual([{ type: 73, data: done.shipment!.barcode }])
    expect(slip!.codePages).toEqual([13]) // ESC t 13: PC857 Turkish
    // The view says 'packed' again on a refused scan: still one slip.
    expect(await refusal(scan('NOPE-1'))).toBe(ErrorCode.orderUnknown)
    await pack('KJ1002')
    await printer.waitForReceipts(2)
    expect(printer.receipts).toHaveLength(2)
    expect(printer.receipts[1]!.lines.join('\n')).toContain('SIP-1002')
  })

  it('a silent receipt printer never holds up packing: the order is packed, the slip is a warning, slips.reprint prints it', async () => {
    printer.setState({ offline: true })
    const done = await pack('KJ1003')
    expect(done.order!.status).toBe('packed')
    expect(h.zebra.jobs).toHaveLength(1) // the label printed
    const warned = await deviceStatus((d) => (d.receipt?.unprintedOrders.length ?? 0) > 0)
    expect(warned.receipt).toMatchObject({ uri: printer.uri, ready: false, unprintedOrders: ['SIP-1003'] })
    expect(warned.receipt!.problem).toContain('SIP-1003')
    expect(printer.receipts).toHaveLength(0)
    // The desk goes on with the next order meanwhile.
    expect((await scan('KJ1004')).step).toBe('orderOpen')
    await h.station.handlers['packing.cancel']({})

    printer.setState({ offline: false })
    expect(await call('slips.reprint', { orderCode: 'KJ1003' })).toEqual({ orderNumber: 'SIP-1003', printerUri: printer.uri })
    const [slip] = await printer.waitForReceipts(1)
    expect(slip!.lines.join('\n')).toContain('SIP-1003')
    const snapshot = await h.station.snapshot()
    expect(snapshot.devices.receipt).toMatchObject({ ready: true, problem: null, unprintedOrders: [] })
    const audit = await h.station.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'slip.reprint').execute()
    expect(audit).toEqual([{ action: 'slip.reprint', actor_id: 'packer-1' }])
  })

  it('paper out is refused before any byte is printed, and reported', async () => {
    printer.setState({ paper: 'out' })
    await pack('KJ1005')
    await deviceStatus((d) => d.receipt?.unprintedOrders[0] === 'SIP-1005')
    expect(await refusal(call('slips.reprint', { orderCode: 'KJ1005' }))).toBe(ErrorCode.printerTimeout) // silent when out of paper, as documented
    expect(printer.receipts).toHaveLength(0)
    const status = await call('printers.status')
    expect(status.receipt).toMatchObject({ uri: printer.uri, codePage: 'PC857_TURKISH', widthChars: 48, paperOut: null, unprintedOrders: ['SIP-1005'] })
    expect(status.receipt!.problem?.code).toBe(ErrorCode.printerTimeout)
  })

  it('slips.reprint refuses an unknown order and one without a label yet', async () => {
    expect(await refusal(call('slips.reprint', { orderCode: 'NOPE-9' }))).toBe(ErrorCode.orderUnknown)
    expect(await refusal(call('slips.reprint', { orderCode: 'KJ1006' }))).toBe(ErrorCode.wrongState)
    expect(printer.receipts).toHaveLength(0)
    expect((await h.station.snapshot()).devices.receipt?.unprintedOrders).toEqual([])
  })
})
