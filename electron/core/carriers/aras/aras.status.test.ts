import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { cargoRawCode, DEVIR, DURUM, normalizeArasCargo, normalizeArasStatus, normalizeArasText, TIP } from './aras.status'

const S = TrackingStatus

describe('normalizeArasStatus: every code carriers.md §2/§12 lists for Aras', () => {
  it.each([
    // DURUM_KODU 1–7
    ['DURUM_KODU:1', S.pickedUp],
    ['DURUM_KODU:2', S.inTransit],
    ['DURUM_KODU:3', S.inTransit],
    ['DURUM_KODU:4', S.outForDelivery],
    ['DURUM_KODU:5', S.exception],
    ['DURUM_KODU:6', S.delivered],
    ['DURUM_KODU:7', S.inTransit],
    ['6', S.delivered], // a bare digit is a DURUM_KODU
    // TIP_KODU
    ['TIP_KODU:1', null],
    ['TIP_KODU:2', null],
    ['TIP_KODU:3', S.returnInTransit],
    ['DURUM_KODU:2;TIP_KODU:3', S.returnInTransit],
    ['DURUM_KODU:6;TIP_KODU:3', S.returnedToSender],
    ['DURUM_KODU:6;TIP_KODU:1', S.delivered],
    ['DURUM_KODU:7;TIP_KODU:2', S.inTransit],
    // DEVIR_KODU (non-delivery reasons)
    ['DEVIR_KODU:AY', S.failedAttempt],
    ['DEVIR_KODU:NT', S.failedAttempt],
    ['DEVIR_KODU:AA', S.failedAttempt],
    ['DEVIR_KODU:ÜR', S.failedAttempt],
    ['DEVIR_KODU:UR', S.failedAttempt],
    ['DEVIR_KODU:KE', S.failedAttempt],
    ['DEVIR_KODU:MD', S.delayed],
    ['DEVIR_KODU:TL', S.delayed],
    ['DEVIR_KODU:TG', S.delayed],
    ['DEVIR_KODU:KG', S.delayed],
    ['DEVIR_KODU:TT', S.delayed],
    ['DEVIR_KODU:TO', S.delayed],
    ['DEVIR_KODU:AD', S.exception],
    ['DEVIR_KODU:HT', S.exception],
    ['DEVIR_KODU:PS', S.exception],
    ['DEVIR_KODU:ŞA', null], // not placed by §12: the DURUM speaks
    ['DEVIR_KODU:PR', null],
    ['DURUM_KODU:3;DEVIR_KODU:ŞA', S.inTransit],
    ['DURUM_KODU:3;DEVIR_KODU:PR', S.inTransit],
    ['DURUM_KODU:3;DEVIR_KODU:AY', S.failedAttempt],
    ['AY', S.failedAttempt], // bare letters are a DEVIR_KODU
    ['DURUM_KODU:6;DEVIR_KODU:AY', S.delivered], // delivered later wins over an old reason
    // pseudo codes for what Aras says without a code
    ['ORDER', S.created],
    ['CANCELLED', S.cancelled],
    ['RETURNED', S.returnedToSender],
  ] as const)('%s → %s', (code, expected) => {
    expect(normalizeArasStatus(code, '')).toBe(expected)
  })

  it('covers every table entry (DURUM 1–7, TIP 1–3, all 16 devir codes)', () => {
    expect(Object.keys(DURUM).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(Object.keys(TIP).sort()).toEqual(['1', '2', '3'])
    expect(Object.keys(DEVIR).sort()).toEqual(['AA', 'AD', 'AY', 'HT', 'KE', 'KG', 'MD', 'NT', 'PR', 'PS', 'TG', 'TL', 'TO', 'TT', 'ŞA', 'ÜR'].sort())
  })

  it.each([['DURUM_KODU:8'], ['DURUM_KODU:0'], ['DEVIR_KODU:ZZ'], ['TIP_KODU:9'], ['FOO:6'], ['99'], ['XYZ']])('unknown %s → null, never delivered', (code) => {
    expect(normalizeArasStatus(code, 'Teslim edildi')).toBeNull()
  })
})

describe('text fallback (movements carry no code)', () => {
  it.each([
    ['Dağıtıma çıkarıldı', S.outForDelivery],
    ['DAĞITIMDA', S.outForDelivery],
    ['Teslim edilemedi – Adres yanlış', S.failedAttempt],
    ['İade sürecinde', S.returnInTransit],
    ['Teslim edildi', null], // delivered only ever from DURUM_KODU 6
    ['Kargo kabul edildi', null],
    ['', null],
  ] as const)('"%s" → %s', (text, expected) => {
    expect(normalizeArasStatus('', text)).toBe(expected)
    expect(normalizeArasText(text)).toBe(expected)
  })
})

describe('normalizeArasCargo / cargoRawCode', () => {
  it('round-trips through the stored rawCode', () => {
    const codes = { durum: '4', tip: '1', devir: 'NT' }
    expect(cargoRawCode(codes)).toBe('DURUM_KODU:4;TIP_KODU:1;DEVIR_KODU:NT')
    expect(normalizeArasStatus(cargoRawCode(codes), '')).toBe(normalizeArasCargo(codes))
    expect(cargoRawCode({ durum: '2', tip: '', devir: '' })).toBe('DURUM_KODU:2')
  })

  it('no codes at all → null', () => {
    expect(normalizeArasCargo({ durum: '', tip: '', devir: '' })).toBeNull()
  })
})
