import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { loadConfig, mergeLayers } from './config.loader'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-cfg-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const admin = () => join(dir, 'admin.json')

function catchError(fn: () => unknown): unknown {
  try {
    fn()
  } catch (e) {
    return e
  }
  throw new Error('expected an error')
}

describe('station configuration', () => {
  it('defaults a fresh desk to a simulated scale and the ComToHome sandbox address', () => {
    const c = loadConfig(dir, {}, admin())
    expect(c.scale).toEqual({ driver: 'simulated', settleMs: 400, intervalMs: 100 })
    expect(c.printer.dpi).toBe(203)
    expect(c.tolerance).toEqual({ absGrams: 100, pct: 10 })
  })

  it('layers admin < station file < overrides, deep-merged', () => {
    writeFileSync(admin(), JSON.stringify({ stationName: 'Admin', printer: { uri: 'tcp://10.0.0.5:9100', dpi: 300 } }))
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ stationName: 'Masa 7', printer: { size: '100x100' } }))
    const c = loadConfig(dir, { printer: { dpi: 203 } }, admin())
    expect(c.stationName).toBe('Masa 7')
    expect(c.printer).toMatchObject({ uri: 'tcp://10.0.0.5:9100', dpi: 203, size: '100x100' })
  })

  it.each([
    ['{"stationName": ', /not valid JSON/],
    ['[1,2]', /must hold a JSON object/],
    ['{"printer": {"dpi": 600}}', /printer\.dpi/],
    ['{"scale": {"driver": "mt-sics"}}', /scale\.path/],
    ['{"tolerance": {"pct": 200}}', /tolerance\.pct/],
    ['{"tolerance": {"absGrams": 1e308}}', /tolerance\.absGrams/],
    ['{"printer": {"statusTimeoutMs": 1e15}}', /printer\.statusTimeoutMs: must be a finite number ≤ 2147483647 ms/],
    [
      '{"carriers": {"limits": {"comtohome": {"requests": 1, "perMs": 9007199254740991}}}}',
      /carriers\.limits\.comtohome\.perMs: must be a finite number ≤ 2147483647 ms/,
    ],
  ])('refuses a bad station.json %s with the field named', (text, message) => {
    writeFileSync(join(dir, 'station.json'), text)
    let err: unknown
    try {
      loadConfig(dir, {}, admin())
    } catch (e) {
      err = e
    }
    expect(err).toMatchObject({ code: ErrorCode.inputInvalid })
    expect((err as Error).message).toMatch(message)
  })

  it.each([
    ['{"printer": {"urii": "tcp://10.0.0.5:9100"}}', /station\.json: printer\.urii \(did you mean printer\.uri\?\)/],
    ['{"carrier": {"yurtici": {"enabled": true}}}', /station\.json: carrier \(did you mean carriers\?\)/],
    ['{"carriers": {"yurtici": {"acounts": {}}}}', /carriers\.yurtici\.acounts \(did you mean carriers\.yurtici\.accounts\?\)/],
    [
      '{"carriers": {"yurtici": {"accounts": {"senderPays": {"username": "u", "pasword": "p"}}}}}',
      /carriers\.yurtici\.accounts\.senderPays\.pasword \(did you mean carriers\.yurtici\.accounts\.senderPays\.password\?\)/,
    ],
    ['{"scale": {"driver": "serial", "protocol": "cas", "path": "/dev/ttyUSB0", "baud": 9600}}', /scale\.baud(?! \(did)/],
    [
      '{"scanner": {"sources": [{"driver": "serial", "path": "/dev/ttyACM0", "terminater": "lf"}]}}',
      /scanner\.sources\.0\.terminater \(did you mean scanner\.sources\.0\.terminator\?\)/,
    ],
    [
      '{"rateCards": [{"carrierId": "x", "serviceCode": "s", "name": "n", "contract": "own", "transitDays": 1, "supportsCod": false, "maxChargeableKg": 30, "bands": [{"upToKg": 1, "priceKurus": 100, "pricekurus": 1}], "extraKgKurus": 0}]}',
      /rateCards\.0\.bands\.0\.pricekurus \(did you mean rateCards\.0\.bands\.0\.priceKurus\?\)/,
    ],
    ['{"colour": "red"}', /station\.json: colour$/],
  ])('refuses an unknown key in station.json %s, naming it and a near miss', (text, message) => {
    writeFileSync(join(dir, 'station.json'), text)
    const err = catchError(() => loadConfig(dir, {}, admin()))
    expect(err).toMatchObject({ code: ErrorCode.inputInvalid })
    expect((err as Error).message).toMatch(message)
    expect((err as Error).message).not.toContain('\n')
  })

  it('keeps free keys free: per-account request limits are a record', () => {
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ carriers: { limits: { yurtici: { requests: 10, perMs: 1000 } } } }))
    expect(loadConfig(dir, {}, admin()).carriers.limits).toMatchObject({ yurtici: { requests: 10, perMs: 1000 } })
  })

  it('refuses an unknown key in the admin file and in overrides passed by code, naming where', () => {
    writeFileSync(admin(), JSON.stringify({ printer: { dpii: 300 } }))
    expect((catchError(() => loadConfig(dir, {}, admin())) as Error).message).toMatch(/admin\.json: printer\.dpii \(did you mean printer\.dpi\?\)/)
    rmSync(admin())
    expect((catchError(() => loadConfig(dir, { cloud: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', stationID: 'd1' } }, admin())) as Error).message).toMatch(
      /overrides .*: cloud\.stationID \(did you mean cloud\.stationId\?\)/,
    )
  })

  it('accepts a station.json saved with a UTF-8 byte-order mark (Windows Notepad)', () => {
    writeFileSync(join(dir, 'station.json'), `\uFEFF${JSON.stringify({ stationName: 'Masa 3', printer: { dpi: 300 } })}`, 'utf8')
    const c = loadConfig(dir, {}, admin())
    expect(c.stationName).toBe('Masa 3')
    expect(c.printer.dpi).toBe(300)
  })

  it('replaces arrays instead of concatenating them', () => {
    expect(mergeLayers({ a: [1, 2], b: { c: 1 } }, { a: [3], b: { d: 2 } })).toEqual({ a: [3], b: { c: 1, d: 2 } })
  })
})
