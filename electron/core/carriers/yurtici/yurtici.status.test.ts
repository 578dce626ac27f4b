import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import {
  isReturnInProgress,
  normalizeCargoEvent,
  normalizeOperationStatus,
  normalizeRejectStatus,
  normalizeReturnStatus,
  OPERATION_CODE,
  YurticiOperationStatus,
} from './yurtici.status'

// docs/reference/carriers.md §1 (codes) and §12 (the Yurtiçi column of the normalization table).
describe('operationStatus → normalized (every documented status)', () => {
  it.each([
    ['NOP', 0, TrackingStatus.created],
    ['IND', 1, TrackingStatus.inTransit],
    ['ISR', 2, TrackingStatus.pickedUp],
    ['CNL', 3, TrackingStatus.cancelled],
    ['ISC', 4, TrackingStatus.cancelled],
    ['DLV', 5, TrackingStatus.delivered],
    ['BI', 6, TrackingStatus.exception],
  ] as const)('%s (code %i) → %s', (status, code, expected) => {
    expect(OPERATION_CODE[status]).toBe(code)
    expect(normalizeOperationStatus(status)).toBe(expected)
    expect(normalizeOperationStatus(status.toLowerCase())).toBe(expected)
    // The numeric code alone (status text missing) gives the same answer.
    expect(normalizeOperationStatus('', code)).toBe(expected)
  })

  it('covers every status in the vocabulary object', () => {
    expect(Object.keys(YurticiOperationStatus).sort()).toEqual(Object.keys(OPERATION_CODE).sort())
  })

  it.each([
    ['XYZ', null],
    ['', null],
    ['', 7],
    ['DELIVERED', 99],
  ] as const)('unknown status %j / code %j → null, never delivered', (status, code) => {
    expect(normalizeOperationStatus(status, code)).toBeNull()
  })

  it('the status text wins over a contradicting code', () => {
    expect(normalizeOperationStatus('NOP', 5)).toBe(TrackingStatus.created)
  })
})

describe('cargo events → normalized', () => {
  it.each([
    ['IN', 'Kargo İndirildi', TrackingStatus.inTransit],
    ['YK', 'Kargo Yüklendi', TrackingStatus.inTransit],
    ['yk', '', TrackingStatus.inTransit],
    ['DG', 'Kargo Dağıtıma Çıkarıldı', TrackingStatus.outForDelivery],
    ['XX', 'DAĞITIMDA', TrackingStatus.outForDelivery],
    ['IA', 'İade Sürecinde', TrackingStatus.returnInTransit],
    ['TS', 'Teslim Edildi', null],
    ['TE', 'Teslim Edilemedi', null],
    ['ZZ', 'Ziyade bekleme', null],
    ['QQ', 'Bilinmeyen hareket', null],
  ] as const)('%s "%s" → %s', (id, name, expected) => {
    expect(normalizeCargoEvent(id, name)).toBe(expected)
  })
})

describe('rejectStatus → normalized (every documented value)', () => {
  it.each([
    ['0', TrackingStatus.returnInTransit, true],
    ['1', TrackingStatus.returnInTransit, true],
    ['2', TrackingStatus.returnInTransit, true],
    ['3', TrackingStatus.returnInTransit, true],
    ['4', null, false],
    ['7', null, false],
    ['8', null, false],
    ['9', TrackingStatus.returnInTransit, true],
    ['10', TrackingStatus.returnedToSender, false],
    ['11', null, false],
    ['5', null, false],
    ['', null, false],
  ] as const)('rejectStatus %j → %s (return in progress: %s)', (value, expected, inProgress) => {
    expect(normalizeRejectStatus(value)).toBe(expected)
    expect(isReturnInProgress(value)).toBe(inProgress)
  })
})

describe('returnStatus → normalized (every documented value)', () => {
  it.each([
    ['0', null],
    ['1', null],
    ['2', null],
    ['3', TrackingStatus.returnedToSender],
    ['4', null],
    [' 3 ', TrackingStatus.returnedToSender],
  ] as const)('returnStatus %j → %s', (value, expected) => {
    expect(normalizeReturnStatus(value)).toBe(expected)
  })
})
