import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { loadConfig } from './config.loader'
import { updateStationFile } from './station-file.writer'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-station-file-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const file = () => join(dir, 'station.json')
const read = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>

describe('updateStationFile', () => {
  it('merges into the existing file, keeping every other key, and the loader reads it back', async () => {
    writeFileSync(
      file(),
      JSON.stringify({ stationName: 'Masa 7', printer: { dpi: 300 }, scanner: { scanBack: true, sources: [{ driver: 'serial', path: '/dev/ttyS0' }] } }),
    )
    chmodSync(file(), 0o640)
    await updateStationFile(dir, { scanner: { wedgeLayout: 'tr-q' } })
    expect(read()).toEqual({
      stationName: 'Masa 7',
      printer: { dpi: 300 },
      scanner: { scanBack: true, sources: [{ driver: 'serial', path: '/dev/ttyS0' }], wedgeLayout: 'tr-q' },
    })
    expect(statSync(file()).mode & 0o777).toBe(0o640)
    const config = loadConfig(dir, {}, join(dir, 'no-admin.json'))
    expect(config.scanner.wedgeLayout).toBe('tr-q')
    expect(config.stationName).toBe('Masa 7')
    expect(readdirSync(dir)).toEqual(['station.json']) // no temp file left behind
  })

  it('creates the file (owner-only) when there is none, and writes null to clear a value', async () => {
    await updateStationFile(dir, { scanner: { wedgeLayout: 'gb' } })
    expect(read()).toEqual({ scanner: { wedgeLayout: 'gb' } })
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600)
    await updateStationFile(dir, { scanner: { wedgeLayout: null } })
    expect(read()).toEqual({ scanner: { wedgeLayout: null } })
  })

  it.each([
    { name: 'not JSON', text: '{ "stationName": "Masa 7", ' },
    { name: 'an array', text: '[1, 2]' },
  ])('refuses a station.json that is $name and leaves it untouched', async ({ text }) => {
    writeFileSync(file(), text)
    await expect(updateStationFile(dir, { scanner: { wedgeLayout: 'tr-q' } })).rejects.toMatchObject({ code: ErrorCode.settingsWriteFailed })
    expect(readFileSync(file(), 'utf8')).toBe(text)
    expect(readdirSync(dir)).toEqual(['station.json'])
  })

  it('reports a station.json it cannot read (here: a folder) and writes nothing', async () => {
    mkdirSync(file())
    await expect(updateStationFile(dir, { scanner: { wedgeLayout: 'tr-q' } })).rejects.toMatchObject({ code: ErrorCode.settingsWriteFailed })
    expect(readdirSync(dir)).toEqual(['station.json'])
    expect(readdirSync(file())).toEqual([])
  })
})
