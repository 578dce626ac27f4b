import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { normalizePttStatus, PttRawCode } from './ptt.status'

describe('PTT text → status (carriers.md §12 PTT column and rules of thumb)', () => {
  it.each([
    // TESALAN present → delivered, whatever the text says
    [PttRawCode.delivered, 'Mehmet Polat', TrackingStatus.delivered],
    ['tesalan', '', TrackingStatus.delivered],
    // first kabul event → picked up
    ['1', 'Kabul Edildi', TrackingStatus.pickedUp],
    ['1', 'KABUL EDİLDİ', TrackingStatus.pickedUp],
    ['1', 'Gönderi Kabul', TrackingStatus.pickedUp],
    // other (movement) events → in transit
    ['2', 'Sevk Edildi', TrackingStatus.inTransit],
    ['3', 'Aktarma Merkezine Ulaştı', TrackingStatus.inTransit],
    ['3', 'Transfer Merkezinden Çıkış Yapıldı', TrackingStatus.inTransit],
    ['4', 'Dağıtım Merkezine Ulaştı', TrackingStatus.inTransit],
    ['4', 'Gelen Gönderi', TrackingStatus.inTransit],
    // "dağıtım" → out for delivery (not a hub)
    ['5', 'Dağıtıma Çıkarıldı', TrackingStatus.outForDelivery],
    ['5', 'DAGITIMDA', TrackingStatus.outForDelivery],
    // failed attempts
    ['6', 'Alıcı Adreste Bulunamadı - Teslim Edilemedi', TrackingStatus.failedAttempt],
    ['6', 'Teslim edilemedi', TrackingStatus.failedAttempt],
    ['6', 'Adres Yetersiz', TrackingStatus.failedAttempt],
    // "teslim edildi" without "edilemedi" → delivered
    ['7', 'Teslim Edildi', TrackingStatus.delivered],
    ['7', 'TESLİM EDİLDİ', TrackingStatus.delivered],
    ['7', 'Muhataba Teslim', TrackingStatus.delivered],
    // "iade" → return in transit; "iade edil | göndericiye teslim" → returned
    ['8', 'İade Sürecinde', TrackingStatus.returnInTransit],
    ['8', 'IADE', TrackingStatus.returnInTransit],
    ['8', 'Göndericiye İade Yolunda', TrackingStatus.returnInTransit],
    ['9', 'İade Edildi', TrackingStatus.returnedToSender],
    ['9', 'Göndericiye Teslim Edildi', TrackingStatus.returnedToSender],
    // iptal → cancelled
    ['9', 'Gönderi İptal Edildi', TrackingStatus.cancelled],
  ])('%s / %j → %s', (code, text, status) => {
    expect(normalizePttStatus(code, text)).toBe(status)
  })

  it.each([
    ['1', ''],
    ['1', '   '],
    ['', 'Bilgi Güncellendi'],
    ['5', 'Teslim'], // not "teslim edildi": unknown, never delivered
    ['BARNO', 'Hazırlanıyor'],
  ])('unknown %s / %j → null, never delivered', (code, text) => {
    expect(normalizePttStatus(code, text)).toBeNull()
  })
})
