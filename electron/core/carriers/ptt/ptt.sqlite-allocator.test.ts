import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../db/database'
import { barcodeOfBody, isValidPttBarcode } from './ptt.barcode'
import { createSqlitePttBarcodeAllocator } from './ptt.sqlite-allocator'

let opened: OpenedDatabase | null = null
let dir = ''
afterEach(async () => {
  await opened?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('PTT barcode allocator in the station database', () => {
  it('gives one barcode per key, survives a reopen, and refuses when the range is used up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-ptt-'))
    const path = join(dir, 's.sqlite3')
    opened = await openDatabase(path)
    const range = { first: barcodeOfBody(270000000001), last: barcodeOfBody(270000000003) }
    const a = createSqlitePttBarcodeAllocator(() => opened!.sqlite, range)
    const k1 = a.next('key-1')
    expect(isValidPttBarcode(k1)).toBe(true)
    expect(a.next('key-1')).toBe(k1)
    const k2 = a.next('key-2')
    expect(k2).not.toBe(k1)
    await opened.close()
    opened = await openDatabase(path)
    const b = createSqlitePttBarcodeAllocator(() => opened!.sqlite, range)
    expect(b.next('key-2')).toBe(k2)
    expect(b.remaining()).toBe(1)
    b.next('key-3')
    expect(() => b.next('key-4')).toThrow(expect.objectContaining({ meta: expect.objectContaining({ reason: 'barcodeRangeExhausted' }) }))
    expect(b.next('key-1')).toBe(k1)
  })
})
