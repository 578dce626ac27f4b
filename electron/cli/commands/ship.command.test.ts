import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { ComToHomeFault, startComToHomeEmulator, type ComToHomeEmulator } from '../../../sandbox/comtohome/comtohome.emulator'
import { seedFullRequest, seedMinimalRequest } from '../../../sandbox/comtohome/comtohome.fixtures'
import { shipCommand } from './ship.command'
import { runCommand } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const dir = tempDirForFile('ship-')
let emu: ComToHomeEmulator
beforeEach(async () => {
  await emu?.close()
  emu = await startComToHomeEmulator()
})
afterAll(async () => emu?.close())

let files = 0
async function orderFile(content: unknown): Promise<string> {
  const path = join(dir(), `order-${++files}.json`)
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return path
}

function ship(extra: string[], input?: string) {
  return runCommand(shipCommand, ['--carrier', 'comtohome', '--base-url', emu.url, '--api-key', 'demo-key', ...(input ? ['--input', input] : []), ...extra])
}

describe('station ship --carrier comtohome', () => {
  it('prints exactly one JSON object with the label', async () => {
    const r = await ship(['--json'], await orderFile(seedFullRequest()))
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['trackingNumber', 'barcode', 'labelFormat', 'label', 'costKurus'])
    expect(out).toMatchObject({ trackingNumber: 'YK0000632280', barcode: 'YK0000632280', labelFormat: 'zpl', costKurus: 9640 })
    expect(Buffer.from(out.label, 'base64').toString('utf8')).toMatch(/^\^XA[\s\S]*\^XZ$/)
  })

  it('asks for PDF with --label-format pdf', async () => {
    const r = await ship(['--json', '--label-format', 'pdf'], await orderFile(seedFullRequest()))
    const out = JSON.parse(r.stdout)
    expect(out.labelFormat).toBe('pdf')
    expect(Buffer.from(out.label, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('running the same file twice buys once (default key = hash of the body), even reformatted', async () => {
    const first = await ship(['--json'], await orderFile(seedFullRequest()))
    const reordered = Object.fromEntries(Object.entries(seedFullRequest()).reverse())
    const second = await ship(['--json'], await orderFile(JSON.stringify(reordered)))
    expect(second.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    expect(emu.consignments).toHaveLength(1)
    expect(emu.requests[0]?.headers['idempotency-key']).toMatch(/^ship-[0-9a-f]{32}$/)
  })

  it('sends --idempotency-key as given', async () => {
    await ship(['--json', '--idempotency-key', 'order-1001-try-1'], await orderFile(seedMinimalRequest()))
    expect(emu.consignments[0]?.idempotencyKey).toBe('order-1001-try-1')
  })

  it('prints a short summary without --json', async () => {
    const r = await ship([], await orderFile(seedMinimalRequest()))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^tracking YK0000632280 · barcode YK0000632280 · cost \d+\.\d\d TL · label zpl \(\d+ bytes/)
  })

  it('retries a cut answer under the same key and still buys once', async () => {
    emu.queueFaults([ComToHomeFault.halfResponse])
    const r = await ship(['--json'], await orderFile(seedFullRequest()))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/carrier\.badResponse on attempt 1, retrying/)
    expect(emu.consignments).toHaveLength(1)
  })
})

describe('station ship: bad input → exit 2, nothing sent', () => {
  const minimal = seedMinimalRequest()
  const cases: Array<[string, string[], unknown, RegExp]> = [
    ['unknown carrier', ['--carrier', 'dhlx'], minimal, /carrier "dhlx" is not supported \(supported: comtohome, yurtici/],
    ['bad label format', ['--label-format', 'png'], minimal, /--label-format must be zpl or pdf/],
    ['bad timeout', ['--timeout-ms', 'soon'], minimal, /--timeout-ms must be a number/],
    ['base URL not a URL', ['--base-url', 'api.comtohome'], minimal, /--base-url must be an http\(s\) URL/],
    ['unknown flag', ['--color'], minimal, /Unknown option '--color'/],
    ['file not JSON', [], '{"provider_id": 1,', /is not valid JSON/],
    ['field with the wrong type', [], { ...minimal, packages: [{ ...minimal.packages[0], weight: 'heavy' }] }, /packages\.0\.weight: /],
    ['missing consignee', [], { ...minimal, consignee: undefined }, /consignee: /],
    ['misspelt field', [], { ...minimal, referance_no: 'X' }, /referance_no/],
    ['provider rule of the seed', [], { ...minimal, provider_id: undefined }, /provider_id: required when preference is 0 or absent/],
  ]
  it.each(cases)('%s', async (_name, flags, content, message) => {
    const r = await ship(flags, await orderFile(content))
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/) // no stack trace
    expect(emu.requests).toHaveLength(0)
  })

  it('missing file and missing --input', async () => {
    expect((await ship([], join(dir(), 'nope.json'))).stderr).toMatch(/cannot read .*nope\.json: ENOENT/)
    expect((await ship([])).stderr).toMatch(/missing required flag --input/)
    expect(emu.requests).toHaveLength(0)
  })
})

describe('station ship: carrier errors → exit 1 with code and field errors', () => {
  it('a provider the account does not have', async () => {
    const r = await ship(['--json'], await orderFile({ ...seedMinimalRequest(), provider_id: 99 }))
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      "station ship: ComToHome rejected the consignment: provider_id: 1001 ID'li müşteri için 99 ID'li kargo sağlayıcısı tanımlanmamıştır. [carrier.providerNotDefined]\n",
    )
  })

  it('several field errors are listed one per line', async () => {
    const body = seedMinimalRequest()
    body.provider_id = 99
    body.consignee.state = 'Atlantis'
    const r = await ship(['--json'], await orderFile(body))
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n').slice(1)).toEqual([
      '  consignee.state: İl bulunamadı: [Atlantis]',
      "  provider_id: 1001 ID'li müşteri için 99 ID'li kargo sağlayıcısı tanımlanmamıştır.",
      '',
    ])
  })

  it('a wrong API key', async () => {
    const r = await ship(['--json', '--api-key', 'wrong'], await orderFile(seedMinimalRequest()))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/\[carrier\.auth\]/)
    expect(emu.requests).toHaveLength(1) // not retried
  })

  it('a carrier that does not answer in time', async () => {
    emu.setFault(ComToHomeFault.timeout)
    const r = await ship(['--json', '--timeout-ms', '50', '--idempotency-key', 'slow'], await orderFile(seedMinimalRequest()))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/did not answer within 50 ms \[carrier\.timeout\]/)
    expect(emu.consignments).toHaveLength(0)
  })
})
