import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'
import { CUSTOMER_KARSIYAKA, DEPOT_SISLI, YURTICI_CLI_FLAGS, yurticiForFile } from '../../../tests/support/cli-yurtici'

const dir = tempDirForFile('kj-return-')
const yk = yurticiForFile()

const cli = runCli

const ret = {
  orderNumber: 'SIP-9001',
  original: { carrierShipmentId: 'KJ0000000000000000001', trackingNumber: 'KJ0000000000000000001' },
  sender: CUSTOMER_KARSIYAKA,
  recipient: DEPOT_SISLI,
  packages: [{ lengthCm: 30, widthCm: 20, heightCm: 15, weightKg: 1.2 }],
  validFrom: '2026-11-26',
  validUntil: '2026-12-10',
}
const creds = YURTICI_CLI_FLAGS

describe('station return', () => {
  it('Yurtiçi: one return code per file, with the desk slip carrying it as its barcode', async () => {
    const file = join(dir(), 'return.json')
    await writeFile(file, JSON.stringify(ret))
    const first = await cli(['return', ...creds, '--base-url', yk().url, '--input', file, '--json'])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    const out = JSON.parse(first.stdout)
    expect(out).toMatchObject({ kind: 'code', trackingNumber: null, validUntil: '2026-12-10', labelFormat: 'zpl' })
    expect(out.returnCode).toMatch(/^R[0-9A-Z]{12}$/)
    expect(out.barcode).toBe(out.returnCode)
    const zpl = Buffer.from(out.label, 'base64').toString('utf8')
    expect(zpl).toContain(out.returnCode)
    expect(zpl).toContain('İADE KODU / RETURN CODE')
    const again = JSON.parse((await cli(['return', ...creds, '--base-url', yk().url, '--input', file, '--json'])).stdout)
    expect(again.returnCode).toBe(out.returnCode)
    expect(yk().returnCodes).toHaveLength(1)
    expect(yk().returnCodes[0]).toMatchObject({ returnCode: out.returnCode, startDate: '20261126', endDate: '20261210' })
    const human = await cli(['return', ...creds, '--base-url', yk().url, '--input', file])
    expect(human.stdout).toMatch(/return code R[0-9A-Z]{12} \(valid until 2026-12-10\)/)
  })

  it.each([
    ['a carrier without returns', ['--carrier', 'aras', '--base-url', 'http://127.0.0.1:1'], ret, /Aras.*no return operation/],
    ['dates the wrong way round', creds, { ...ret, validUntil: '2026-11-01' }, /validUntil is before validFrom/],
    ['no warehouse', creds, { ...ret, recipient: undefined }, /recipient/],
  ])('%s: exit 2, nothing sent', async (_name, flags, body, message) => {
    const file = join(dir(), `bad-${Math.random()}.json`)
    await writeFile(file, JSON.stringify(body))
    const before = yk().requests.length
    const r = await cli(['return', ...flags, ...(flags.includes('--base-url') ? [] : ['--base-url', yk().url]), '--input', file, '--json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(yk().requests.length).toBe(before)
  })
})
