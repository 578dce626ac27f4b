import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { shippingDeliveryDetailSchema } from './yurtici.schemas'
import { currentTrackingStatus } from '../../../../shared/tracking/timeline'
import { currentStatus, trDateTimeToIso, yurticiTimeline } from './yurtici.timeline'

const NOW = '2025-03-15T09:00:00.000Z'

/** A queryShipment row as the parser yields it (all leaves strings). */
function row(status: string, item: Record<string, unknown> | null = null, extra: Record<string, string> = {}) {
  return shippingDeliveryDetailSchema.parse({
    cargoKey: 'KJ0000000000000001',
    errCode: '0',
    invoiceKey: 'KJ00000000000000',
    jobId: '71500001',
    operationCode: '',
    operationMessage: `msg ${status}`,
    operationStatus: status,
    ...extra,
    ...(item ? { shippingDeliveryItemDetailVO: { docId: '100000000001', documentDate: '20250314', documentTime: '100000', ...item } } : {}),
  })
}

const events = [
  {
    eventId: 'IN',
    eventName: 'Kargo İndirildi',
    reasonId: 'OK',
    reasonName: 'Sorun Yok',
    eventDate: '20250314',
    eventTime: '230500',
    cityName: 'İSTANBUL',
    townName: 'KADIKÖY',
  },
  {
    eventId: 'YK',
    eventName: 'Kargo Yüklendi',
    reasonId: 'YY',
    reasonName: 'Yanlış Yükleme',
    eventDate: '20250314',
    eventTime: '180000',
    cityName: 'İSTANBUL',
    townName: 'ŞİŞLİ',
  },
]

describe('trDateTimeToIso (Turkey time, UTC+3)', () => {
  it.each([
    ['20250314', '153000', '2025-03-14T12:30:00.000Z'],
    ['20250101', '010000', '2024-12-31T22:00:00.000Z'],
    ['20250314', '1530', '2025-03-14T12:30:00.000Z'],
    ['20250314', '', '2025-03-13T21:00:00.000Z'],
    ['2025-03-14', '153000', null],
    ['20251314', '153000', null],
    ['20250314', '256000', null],
    ['', '', null],
  ])('%j %j → %j', (d, t, expected) => {
    expect(trDateTimeToIso(d, t)).toBe(expected)
  })
})

describe('yurticiTimeline', () => {
  it('NOP: one "created" entry stamped when observed', () => {
    const t = yurticiTimeline(row('NOP'), NOW)
    expect(t).toEqual([{ status: TrackingStatus.created, rawCode: 'operationStatus=NOP', rawText: 'msg NOP', at: NOW, location: null, current: true }])
  })

  it('IND with history: issue time, events oldest first with reasons and places, raw codes kept', () => {
    const t = yurticiTimeline(row('IND', { invDocCargoVOArray: events }), NOW)
    expect(t.map((e) => [e.rawCode, e.at, e.status])).toEqual([
      ['operationStatus=IND', '2025-03-14T07:00:00.000Z', TrackingStatus.inTransit],
      ['eventId=YK reasonId=YY', '2025-03-14T15:00:00.000Z', TrackingStatus.inTransit],
      ['eventId=IN reasonId=OK', '2025-03-14T20:05:00.000Z', TrackingStatus.inTransit],
    ])
    expect(t[1]).toMatchObject({ rawText: 'Kargo Yüklendi (Yanlış Yükleme)', location: 'ŞİŞLİ, İSTANBUL' })
    expect(t[2]?.rawText).toBe('Kargo İndirildi')
  })

  it('DLV: delivered at the delivery time, with who received it', () => {
    const t = yurticiTimeline(
      row('DLV', { invDocCargoVOArray: events, deliveryDate: '20250315', deliveryTime: '111500', receiverInfo: 'ELİF KAYA', arrivalUnitName: 'KADIKÖY' }),
      NOW,
    )
    expect(t.at(-1)).toEqual({
      status: TrackingStatus.delivered,
      rawCode: 'operationStatus=DLV',
      rawText: 'msg DLV / ELİF KAYA',
      at: '2025-03-15T08:15:00.000Z',
      location: 'KADIKÖY',
      current: true,
    })
    expect(currentStatus(t)).toBe(TrackingStatus.delivered)
  })

  it('DLV decides the status even when a scan carries a later time; the timeline stays in time order', () => {
    const late = { ...events[1], eventId: 'YK', eventName: 'Kargo Yüklendi', reasonId: 'OK', eventDate: '20250315', eventTime: '180000' }
    const t = yurticiTimeline(row('DLV', { invDocCargoVOArray: [...events, late], deliveryDate: '20250315', deliveryTime: '111500' }), NOW)
    expect(t.at(-1)).toMatchObject({ rawCode: 'eventId=YK reasonId=OK', status: TrackingStatus.inTransit, at: '2025-03-15T15:00:00.000Z' })
    expect(currentStatus(t)).toBe(TrackingStatus.delivered)
    expect(currentTrackingStatus(t)).toBe(TrackingStatus.delivered)
  })

  it('an unknown operationStatus leaves the status to the scans', () => {
    const t = yurticiTimeline(row('ZZZ', { invDocCargoVOArray: events }), NOW)
    expect(currentStatus(t)).toBe(TrackingStatus.inTransit)
  })

  it('return under way: the reason is a failed attempt, then return in transit', () => {
    const t = yurticiTimeline(
      row('IND', { rejectStatus: '0', rejectStatusExplanation: 'İade talep edildi', rejectReasonExplanation: 'Alıcı adreste yok', returnStatus: '0' }),
      NOW,
    )
    expect(t.slice(-3).map((e) => [e.rawCode, e.status])).toEqual([
      ['rejectReason=0', TrackingStatus.failedAttempt],
      ['rejectStatus=0', TrackingStatus.returnInTransit],
      ['returnStatus=0', null],
    ])
    expect(currentStatus(t)).toBe(TrackingStatus.returnInTransit)
  })

  it.each([
    [{ rejectStatus: '4' }, TrackingStatus.inTransit],
    [{ rejectStatus: '11', rejectReasonExplanation: 'x' }, TrackingStatus.inTransit],
    [{ rejectStatus: '9' }, TrackingStatus.returnInTransit],
    [{ rejectStatus: '10' }, TrackingStatus.returnedToSender],
    [{ rejectStatus: '9', returnStatus: '3' }, TrackingStatus.returnedToSender],
    [{ returnStatus: '1' }, TrackingStatus.inTransit],
  ])('return fields %j → current %s', (fields, expected) => {
    expect(currentStatus(yurticiTimeline(row('IND', fields), NOW))).toBe(expected)
  })

  it('an unknown status after a "Teslim Edildi" event is never delivered', () => {
    const t = yurticiTimeline(row('ZZZ', { invDocCargoVOArray: [{ ...events[0], eventId: 'TS', eventName: 'Teslim Edildi' }] }), NOW)
    expect(t.map((e) => e.status)).toEqual([null, null])
    expect(currentStatus(t)).toBeNull()
    expect(t.at(-1)?.rawCode).toBe('operationStatus=ZZZ')
  })

  it('BI is an exception as seen now, after the older events', () => {
    const t = yurticiTimeline(row('BI', { invDocCargoVOArray: events }), NOW)
    expect(t.at(-1)).toMatchObject({ status: TrackingStatus.exception, at: NOW })
  })
})
