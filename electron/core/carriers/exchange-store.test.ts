import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../db/database'
import { CarrierExchangeStore, redactSecrets } from './exchange-store'

describe('redactSecrets', () => {
  it.each([
    ['{"username":"u","password":"p@ss\\"w"}', '{"username":"u","password":"[redacted]"}'],
    ['{"Sifre":"123456.Ff","CariKodu":"1038106246"}', '{"Sifre":"[redacted]","CariKodu":"1038106246"}'],
    ['{"data":{"token":"eyJhbGciOi"}}', '{"data":{"token":"[redacted]"}}'],
    ['{"sifre":"TesT.43e54","musteri":"TEST"}', '{"sifre":"[redacted]","musteri":"TEST"}'],
    ['<wsPassword>YK</wsPassword><wsUserName>YKTEST</wsUserName>', '<wsPassword>[redacted]</wsPassword><wsUserName>YKTEST</wsUserName>'],
    ['<tns:Password xsi:type="s">x</tns:Password>', '<tns:Password xsi:type="s">[redacted]</tns:Password>'],
    ['<WebPassword>123456</WebPassword>', '<WebPassword>[redacted]</WebPassword>'],
    ['https://api/x?CariKodu=1&Sifre=abc&WebSiparisKodu=K1', 'https://api/x?CariKodu=1&Sifre=[redacted]&WebSiparisKodu=K1'],
    ['Authorization: Bearer abc.def', 'Authorization: [redacted]'],
    ['{"referenceNo":"KJ-1","desi":3}', '{"referenceNo":"KJ-1","desi":3}'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected)
  })
})

describe('CarrierExchangeStore', () => {
  let dir = ''
  let opened: OpenedDatabase | null = null
  afterEach(async () => {
    await opened?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('stores exchanges redacted, lists newest first and prunes old ones', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-ex-'))
    opened = await openDatabase(join(dir, 's.sqlite3'))
    let now = Date.parse('2026-11-25T12:00:00Z')
    const store = new CarrierExchangeStore(opened.db, { now: () => now, retentionMs: 86_400_000 })
    const base = { carrierId: 'aras', method: 'POST', url: 'http://127.0.0.1/x?Sifre=s', httpStatus: 200, durationMs: 12, errorCode: null }
    await store.insert({ ...base, operation: 'SetOrder', request: '<Password>p</Password>', response: '<ok/>', at: '2026-11-20T00:00:00.000Z' })
    await store.insert({ ...base, operation: 'GetQueryJSON', request: '{"password":"p"}', response: null, at: '2026-11-25T11:00:00.000Z' })
    const rows = await store.list({ carrierId: 'aras' })
    expect(rows.map((r) => r.operation)).toEqual(['GetQueryJSON', 'SetOrder'])
    expect(JSON.stringify(rows)).not.toMatch(/"p"|>p<|Sifre=s/)
    expect(await store.prune()).toBe(1)
    now += 1
    expect(await store.list()).toHaveLength(1)
  })
})
