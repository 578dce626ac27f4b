import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../core/config/config.loader'
import { main } from '../main'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err }
}

describe('station secrets encrypt', () => {
  it('rewrites station.json without plain credentials; the desk still loads them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-cli-secret-'))
    writeFileSync(
      join(dir, 'station.json'),
      JSON.stringify({
        stationName: 'Masa 3',
        carriers: { comtohome: { apiKey: 'plain-api-key' } },
        cloud: { baseUrl: 'http://127.0.0.1:1', apiKey: 'cloud-key' },
      }),
    )
    const c = capture()
    expect(await main(['secrets', 'encrypt', '--data', dir], c.io)).toBe(0)
    expect(c.out.join('')).toContain('credentials encrypted')
    const text = readFileSync(join(dir, 'station.json'), 'utf8')
    expect(text).not.toMatch(/plain-api-key|cloud-key/)
    expect(text).toContain('Masa 3')
    const config = loadConfig(dir, {}, join(dir, 'none.json'))
    expect(config.carriers.comtohome.apiKey).toBe('plain-api-key')
    expect(config.cloud?.apiKey).toBe('cloud-key')
    const again = capture()
    expect(await main(['secrets', 'encrypt', '--data', dir], again.io)).toBe(0)
    expect(again.out.join('')).toContain('no plain-text credentials')
  })

  it('refuses unknown flags with exit 2', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-cli-secret-'))
    const c = capture()
    expect(await main(['secrets', 'encrypt', '--dta', dir], c.io)).toBe(2)
  })
})
