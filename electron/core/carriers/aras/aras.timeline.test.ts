import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { cargoRowSchema, movementRowSchema } from './aras.schemas'
import { arasTimeline, currentStatus, parseArasDate } from './aras.timeline'

describe('parseArasDate (Turkey time, UTC+3)', () => {
  it.each([
    ['25.11.2025 14:30:15', '', '2025-11-25T11:30:15.000Z'],
    ['25.11.2025 14:30', '', '2025-11-25T11:30:00.000Z'],
    ['25.11.2025', '', '2025-11-24T21:00:00.000Z'],
    ['25.11.2025', '09:05', '2025-11-25T06:05:00.000Z'],
    ['5/1/2025 08:00:00', '', '2025-01-05T05:00:00.000Z'],
    ['2025-11-25T14:30:15', '', '2025-11-25T11:30:15.000Z'],
    ['2025-11-25T14:30:15.123+03:00', '', '2025-11-25T11:30:15.123Z'],
    ['2025-11-25 11:30:15Z', '', '2025-11-25T11:30:15.000Z'],
    ['/Date(1764070215000)/', '', '2025-11-25T11:30:15.000Z'],
    ['/Date(1764070215000+0300)/', '', '2025-11-25T11:30:15.000Z'],
  ])('%s %s → %s', (raw, time, iso) => {
    expect(parseArasDate(raw, time)).toBe(iso)
  })

  it.each([['31.02.2025'], ['25.13.2025'], ['25.11.2025 25:00'], ['yesterday'], ['']])('%s → null', (raw) => {
    expect(parseArasDate(raw)).toBeNull()
  })
})

const cargo = (over: Record<string, string>) => cargoRowSchema.parse({ MUSTERI_OZEL_KODU: '123456', KARGO_TAKIP_NO: '3400000000001', ...over })
const move = (at: string, event: string) => movementRowSchema.parse({ ISLEM_TARIHI: at, BIRIM: 'KADIKÖY', ISLEM: event, ACIKLAMA: '' })

describe('arasTimeline', () => {
  it('movements oldest first, then the coded state; delivered at TESLIM_TARIHI/SAATI', () => {
    const t = arasTimeline(
      cargo({
        DURUM_KODU: '6',
        TIP_KODU: '1',
        DURUMU: 'Teslim edildi',
        TESLIM_ALAN: 'ELİF KAYA',
        TESLIM_TARIHI: '26.11.2025',
        TESLIM_SAATI: '15:10',
        ISLEM_TARIHI: '26.11.2025 15:10:00',
      }),
      [move('26.11.2025 09:00:00', 'Dağıtıma çıkarıldı'), move('25.11.2025 18:00:00', 'Kargo kabul edildi')],
      '2025-11-27T00:00:00.000Z',
    )
    expect(t.map((e) => [e.at, e.status, e.rawCode])).toEqual([
      ['2025-11-25T15:00:00.000Z', null, ''],
      ['2025-11-26T06:00:00.000Z', 'out_for_delivery', ''],
      ['2025-11-26T12:10:00.000Z', 'delivered', 'DURUM_KODU:6;TIP_KODU:1'],
    ])
    expect(t.at(-1)).toMatchObject({ rawText: 'Teslim edildi (ELİF KAYA)', location: null })
    expect(t[0]?.location).toBe('KADIKÖY')
    expect(currentStatus(t)).toBe('delivered')
  })

  it('the coded state is never placed before the newest movement', () => {
    const t = arasTimeline(cargo({ DURUM_KODU: '2', ISLEM_TARIHI: '25.11.2025 10:00:00' }), [move('25.11.2025 12:00:00', 'Yolda')], 'x')
    expect(t.at(-1)).toMatchObject({ status: 'in_transit', at: '2025-11-25T09:00:00.000Z' })
  })

  it('no movements and no date: the observed time', () => {
    expect(arasTimeline(cargo({ DURUM_KODU: '1' }), [], '2025-01-01T00:00:00.000Z')).toEqual([
      { status: 'picked_up', rawCode: 'DURUM_KODU:1', rawText: '', at: '2025-01-01T00:00:00.000Z', location: null },
    ])
  })

  it('an unreadable date is a bad answer, not a guess', () => {
    expect(() => arasTimeline(null, [move('dün', 'Yolda')], 'x')).toThrow(expect.objectContaining({ code: ErrorCode.carrierBadResponse }))
  })
})
