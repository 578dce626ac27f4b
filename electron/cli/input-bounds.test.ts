import { mkdtemp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startComToHomeEmulator, type ComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { seedFullRequest } from '../../sandbox/comtohome/comtohome.fixtures'
import { runCli, type CliRun } from '../../tests/support/cli-run'
import { tempDirForFile } from '../../tests/support/temp-dir'

/**
 * "Unbounded input" and "Strict config" from outside: a number that overflows, or a parcel
 * no carrier takes, is exit 2 with one line and no stack trace, before any label is bought; input
 * files saved with a byte-order mark are read; a typo in station.json stops `station serve`.
 */
const dir = tempDirForFile('kj-bounds-')
let emu: ComToHomeEmulator
beforeAll(async () => {
  emu = await startComToHomeEmulator()
})
afterAll(() => emu.close())

let files = 0
async function file(content: unknown, bom = false): Promise<string> {
  const path = join(dir(), `input-${++files}.json`)
  await writeFile(path, `${bom ? '\uFEFF' : ''}${typeof content === 'string' ? content : JSON.stringify(content)}`, 'utf8')
  return path
}

function expectBadInput(r: CliRun, message: RegExp): void {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
  expect(r.stderr).toMatch(message)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

const order = {
  orderNumber: 'SIP-B1',
  sender: { name: 'Depo', address: 'Büyükdere Cd. 185', district: 'Şişli', city: 'İstanbul' },
  recipient: { name: 'Ayşe', address: 'Moda Cd. 18', district: 'Kadıköy', city: 'İstanbul' },
  packages: [{ lengthCm: 30, widthCm: 20, heightCm: 20, weightKg: 1 }],
}
const withPackage = (p: Record<string, unknown>) => ({ ...order, packages: [p] })

describe('station desi: bounds', () => {
  it.each([
    [['--length-cm', '1e308', '--width-cm', '1e308', '--height-cm', '1e308', '--json'], /--length-cm must be a finite number ≤ 300 cm/],
    [['--length-cm', '301', '--width-cm', '20', '--height-cm', '10'], /--length-cm must be a finite number ≤ 300 cm .*got 301/],
    [['--length-cm', '30', '--width-cm', '20', '--height-cm', '1e308'], /--height-cm must be a finite number ≤ 300 cm/],
    [['--length-cm', '30', '--width-cm', '20', '--height-cm', '10', '--weight-kg', '1e308'], /--weight-kg must be a finite number ≤ 1000 kg/],
    [['--length-cm', '30', '--width-cm', '20', '--height-cm', '10', '--weight-kg', '250000'], /--weight-kg must be a finite number ≤ 1000 kg/],
    [['--length-cm', '1e999', '--width-cm', '20', '--height-cm', '10'], /--length-cm must be a number/],
  ])('%j → exit 2', async (args, message) => {
    expectBadInput(await runCli(['desi', ...args]), message)
  })

  it('still answers at the limits', async () => {
    const r = await runCli(['desi', '--length-cm', '300', '--width-cm', '300', '--height-cm', '300', '--weight-kg', '1000', '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout)).toEqual({ desi: 9000, chargeableKg: 9000 })
  })
})

describe('whole-number flags: bounds', () => {
  it.each([
    [['printer', 'status', '--printer', 'tcp://127.0.0.1:9', '--timeout-ms', '1e308'], /--timeout-ms must be a finite number ≤ 2147483647/],
    [['serve', '--port', '1e308', '--data', '/nonexistent-kj'], /--port must be a finite number ≤ 2147483647/],
  ])('%j → exit 2', async (argv, message) => {
    expectBadInput(await runCli(argv), message)
  })
})

describe('station ship --carrier comtohome, raw seed 001 body: bounds', () => {
  const ship = async (body: unknown) =>
    runCli(['ship', '--carrier', 'comtohome', '--base-url', emu.url, '--api-key', 'demo-key', '--json', '--input', await file(body)])

  it.each([
    ['weight 250000 kg', { weight: 250000 }, /packages\.0\.weight: must be a finite number ≤ 1000 kg/],
    ['weight 1e308', { weight: 1e308 }, /packages\.0\.weight: must be a finite number ≤ 1000 kg/],
    ['length 1e308 cm', { length: 1e308 }, /packages\.0\.length: must be a finite number ≤ 300 cm/],
    ['height 500 cm', { height: 500 }, /packages\.0\.height: must be a finite number ≤ 300 cm/],
  ])('%s → exit 2, nothing bought', async (_name, change, message) => {
    const body = seedFullRequest()
    body.packages[0] = { ...body.packages[0], ...change }
    const before = emu.consignments.length
    expectBadInput(await ship(body), message)
    expect(emu.consignments.length).toBe(before)
  })

  it('buys for a body within the limits, also when the file starts with a BOM', async () => {
    const r = await runCli([
      'ship',
      '--carrier',
      'comtohome',
      '--base-url',
      emu.url,
      '--api-key',
      'demo-key',
      '--json',
      '--input',
      await file(seedFullRequest(), true),
    ])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout).trackingNumber).toBeTruthy()
  })
})

describe('carrier-neutral order file (station ship / station quote): bounds', () => {
  it.each([
    ['weightKg 250000', { lengthCm: 30, widthCm: 20, heightCm: 20, weightKg: 250000 }, /packages\.0\.weightKg: must be a finite number ≤ 1000 kg/],
    ['weightKg 1e308', { lengthCm: 30, widthCm: 20, heightCm: 20, weightKg: 1e308 }, /packages\.0\.weightKg: must be a finite number ≤ 1000 kg/],
    ['lengthCm 1e308', { lengthCm: 1e308, widthCm: 20, heightCm: 20, weightKg: 1 }, /packages\.0\.lengthCm: must be a finite number ≤ 300 cm/],
    ['weightGrams 2e6', { lengthMm: 300, widthMm: 200, heightMm: 200, weightGrams: 2_000_000 }, /packages\.0\.weightGrams: must be ≤ 1000000 g/],
  ])('quote with %s → exit 2', async (_name, pkg, message) => {
    expectBadInput(await runCli(['quote', '--input', await file(withPackage(pkg)), '--json']), message)
  })

  it('ship with a weight no carrier takes → exit 2, nothing bought', async () => {
    const before = emu.consignments.length
    const input = await file(withPackage({ lengthCm: 30, widthCm: 20, heightCm: 20, weightKg: 250000 }))
    expectBadInput(
      await runCli(['ship', '--carrier', 'comtohome', '--base-url', emu.url, '--api-key', 'demo-key', '--json', '--input', input]),
      /must be a finite number ≤ 1000 kg/,
    )
    expect(emu.consignments.length).toBe(before)
  })

  it('reads an order file saved with a BOM (Windows Notepad)', async () => {
    const r = await runCli(['quote', '--input', await file(order, true), '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout).measure).toEqual({ desi: 4, weightKg: 1, chargeableKg: 4 })
  })
})

describe('station serve: strict station.json', () => {
  it.each([
    ['{"printer": {"urii": "tcp://127.0.0.1:9100"}}', /printer\.urii \(did you mean printer\.uri\?\)/],
    ['{"stationName": "Masa 2", "carrier": {"yurtici": {"enabled": true}}}', /carrier \(did you mean carriers\?\)/],
  ])('a typo %s stops the start with one line, exit 2', async (text, message) => {
    const data = await mkdtemp(join(dir(), 'serve-'))
    await writeFile(join(data, 'station.json'), text)
    const r = await runCli(['serve', '--data', data, '--port', '0', '--no-demo'])
    expectBadInput(r, message)
    expect(r.stderr).toMatch(/^station serve: invalid station configuration: unknown key in .*station\.json/)
  })

  it('a typo in a --carrier-config file is refused too', async () => {
    const config = await file({ baseUrl: emu.url, apiKeyy: 'demo-key' })
    const input = await file(order)
    expectBadInput(
      await runCli(['ship', '--carrier', 'comtohome', '--carrier-config', config, '--json', '--input', input]),
      /unknown key apiKeyy \(did you mean apiKey\?\)/,
    )
  })
})
