import { describe, expect, it } from 'vitest'
import { KG_EVENT_TYPES } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { kgEventCode, normalizeKolayGelsinStatus } from './kolaygelsin.status'

const S = TrackingStatus

// Every CargoEventType docs/reference/carriers.md §7 lists, with the §12 Kolay Gelsin column.
const TABLE: readonly (readonly [number, TrackingStatus])[] = [
  [1, S.created],
  [2, S.created],
  [12, S.pickedUp],
  [13, S.inTransit],
  [14, S.inTransit],
  [17, S.outForDelivery],
  [18, S.outForDelivery],
  [25, S.failedAttempt],
  [26, S.failedAttempt],
  [28, S.failedAttempt],
  [35, S.failedAttempt],
  [39, S.delayed],
  [33, S.exception],
  [58, S.exception],
  [31, S.returnInTransit],
  [32, S.returnInTransit],
  [46, S.returnInTransit],
  [29, S.delivered],
]

describe('normalizeKolayGelsinStatus (carriers.md §12 Kolay Gelsin column)', () => {
  it.each(TABLE)('%i → %s', (code, expected) => {
    expect(normalizeKolayGelsinStatus(String(code), KG_EVENT_TYPES[code] ?? '')).toBe(expected)
  })

  it('covers every CargoEventType of the doc, and no more', () => {
    expect(TABLE.map(([c]) => c).sort()).toEqual(Object.keys(KG_EVENT_TYPES).map(Number).sort())
  })

  it.each(['3', '30', '0', '', 'teslim', '29a'])('unknown code "%s" → null, even with a delivered text', (code) => {
    expect(normalizeKolayGelsinStatus(code, 'Gönderi teslim edildi')).toBeNull()
  })
})

describe('kgEventCode', () => {
  it.each([
    ['12', 12],
    [12, 12],
    ['12: paket Kolay Gelsin tarafından teslim alındı', 12],
    [' 29 ', 29],
    ['', null],
    ['teslim', null],
    [null, null],
  ] as const)('%o → %o', (raw, code) => {
    expect(kgEventCode(raw)).toBe(code)
  })
})
