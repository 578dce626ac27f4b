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

  it('replaces arrays instead of concatenating them', () => {
    expect(mergeLayers({ a: [1, 2], b: { c: 1 } }, { a: [3], b: { d: 2 } })).toEqual({ a: [3], b: { c: 1, d: 2 } })
  })
})
