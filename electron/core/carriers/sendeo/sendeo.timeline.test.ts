import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { lowerKeys, trackResultSchema } from './sendeo.schemas'
import { parseSendeoDate, sendeoTimeline } from './sendeo.timeline'

describe('parseSendeoDate (Turkey time → UTC)', () => {
  it.each([
    ['04/02/2022 10:00:27', '2022-02-04T07:00:27.000Z'],
    ['31/12/2023 23:59:59', '2023-12-31T20:59:59.000Z'],
    ['01/01/2024 01:30:00', '2023-12-31T22:30:00.000Z'],
    ['04.02.2022 10:00', '2022-02-04T07:00:00.000Z'],
    ['2022-02-04T16:55:17', '2022-02-04T13:55:17.000Z'],
    ['2022-02-04T16:55:17.3590867', '2022-02-04T13:55:17.000Z'],
    ['2022-02-04T16:55:17.3590867+03:00', '2022-02-04T13:55:17.359Z'],
    ['2022-02-04T13:55:17Z', '2022-02-04T13:55:17.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseSendeoDate(input)).toBe(iso)
  })

  it.each(['', '31/02/2024 10:00:00', '04/02/2022 25:00:00', '2022-13-01T00:00:00', 'dün', '04/02/22 10:00:00'])('"%s" is not a date', (input) => {
    expect(parseSendeoDate(input)).toBeNull()
  })
})

const parse = (o: unknown) => trackResultSchema.parse(o)

describe('sendeoTimeline', () => {
  it('statusHistories → events oldest first, equal times in Sendeo order, codes normalized', () => {
    const r = parse({
      trackingno: 9124356789047,
      state: 103,
      statushistories: [
        { statusdate: '2024-03-01T12:00:00', statusid: 103, status: 'Şube TM Yükleme', description: 'Çıkış Şubesinden Hareket Etti' },
        { statusdate: '2024-03-01T09:00:00', statusid: 101, status: 'Kargo Sevk Emri Alındı', description: 'İş Emri Alındı' },
        { statusdate: '2024-03-01T11:00:00', statusid: 138, status: 'Gönderi Alındı', description: 'Gönderi Alındı' },
        { statusdate: '2024-03-01T11:00:00', statusid: 102, status: 'Belge Düzenlendi', description: 'Gönderi Oluşturuldu' },
        { statusdate: '2024-03-01T13:00:00', statusid: 141, status: 'Kurye Zimmete Aldı', description: 'Kurye zimmete alma' },
      ],
    })
    const events = sendeoTimeline(r, '9124356789047')
    expect(events.map((e) => [e.rawCode, e.status, e.at])).toEqual([
      ['101', 'created', '2024-03-01T06:00:00.000Z'],
      ['138', 'picked_up', '2024-03-01T08:00:00.000Z'],
      ['102', 'created', '2024-03-01T08:00:00.000Z'],
      ['103', 'in_transit', '2024-03-01T09:00:00.000Z'],
      ['141', null, '2024-03-01T10:00:00.000Z'],
    ])
    expect(events[0]?.rawText).toBe('Kargo Sevk Emri Alındı · İş Emri Alındı')
    expect(events[1]?.rawText).toBe('Gönderi Alındı') // the same name and description once
  })

  it('without statusHistories, State/StateText/UpdateDate make one event', () => {
    const events = sendeoTimeline(
      parse(lowerKeys({ State: 111, StateText: 'Teslim Edildi', UpdateDate: '04/02/2022 10:00:27', ArrivalBranchName: 'DÖRTYOL DN' })),
      'X',
    )
    expect(events).toEqual([{ status: 'delivered', rawCode: '111', rawText: 'Teslim Edildi', at: '2022-02-04T07:00:27.000Z', location: 'DÖRTYOL DN' }])
    expect(sendeoTimeline(parse({}), 'X')).toEqual([])
  })

  it('a date that is not one → carrier.badResponse, not retryable', () => {
    const r = parse({ statushistories: [{ statusdate: 'yarın', statusid: 101 }] })
    let err: unknown
    try {
      sendeoTimeline(r, 'KJ1')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: ErrorCode.carrierBadResponse, retryable: false, meta: { field: 'StatusDate', value: 'yarın' } })
  })
})
