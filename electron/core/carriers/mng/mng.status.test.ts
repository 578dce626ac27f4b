import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { mngStatusCodeOf, mngTimeline, normalizeMngShipmentStatus, normalizeMngStatus, parseMngDateTime } from './mng.status'

describe('normalizeMngStatus: every carriers.md §3 code and name, §12 MNG/DHL column', () => {
  it.each([
    ['1', 'Gönderi_Hazırlandı', TrackingStatus.created],
    ['2', 'Transfer_Aşamasında', TrackingStatus.inTransit],
    ['3', 'Teslimat_Birimine_Ulaştı', TrackingStatus.inTransit],
    ['4', 'Alıcı_Adresine_Yönlendirildi', TrackingStatus.outForDelivery],
    ['5', 'Teslim_Edildi', TrackingStatus.delivered],
    ['6', 'Teslim_Edilemedi', TrackingStatus.failedAttempt],
    ['7', 'Geri_Geliyor', TrackingStatus.returnInTransit],
    ['8', 'Destek_Gerekiyor', TrackingStatus.exception],
  ] as const)('%s / %s → %s', (code, name, status) => {
    expect(normalizeMngStatus(code)).toBe(status)
    expect(normalizeMngStatus(` ${code} `)).toBe(status)
    // eventStatus carries the name instead of the number, with underscores or spaces, any case.
    expect(normalizeMngStatus(name)).toBe(status)
    expect(normalizeMngStatus(name.replaceAll('_', ' '))).toBe(status)
    expect(normalizeMngStatus(name.toLocaleUpperCase('tr-TR'))).toBe(status)
    expect(normalizeMngStatus('', name)).toBe(status)
    expect(mngStatusCodeOf(name)).toBe(Number(code))
  })

  it.each([['0'], ['9'], ['55'], ['Teslim'], ['Teslim edildi mi?'], ['DELIVERED'], ['-1'], ['']])('unknown %j → null, never delivered', (raw) => {
    expect(normalizeMngStatus(raw)).toBeNull()
  })

  it('an unknown code is not guessed from its text', () => {
    expect(normalizeMngStatus('9', 'Teslim_Edildi')).toBeNull()
    expect(normalizeMngStatus('', 'gönderi teslim edildi')).toBeNull()
  })

  it('getshipmentstatus: isDelivered=1 is delivered whatever the code (§12 "5 / isDelivered=1")', () => {
    expect(normalizeMngShipmentStatus('4', 'Alıcı_Adresine_Yönlendirildi', true)).toBe(TrackingStatus.delivered)
    expect(normalizeMngShipmentStatus('4', 'Alıcı_Adresine_Yönlendirildi', false)).toBe(TrackingStatus.outForDelivery)
    expect(normalizeMngShipmentStatus('', '', false)).toBeNull()
  })
})

describe('parseMngDateTime (Turkey time, UTC+3)', () => {
  it.each([
    ['13-02-2019 14:56', '2019-02-13T11:56:00.000Z'],
    ['13-02-2019 14:56:07', '2019-02-13T11:56:07.000Z'],
    ['10.03.2020 16:05:00', '2020-03-10T13:05:00.000Z'],
    ['01-01-2025 01:30', '2024-12-31T22:30:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(new Date(parseMngDateTime(raw) ?? 0).toISOString()).toBe(iso)
  })

  it.each([[''], ['31-02-2025 10:00'], ['2025-03-10T10:00:00Z'], ['13-02-2019'], ['13-02-2019 25:00']])('%j → null', (raw) => {
    expect(parseMngDateTime(raw)).toBeNull()
  })
})

describe('mngTimeline', () => {
  const ev = (eventStatus: string, eventDateTime: string, location = 'X') => ({ eventStatus, eventStatusEn: '', eventDateTime, location, description: '' })

  it('sorts oldest first, marks the first status-2 event as the pickup and keeps raw code/text', () => {
    const events = mngTimeline(
      [
        ev('Teslim_Edildi', '12-03-2025 10:00'),
        ev('Transfer_Aşamasında', '11-03-2025 09:00'),
        ev('Gönderi_Hazırlandı', '10-03-2025 08:00'),
        ev('Transfer Aşamasında', '11-03-2025 20:00'),
      ],
      '2025-03-13T00:00:00.000Z',
    )
    expect(events.map((e) => [e.status, e.rawCode, e.at])).toEqual([
      [TrackingStatus.created, 'Gönderi_Hazırlandı', '2025-03-10T05:00:00.000Z'],
      [TrackingStatus.pickedUp, 'Transfer_Aşamasında', '2025-03-11T06:00:00.000Z'],
      [TrackingStatus.inTransit, 'Transfer Aşamasında', '2025-03-11T17:00:00.000Z'],
      [TrackingStatus.delivered, 'Teslim_Edildi', '2025-03-12T07:00:00.000Z'],
    ])
  })

  it('an unknown status stays null; an unreadable time becomes the observation time and sorts last', () => {
    const events = mngTimeline([ev('Bilinmeyen', '??', ''), ev('Gönderi_Hazırlandı', '10-03-2025 08:00')], '2025-03-13T00:00:00.000Z')
    expect(events.map((e) => [e.status, e.at, e.location])).toEqual([
      [TrackingStatus.created, '2025-03-10T05:00:00.000Z', 'X'],
      [null, '2025-03-13T00:00:00.000Z', null],
    ])
  })
})
