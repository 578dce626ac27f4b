import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { takipReturnSchema } from './ptt.schemas'
import { parsePttDateTime, pttTimeline } from './ptt.timeline'

describe('ITARIH dd/MM/yyyy (+ ISAAT) in Turkey time → ISO UTC', () => {
  it.each([
    ['14/02/2025', '', '2025-02-13T21:00:00.000Z'],
    ['14/02/2025', '18:00:35', '2025-02-14T15:00:35.000Z'],
    ['14/02/2025', '09:05', '2025-02-14T06:05:00.000Z'],
    ['1.3.2025', '', '2025-02-28T21:00:00.000Z'],
    ['14/02/2025 18:00', '', '2025-02-14T15:00:00.000Z'],
    ['31/02/2025', '', null],
    ['2025-02-14', '', null],
    ['14/02/2025', '25:00', null], // an impossible time is refused like an impossible date
    ['14/02/2025 24:00', '', null],
    ['', '', null],
  ])('%j %j → %s', (date, time, iso) => {
    expect(parsePttDateTime(date, time)).toBe(iso)
  })
})

const answer = (over: Record<string, unknown>) => takipReturnSchema.parse({ sonucKodu: '1', ...over })

describe('timeline', () => {
  it('orders by siraNo (not by position), keeps raw code and text, office as location', () => {
    const events = pttTimeline(
      answer({
        BARNO: '2740000000010',
        dongu: [
          { siraNo: '2', ISLEM: 'Dağıtıma Çıkarıldı', ITARIH: '15/02/2025', ISAAT: '09:00:00', IMERK: 'ÖDEMİŞ' },
          { siraNo: '1', ISLEM: 'Kabul Edildi', ITARIH: '14/02/2025', IMERK: 'ESENYURT' },
        ],
      }),
      '2740000000010',
    )
    expect(events).toEqual([
      { status: TrackingStatus.pickedUp, rawCode: '1', rawText: 'Kabul Edildi', at: '2025-02-13T21:00:00.000Z', location: 'ESENYURT' },
      { status: TrackingStatus.outForDelivery, rawCode: '2', rawText: 'Dağıtıma Çıkarıldı', at: '2025-02-15T06:00:00.000Z', location: 'ÖDEMİŞ' },
    ])
  })

  it('TESALAN without a "teslim edildi" event adds the delivery after the last event; with one it adds nothing', () => {
    const base = { BARNO: '1', VMERK: 'ÖDEMİŞ PTT', dongu: [{ siraNo: '1', ISLEM: 'Dağıtımda', ITARIH: '15/02/2025', IMERK: 'X' }] }
    const added = pttTimeline(answer({ ...base, TESALAN: 'Mehmet Polat' }), '1')
    expect(added.at(-1)).toEqual({
      status: TrackingStatus.delivered,
      rawCode: 'TESALAN',
      rawText: 'Teslim alan: Mehmet Polat',
      at: added[0]?.at,
      location: 'ÖDEMİŞ PTT',
    })
    const withEvent = { ...base, TESALAN: 'M', dongu: [...base.dongu, { siraNo: '2', ISLEM: 'Teslim Edildi', ITARIH: '15/02/2025', IMERK: 'X' }] }
    expect(pttTimeline(answer(withEvent), '1').map((e) => e.status)).toEqual([TrackingStatus.outForDelivery, TrackingStatus.delivered])
    expect(pttTimeline(answer({}), '1')).toEqual([])
  })

  it('an unknown text stays null; an unreadable date makes the answer unusable', () => {
    expect(pttTimeline(answer({ dongu: [{ siraNo: '1', ISLEM: 'Bilgi', ITARIH: '15/02/2025' }] }), '1')[0]?.status).toBeNull()
    let err: unknown
    try {
      pttTimeline(answer({ dongu: [{ siraNo: '1', ISLEM: 'Kabul', ITARIH: '2025-02-15' }] }), '1')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: ErrorCode.carrierBadResponse, meta: { ITARIH: '2025-02-15' } })
  })
})
