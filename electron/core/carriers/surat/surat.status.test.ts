import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { normalizeSuratStatus, SURAT_STATUS_CODES } from './surat.status'

describe('normalizeSuratStatus', () => {
  // Every KargonunDurumuSayi docs/reference/carriers.md §5 lists (HT's mapping; meanings unpublished).
  const documented: ReadonlyArray<readonly [string, TrackingStatus]> = [
    ['1', TrackingStatus.created],
    ['2', TrackingStatus.inTransit],
    ['3', TrackingStatus.inTransit],
    ['4', TrackingStatus.inTransit],
    ['5', TrackingStatus.inTransit],
    ['7', TrackingStatus.inTransit],
    ['11', TrackingStatus.inTransit],
    ['6', TrackingStatus.delivered],
    ['14', TrackingStatus.delivered],
    ['9', TrackingStatus.returnedToSender],
    ['13', TrackingStatus.returnedToSender],
  ]
  it.each(documented)('code %s → %s (whatever the text says)', (code, status) => {
    expect(normalizeSuratStatus(code, '')).toBe(status)
    expect(normalizeSuratStatus(` ${code} `, 'Gönderi İptal Edildi')).toBe(status)
  })

  it('the table holds exactly the documented codes', () => {
    expect(Object.keys(SURAT_STATUS_CODES).sort()).toEqual(documented.map(([c]) => c).sort())
  })

  it.each(['0', '8', '10', '12', '15', '99', 'X'])('unknown code %s with no telling text → null', (code) => {
    expect(normalizeSuratStatus(code, 'Bilinmeyen Durum')).toBeNull()
  })

  it.each(['8', '12', '15'])('unknown code %s never becomes delivered, even when the text says so', (code) => {
    expect(normalizeSuratStatus(code, 'Teslim Edildi')).toBeNull()
  })

  it('unknown code falls back to the other keyword rules', () => {
    expect(normalizeSuratStatus('12', 'Gönderi iptal edildi')).toBe(TrackingStatus.cancelled)
    expect(normalizeSuratStatus('12', 'Dağıtıma çıkarıldı')).toBe(TrackingStatus.outForDelivery)
  })

  // Text only (KargoTakipHareketDetayliV2 lines): docs/reference/carriers.md §12 rules of thumb, then SUR-TCG / HT words.
  const texts: ReadonlyArray<readonly [string, TrackingStatus | null]> = [
    ['Gönderi İptal Edildi', TrackingStatus.cancelled],
    ['İADE EDİLDİ', TrackingStatus.returnedToSender],
    ['Göndericiye Teslim Edildi', TrackingStatus.returnedToSender],
    ['Teslim Edildi', TrackingStatus.delivered],
    ['Teslim Edilemedi', null],
    ['Dağıtıma Çıkarıldı', TrackingStatus.outForDelivery],
    ['Dagitima Verildi', TrackingStatus.outForDelivery],
    ['Aktarma Merkezinde', TrackingStatus.inTransit],
    ['Transfer Aracında', TrackingStatus.inTransit],
    ['Gönderi Oluşturuldu', TrackingStatus.created],
    ['Gönderinin şube kabulü bekleniyor', TrackingStatus.created],
    ['Kargo Kabul Edildi', TrackingStatus.pickedUp],
    ['Adreste Bulunamadı', null],
    ['', null],
  ]
  it.each(texts)('text "%s" → %s', (text, status) => {
    expect(normalizeSuratStatus('', text)).toBe(status)
  })
})
