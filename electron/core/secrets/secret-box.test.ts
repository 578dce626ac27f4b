import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { loadConfig } from '../config/config.loader'
import { createFileSecretBox, decryptSecrets, encryptSecrets, KEY_FILE } from './secret-box'

let dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kj-secret-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  dirs = []
})

describe('file secret box', () => {
  it('round-trips, with a fresh IV each time and a 0600 key file', () => {
    const dir = tempDir()
    const box = createFileSecretBox(dir)
    const a = box.encrypt('gizli-şifre')
    const b = box.encrypt('gizli-şifre')
    expect(a).not.toBe(b)
    expect(a.startsWith('enc:v1:')).toBe(true)
    expect(a).not.toContain('gizli')
    expect(createFileSecretBox(dir).decrypt(a)).toBe('gizli-şifre')
    if (process.platform !== 'win32') expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600)
  })

  it('refuses a token from another desk, a tampered token and a missing key, naming the problem', () => {
    const token = createFileSecretBox(tempDir()).encrypt('x')
    const other = tempDir()
    createFileSecretBox(other).encrypt('make a key')
    expect(() => createFileSecretBox(other).decrypt(token)).toThrow(/another desk's key/)
    expect(() => createFileSecretBox(tempDir()).decrypt(token)).toThrow(/missing/)
    const dir = tempDir()
    const box = createFileSecretBox(dir)
    const good = box.encrypt('secret')
    const raw = Buffer.from(good.slice(7), 'base64')
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1)
    expect(() => box.decrypt(`enc:v1:${raw.toString('base64')}`)).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
    expect(() => box.decrypt('enc:ss1:abc')).toThrow(/another key store/)
  })

  it('encrypts exactly the credential fields of a configuration and opens them again', () => {
    const box = createFileSecretBox(tempDir())
    const config = {
      carriers: { comtohome: { apiKey: 'k1', baseUrl: 'http://x' }, yurtici: { accounts: { senderPays: { username: 'U', password: 'P' } } } },
      cloud: { apiKey: 'c' },
    }
    const { value, count } = encryptSecrets(config, box)
    expect(count).toBe(3)
    const text = JSON.stringify(value)
    expect(text).not.toMatch(/"k1"|"P"|"c"/)
    expect(text).toContain('"username":"U"')
    expect(decryptSecrets(value, () => box)).toEqual(config)
    expect(encryptSecrets(value, box).count).toBe(0) // already encrypted: left alone
  })

  it('loadConfig opens encrypted credentials in station.json and names a field it cannot open', () => {
    const dir = tempDir()
    const box = createFileSecretBox(dir)
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ carriers: { comtohome: { apiKey: box.encrypt('real-key') } } }))
    expect(readFileSync(join(dir, 'station.json'), 'utf8')).not.toContain('real-key')
    expect(loadConfig(dir, {}, join(dir, 'none.json')).carriers.comtohome.apiKey).toBe('real-key')
    rmSync(join(dir, KEY_FILE))
    expect(() => loadConfig(dir, {}, join(dir, 'none.json'))).toThrow(/carriers\.comtohome\.apiKey/)
  })
})
