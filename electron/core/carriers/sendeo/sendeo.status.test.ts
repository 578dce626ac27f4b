import { describe, expect, it } from 'vitest'
import { SENDEO_STATUSES } from '../../../../sandbox/sendeo/sendeo.emulator'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { normalizeSendeoStatus } from './sendeo.status'

const S = TrackingStatus

// Every StatusId docs/reference/carriers.md §7 lists, with the §12 Sendeo column; ids §12 does not place → null.
const TABLE: readonly (readonly [number, TrackingStatus | null])[] = [
  [101, S.created],
  [102, S.created],
  [137, S.created],
  [138, S.pickedUp],
  [103, S.inTransit],
  [104, S.inTransit],
  [105, S.inTransit],
  [106, S.inTransit],
  [107, S.inTransit],
  [108, S.inTransit],
  [110, S.inTransit],
  [126, S.inTransit],
  [132, S.inTransit],
  [109, S.outForDelivery],
  [140, S.outForDelivery],
  [112, S.failedAttempt],
  [114, S.failedAttempt],
  [115, S.failedAttempt],
  [122, S.failedAttempt],
  [129, S.failedAttempt],
  [130, S.failedAttempt],
  [119, S.delayed],
  [123, S.delayed],
  [124, S.delayed],
  [127, S.delayed],
  [128, S.delayed],
  [117, S.exception],
  [118, S.exception],
  [120, S.exception],
  [121, S.exception],
  [125, S.exception],
  [143, S.exception],
  [113, S.returnInTransit],
  [131, S.returnInTransit],
  [134, S.returnInTransit],
  [135, S.returnInTransit],
  [151, S.returnedToSender],
  [111, S.delivered],
  [133, S.cancelled],
  [139, S.cancelled],
  [136, null],
  [141, null],
  [142, null],
]

describe('normalizeSendeoStatus (carriers.md §12 Sendeo column)', () => {
  it.each(TABLE)('%i → %s', (id, expected) => {
    expect(normalizeSendeoStatus(String(id), SENDEO_STATUSES[id]?.[0] ?? '')).toBe(expected)
  })

  it('covers every id of the official status list, and no more', () => {
    expect(TABLE.map(([id]) => id).sort()).toEqual(Object.keys(SENDEO_STATUSES).map(Number).sort())
  })

  it.each(['116', '999', '', 'abc', '11 1', '-111'])('unknown code "%s" → null, even with a delivered text', (code) => {
    expect(normalizeSendeoStatus(code, 'Teslim Edildi')).toBeNull()
  })

  it('reads codes with surrounding spaces', () => {
    expect(normalizeSendeoStatus(' 111 ', '')).toBe(S.delivered)
  })
})
