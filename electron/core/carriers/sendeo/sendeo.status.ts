import { TrackingStatus } from '../../../../shared/domain/shipment'

/**
 * Sendeo StatusId → our tracking vocabulary (docs/reference/carriers.md §7 list, §12 Sendeo column; names from the
 * official status table in [SND] "Sendeo Statü Listesi"). Ids §7 lists that §12 does not place
 * stay null on purpose ("keep the previous status"): 136 İade Red (the customer refused a return
 * request: nothing moved), 141/142 Kurye Zimmete Aldı / Zimmetten Çıkardı (a courier took or handed
 * back custody: pickup or delivery courier, the id does not say which).
 */
export const SENDEO_STATUS_MAP: Readonly<Record<number, TrackingStatus | null>> = {
  101: TrackingStatus.created, // Kargo Sevk Emri Alındı (work order)
  102: TrackingStatus.created, // Belge Düzenlendi
  103: TrackingStatus.inTransit, // Şube TM Yükleme
  104: TrackingStatus.inTransit, // TM Şube İndirme
  105: TrackingStatus.inTransit, // TM Hat Yükleme
  106: TrackingStatus.inTransit, // TM Hat İndirme
  107: TrackingStatus.inTransit, // TM Şube Yükleme
  108: TrackingStatus.inTransit, // Şube TM İndirme
  109: TrackingStatus.outForDelivery, // Şube Dağıtım Yükleme
  110: TrackingStatus.inTransit, // Şube Dağıtım İndirme
  111: TrackingStatus.delivered, // Teslim Edildi
  112: TrackingStatus.failedAttempt, // Alıcı Telefonu Yanlış
  113: TrackingStatus.returnInTransit, // İade Talebi
  114: TrackingStatus.failedAttempt, // Alıcı Adresinde Yok
  115: TrackingStatus.failedAttempt, // Alıcı Adresi Yanlış
  117: TrackingStatus.exception, // Hasarlı Gönderi
  118: TrackingStatus.exception, // Kayıp Kargo
  119: TrackingStatus.delayed, // Devir
  120: TrackingStatus.exception, // Eksik Teslim Edildi
  121: TrackingStatus.exception, // Dağıtım Alanı Dışında
  122: TrackingStatus.failedAttempt, // Ödeme Tipi Kabul Edilmedi
  123: TrackingStatus.delayed, // Randevulu Teslimat
  124: TrackingStatus.delayed, // Mobil Dağıtım Bölgesi
  125: TrackingStatus.exception, // Eksik Kargo
  126: TrackingStatus.inTransit, // Yönlendirme
  127: TrackingStatus.delayed, // Hat Aracı Gecikmesi
  128: TrackingStatus.delayed, // Olumsuz Hava Koşulları
  129: TrackingStatus.failedAttempt, // Taşıma Fiyatı Yüksek Bulundu
  130: TrackingStatus.failedAttempt, // Teslim Edilemedi
  131: TrackingStatus.returnInTransit, // İade Gönderi
  132: TrackingStatus.inTransit, // Ölçüm Tartım
  133: TrackingStatus.cancelled, // İptal Gönderi
  134: TrackingStatus.returnInTransit, // İade Onay
  135: TrackingStatus.returnInTransit, // İş Emri İadesi
  136: null, // İade Red: not in §12
  137: TrackingStatus.created, // Randevulu Alım
  138: TrackingStatus.pickedUp, // Gönderi Alındı
  139: TrackingStatus.cancelled, // İptal İş Emri
  140: TrackingStatus.outForDelivery, // Kurye Teslimatta
  141: null, // Kurye Zimmete Aldı: not in §12
  142: null, // Kurye Zimmetten Çıkardı: not in §12
  143: TrackingStatus.exception, // Kayıp Kargo İş Emri
  151: TrackingStatus.returnedToSender, // İade Olarak Teslim
}

/** The only state CANCELDELIVERY accepts (docs/reference/carriers.md §7: "only in status 101"). */
export const SENDEO_CANCELLABLE_STATUS = 101

/** Ids after which nothing ships under the reference (cancelled delivery or work order). */
export const SENDEO_VOID_STATUSES: ReadonlySet<number> = new Set([133, 139])

/**
 * The StatusId decides alone; an id we do not know maps to null (keep the previous status), never
 * to delivered. `rawText` is taken for the common signature but not read: Sendeo always sends the
 * id, and §12 prefers the code over the text.
 */
export function normalizeSendeoStatus(rawCode: string, rawText = ''): TrackingStatus | null {
  void rawText
  const code = rawCode.trim()
  if (!/^\d{1,4}$/.test(code)) return null
  return SENDEO_STATUS_MAP[Number(code)] ?? null
}
