import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { lowerKeys, statusPayloadSchema } from './kolaygelsin.schemas'
import { kgDateToIso, kgTimeline } from './kolaygelsin.timeline'

const models = (payload: unknown) => statusPayloadSchema.parse(lowerKeys(payload))
const ev = (type: string | number, ts: string, location = 'TM') => ({ CargoEventType: type, TimeStamp: ts, LocationName: location })
const OBSERVED = '2024-05-01T12:00:00.000Z'

describe('kgDateToIso', () => {
  it.each([
    ['2021-05-13T18:28:01.882+03:00', '2021-05-13T15:28:01.882Z'],
    ['2021-05-13T18:28:01Z', '2021-05-13T18:28:01.000Z'],
    ['2021-05-13T18:28:01', '2021-05-13T15:28:01.000Z'],
    ['2021-05-13T18:28', '2021-05-13T15:28:00.000Z'],
  ])('%s → %s', (input, iso) => expect(kgDateToIso(input)).toBe(iso))

  it.each(['13.05.2021 18:28', '2021-02-31T10:00:00', 'dün', ''])('"%s" is not a date', (input) => expect(kgDateToIso(input)).toBeNull())
})

describe('kgTimeline', () => {
  it('merges the parcels of one shipment: an event on both parcels once, oldest first', () => {
    const p = {
      ShipmentModelList: [
        {
          ShipmentId: '9442',
          CustomerBarcode: 'A01',
          CargoEventLogModelList: [ev(1, '2024-05-01T09:00:00+03:00', 'DEPO'), ev('12', '2024-05-01T11:00:00+03:00', 'DEPO')],
        },
        {
          ShipmentId: '9442',
          CustomerBarcode: 'A02',
          CargoEventLogModelList: [
            ev('12', '2024-05-01T11:00:00+03:00', 'DEPO'),
            ev(1, '2024-05-01T09:00:00+03:00', 'DEPO'),
            ev('13: Toplama TM', '2024-05-01T14:00:00+03:00'),
          ],
        },
      ],
    }
    const events = kgTimeline(models(p), OBSERVED)
    expect(events.map((e) => [e.rawCode, e.status, e.at, e.location])).toEqual([
      ['1', 'created', '2024-05-01T06:00:00.000Z', 'DEPO'],
      ['12', 'picked_up', '2024-05-01T08:00:00.000Z', 'DEPO'],
      ['13', 'in_transit', '2024-05-01T11:00:00.000Z', 'TM'],
    ])
    expect(events[0]?.rawText).toBe('Gönderi KG sisteminde oluşturuldu')
  })

  it('a 29 after a return event is the return delivered: returned_to_sender; before it, delivered', () => {
    const returned = kgTimeline(
      models([{ ShipmentId: '1', CargoEventLogModelList: [ev(12, '2024-05-01T10:00:00Z'), ev(31, '2024-05-01T11:00:00Z'), ev(29, '2024-05-02T10:00:00Z')] }]),
      OBSERVED,
    )
    expect(returned.map((e) => e.status)).toEqual(['picked_up', 'return_in_transit', 'returned_to_sender'])
    const delivered = kgTimeline(
      models([{ ShipmentId: '1', CargoEventLogModelList: [ev(18, '2024-05-01T10:00:00Z'), ev(29, '2024-05-01T11:00:00Z')] }]),
      OBSERVED,
    )
    expect(delivered.at(-1)?.status).toBe('delivered')
  })

  it('reads the swagger’s bare array and a null payload; an event without TimeStamp is dated when seen; an unknown type stays null', () => {
    const events = kgTimeline(models([{ ShipmentId: '7', CargoEventLogModelList: [{ CargoEventType: '99', LocationName: 'X' }] }]), OBSERVED)
    expect(events).toEqual([{ status: null, rawCode: '99', rawText: '', at: OBSERVED, location: 'X' }])
    expect(models(null)).toEqual([])
  })

  it('a TimeStamp that is no date → carrier.badResponse, not retryable', () => {
    let err: unknown
    try {
      kgTimeline(models([{ ShipmentId: '7', CargoEventLogModelList: [ev(1, 'dün')] }]), OBSERVED)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: ErrorCode.carrierBadResponse, retryable: false })
  })
})
