import type Database from 'better-sqlite3'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { barcodeOfBody, parsePttRange, rangeExhausted, type PttBarcodeAllocator, type PttBarcodeRange } from './ptt.barcode'

const CARRIER = 'ptt'

/**
 * PTT barcodes from the customer's range, allocated in the station database (carrier_key_allocations):
 * one barcode per idempotency key for ever, so a retry, a restart or an offline registration sends
 * the same barcode, and two keys never share one. `seq` is the barcode's 12-digit body, so a new
 * range from PTT continues where it starts. Synchronous (better-sqlite3, one immediate transaction):
 * the connector asks while building a request.
 */
export function createSqlitePttBarcodeAllocator(sqlite: () => Database.Database, range: PttBarcodeRange): PttBarcodeAllocator & { remaining(): number } {
  const parsed = parsePttRange(range)
  const highest = () =>
    (
      sqlite()
        .prepare('select max(seq) as seq from carrier_key_allocations where carrier_id = ? and seq between ? and ?')
        .get(CARRIER, parsed.firstBody, parsed.lastBody) as { seq: number | null }
    ).seq
  return {
    remaining: () => parsed.lastBody - Math.max(parsed.firstBody - 1, highest() ?? parsed.firstBody - 1),
    next(idempotencyKey: string): string {
      if (idempotencyKey.trim() === '')
        throw new AppError(ErrorCode.inputInvalid, 'a PTT barcode needs a non-empty idempotency key', { meta: { field: 'idempotencyKey' } })
      const db = sqlite()
      return db
        .transaction(() => {
          const known = db.prepare('select key from carrier_key_allocations where carrier_id = ? and idempotency_key = ?').get(CARRIER, idempotencyKey) as
            { key: string } | undefined
          if (known) return known.key
          const body = (highest() ?? parsed.firstBody - 1) + 1
          if (body > parsed.lastBody) throw rangeExhausted(range)
          const key = barcodeOfBody(body)
          db.prepare('insert into carrier_key_allocations (carrier_id, idempotency_key, seq, key) values (?, ?, ?, ?)').run(CARRIER, idempotencyKey, body, key)
          return key
        })
        .immediate()
    },
  }
}
