/**
 * Sendeo's documented error messages, read by the connector (electron/core/carriers/sendeo) and the emulator
 * (sandbox/sendeo). Source: docs/reference/carriers.md §7, from the official tables of Sendeo's integration
 * document [SND] ("SetDelivery Exception Message", "CancelDelivery Hatalı Dönüş Parametreleri"):
 * each ExceptionMessage paired with its statusCode.
 */
export const SendeoError = {
  102: 'Delivery Reference No Cannot be Null.',
  103: 'Wrong Delivery Type',
  104: 'Products Cannot Be Null',
  105: 'Collection Type Not Found',
  201: 'Receiver Cannot Be Null',
  202: 'Receiver Address Cannot Be Null',
  203: 'Receiver District Id Cannot Be Zero.',
  204: 'Receiver City Id Cannot Be Zero.',
  205: 'Receiver City Id is Not Correct.',
  206: 'Receiver District Id is Not Correct.',
  207: 'Please Enter Receiver Phone or GSM Number',
  301: 'Sender Cannot Be Null.',
  302: 'Sender Address Cannot Be Null.',
  303: 'Sender District Id Cannot Be Zero.',
  304: 'Sender City Id Cannot Be Zero.',
  305: 'Sender City Id is Not Correct.',
  306: 'Sender District Id is Not Correct.',
  307: 'Please Enter Sender Phone or GSM Number',
  410: 'Product Price Cannot Be Zero.',
  411: 'Payment Type Is Not Correct.',
  701: 'Please Enter Tracking Number or Reference Number.',
  702: 'No Delivery Found.',
  703: 'You Cannot Cancel , Delivery Has Already Sent.',
} as const
export type SendeoErrorCode = keyof typeof SendeoError

/**
 * The "Sendeo Statü Listesi" of [SND] (docs/reference/carriers.md §7): statusId → [statusName, statusDescription], as
 * the emulator sends them in tracking answers. The connector maps every id to our tracking status.
 */
const STATUS_LIST = {
  101: ['Kargo Sevk Emri Alındı', 'İş Emri Alındı'],
  102: ['Belge Düzenlendi', 'Gönderi Oluşturuldu'],
  103: ['Şube TM Yükleme', 'Çıkış Şubesinden Hareket Etti'],
  104: ['TM Şube İndirme', 'Teslimat Noktasında'],
  105: ['TM Hat Yükleme', 'Hat Aracına Yüklendi'],
  106: ['TM Hat İndirme', 'Hat Aracından İndi'],
  107: ['TM Şube Yükleme', 'Transfer Merkezinden Şubeye Yüklendi'],
  108: ['Şube TM İndirme', 'Transfer Merkezine İndi'],
  109: ['Şube Dağıtım Yükleme', 'Dağıtıma Çıkarıldı'],
  110: ['Şube Dağıtım İndirme', 'Şube Dağıtım İndirme'],
  111: ['Teslim Edildi', 'Teslim Edildi'],
  112: ['Alıcı Telefonu Yanlış', 'Alıcı Telefonu Yanlış'],
  113: ['İade Talebi', 'İade Talebi'],
  114: ['Alıcı Adresinde Yok', 'Alıcı Adresinde Yok'],
  115: ['Alıcı Adresi Yanlış', 'Alıcı Adresi Yanlış'],
  117: ['Hasarlı Gönderi', 'Hasarlı Gönderi'],
  118: ['Kayıp Kargo', 'Kayıp Kargo'],
  119: ['Devir', 'Devir'],
  120: ['Eksik Teslim Edildi', 'Eksik Teslim Edildi'],
  121: ['Dağıtım Alanı Dışında', 'Dağıtım Alanı Dışında'],
  122: ['Ödeme Tipi Kabul Edilmedi', 'Ödeme Tipi Kabul Edilmedi'],
  123: ['Randevulu Teslimat', 'Randevulu Teslimat'],
  124: ['Mobil Dağıtım Bölgesi', 'Mobil Dağıtım Bölgesi'],
  125: ['Eksik Kargo', 'Eksik Kargo'],
  126: ['Yönlendirme', 'Yönlendirme'],
  127: ['Hat Aracı Gecikmesi', 'Hat Aracı Gecikmesi'],
  128: ['Olumsuz Hava Koşulları', 'Olumsuz Hava Koşulları'],
  129: ['Taşıma Fiyatı Yüksek Bulundu', 'Taşıma Fiyatı Yüksek Bulundu'],
  130: ['Teslim Edilemedi', 'Teslim edilemedi'],
  131: ['İade Gönderi', 'İade Edilen Gönderi'],
  132: ['Ölçüm Tartım', 'Ölçüm Tartım yapıldı'],
  133: ['İptal Gönderi', 'İptal Gönderi'],
  134: ['İade Onay', 'İade Talebine Onay Verildi'],
  135: ['İş Emri İadesi', 'İş Emri ile İade Edilen Gönderi'],
  136: ['İade Red', 'Müşteri tarafından red edildi'],
  137: ['Randevulu Alım', 'Müşteri Randevu Verdi'],
  138: ['Gönderi Alındı', 'Gönderi Alındı'],
  139: ['İptal İş Emri', 'İptal İş Emri'],
  140: ['Kurye Teslimatta', 'Kurye Teslimatta'],
  141: ['Kurye Zimmete Aldı', 'Kurye zimmete alma'],
  142: ['Kurye Zimmetten Çıkardı', 'Kurye zimmetten çıkarma'],
  143: ['Kayıp Kargo', 'Kayıp Kargo İş Emri'],
  151: ['İade Olarak Teslim', 'İade Olarak Teslim'],
} as const satisfies Readonly<Record<number, readonly [string, string]>>
export type SendeoStatusId = keyof typeof STATUS_LIST
export const SENDEO_STATUSES: Readonly<Record<number, readonly [string, string]>> = STATUS_LIST

/** The only status CANCELDELIVERY accepts (§7: "only in status 101"). */
export const SENDEO_CANCELLABLE_STATUS = 101 satisfies SendeoStatusId

/** The cancelled statuses: a cancelled delivery (133) and a cancelled work order (139). Nothing ships under the reference after them. */
export const SENDEO_CANCELLED_STATUSES: readonly SendeoStatusId[] = [133, 139]
