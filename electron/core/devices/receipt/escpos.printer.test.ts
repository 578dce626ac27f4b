import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { startEscPosEmulator, type EscPosEmulator, type EscPosEmulatorOptions } from '../../../../sandbox/escpos/escpos-emulator'
import { EscPosPrinter, parsePaperStatus } from './escpos.printer'
import { buildPackingSlip } from './packing-slip.escpos'
import { slipInput } from '../../../../tests/fixtures/packing-slip-input'
import { failure } from '../../../../tests/support/app-error'

/** The packing slip over real TCP to the ESC/POS emulator, through node-thermal-printer's network interface. */
const emulators: EscPosEmulator[] = []
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()))
})

async function emulator(options: EscPosEmulatorOptions = {}): Promise<EscPosEmulator> {
  const emu = await startEscPosEmulator(options)
  emulators.push(emu)
  return emu
}

describe('EscPosPrinter', () => {
  it('prints the packing slip: Turkish text, items, recipient and the CODE128 come out as sent', async () => {
    const emu = await emulator()
    await new EscPosPrinter(emu.uri, { timeoutMs: 1000 }).print(buildPackingSlip(slipInput))
    const [receipt] = await emu.waitForReceipts(1)
    expect(receipt!.codePages).toEqual([13])
    expect(receipt!.unknownCommands).toBe(0)
    const text = receipt!.lines.join('\n')
    expect(text).toContain('PAKETLEME FİŞİ')
    expect(text).toMatch(/Sipariş: KJ-2026-004817 +25\.11\.2026 12:30/)
    expect(text).toMatch(/Çay bardağı seti \(6 lı\) \(CB-06\) +2/)
    expect(text).toMatch(/Şişe açacağı +1/)
    expect(text).toMatch(/Toplam +3 adet/)
    expect(text).toContain('Ğülşen Çağlayan İnce')
    expect(text).toContain('Karşıyaka / İzmir')
    expect(text).toContain('KAPIDA ÖDEME: 134,52 TL')
    expect(receipt!.barcodes).toEqual([{ type: 73, data: 'TR1234567890' }])
    expect(emu.statusRequests).toBe(1)
  })

  it.each([
    ['ok', 0x00, { paperNearEnd: false, paperOut: false }],
    ['nearEnd', 0x03, { paperNearEnd: true, paperOut: false }],
  ] as const)('GS r 1 with paper %s → 0x%s', async (paper, byte, expected) => {
    const emu = await emulator()
    emu.setState({ paper })
    expect(await new EscPosPrinter(emu.uri).status()).toEqual({ ...expected, raw: byte })
  })

  it('paper near end still prints (the operator gets a warning elsewhere)', async () => {
    const emu = await emulator()
    emu.setState({ paper: 'nearEnd' })
    await new EscPosPrinter(emu.uri).print(buildPackingSlip(slipInput))
    expect(await emu.waitForReceipts(1)).toHaveLength(1)
  })

  it('paper out on a model that answers 0x0C → printer.paperOut, nothing sent', async () => {
    const emu = await emulator({ silentWhenPaperOut: false })
    emu.setState({ paper: 'out' })
    const err = await failure(new EscPosPrinter(emu.uri).print(buildPackingSlip(slipInput)))
    expect(err.code).toBe(ErrorCode.printerPaperOut)
    expect(err.retryable).toBe(true)
    expect(emu.rawBytes.length).toBe(3) // only GS r 1
  })

  it.each([
    ['paper out (silent, as documented)', { paper: 'out' as const }],
    ['offline', { offline: true }],
  ])('%s → printer.timeout, retryable, nothing printed', async (_name, patch) => {
    const emu = await emulator()
    emu.setState(patch)
    const err = await failure(new EscPosPrinter(emu.uri, { timeoutMs: 250 }).print(buildPackingSlip(slipInput)))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
    expect(emu.receipts).toEqual([])
  })

  it('a printer that is switched off (connection refused) → printer.offline', async () => {
    const emu = await emulator()
    const uri = emu.uri
    await emu.close()
    emulators.splice(0)
    const err = await failure(new EscPosPrinter(uri).status())
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.meta.errno).toBe('ECONNREFUSED')
  })

  it.each(['192.168.1.9:9100', 'usb://0a5f:0181', 'tcp://host:70000', ''])('address %j → printer.addressInvalid', (uri) => {
    expect(() => new EscPosPrinter(uri)).toThrow(expect.objectContaining({ code: ErrorCode.printerAddressInvalid }))
  })

  it.each([
    [0x00, false, false],
    [0x03, true, false],
    [0x0c, false, true],
    [0x0f, true, true],
  ])('parsePaperStatus(0x%s) → near end %s, out %s', (byte, nearEnd, out) => {
    expect(parsePaperStatus(byte)).toMatchObject({ paperNearEnd: nearEnd, paperOut: out })
  })
})
