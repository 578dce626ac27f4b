import { ErrorCode, type SerializedAppError } from '../../shared/errors'

/** What the operator does next; the banner lights up the matching key. */
export type ErrorAction = 'retry' | 'reprint' | 'supervisor' | 'rescan' | 'reweigh' | 'device' | 'support' | 'login' | 'none'

export type ErrorMessage = Readonly<{
  action: ErrorAction
  tr: string
  en: string
  /** The next step, in words (Turkish / English). */
  doTr: string
  doEn: string
}>

type Entry = readonly [ErrorAction, string, string, string, string]

/** One entry per ErrorCode: adding a code to shared/errors.ts without a desk message fails type-checking. */
const table: Record<ErrorCode, Entry> = {
  [ErrorCode.inputInvalid]: ['rescan', 'Geçersiz giriş', 'Invalid input', 'Barkodu yeniden okutun', 'Scan the code again'],
  [ErrorCode.notFound]: ['rescan', 'Bulunamadı', 'Not found', 'Barkodu kontrol edip yeniden okutun', 'Check the code and scan again'],
  [ErrorCode.untrustedSender]: ['support', 'Güvenilmeyen kaynak', 'Untrusted sender', 'Destek çağırın', 'Call support'],
  [ErrorCode.unknownCommand]: ['support', 'Uygulama sürümleri uyuşmuyor', 'App versions do not match', 'Uygulamayı yeniden başlatın; sürerse destek çağırın', 'Restart the app; call support if it persists'],
  [ErrorCode.internal]: ['retry', 'Beklenmeyen hata', 'Unexpected error', 'Tekrar dene: F2 — sürerse destek çağırın', 'Retry: F2 — call support if it persists'],

  [ErrorCode.dbFromNewerVersion]: ['support', 'Veritabanı daha yeni bir sürümden', 'Database is from a newer version', 'Uygulamayı güncelleyin', 'Update the app'],
  [ErrorCode.dbMigrationFailed]: ['support', 'Veritabanı güncellenemedi', 'Database upgrade failed', 'Destek çağırın; veriler yedekte', 'Call support; data is backed up'],
  [ErrorCode.dbCorrupt]: ['support', 'Veritabanı bozuk — dokunulmadı', 'Database damaged — left untouched', 'Masayı kapatın, en yeni yedeği geri yükleyin (README, Where data lives); destek çağırın', 'Stop the desk, restore the newest backup (README: Where data lives); call support'],
  [ErrorCode.stationAlreadyRunning]: ['support', 'Bu veri klasöründe başka bir masa açık', 'Another desk is running on this data folder', 'Açık olan masayı kullanın ya da kapatıp yeniden başlatın', 'Use the running desk, or close it and start again'],

  [ErrorCode.sessionRequired]: ['login', 'Önce giriş yapın', 'Log in first', 'Kartınızı okutun', 'Scan your badge'],
  [ErrorCode.packerUnknown]: ['login', 'Kart tanınmadı', 'Badge not recognised', 'Kartı yeniden okutun ya da süpervizöre sorun', 'Scan again or ask a supervisor'],

  [ErrorCode.orderUnknown]: ['rescan', 'Sipariş bulunamadı', 'Order not found', 'Sipariş barkodunu kontrol edip yeniden okutun', 'Check the order barcode and scan again'],
  [ErrorCode.orderAlreadyPacked]: ['reprint', 'Bu sipariş zaten paketlendi', 'Order already packed', 'Yeniden yazdır: F4', 'Reprint: F4'],
  [ErrorCode.orderCancelled]: ['none', 'Sipariş iptal edilmiş — paketlemeyin', 'Order cancelled — do not pack', 'Ürünleri rafa geri koyun', 'Return the items to the shelf'],
  [ErrorCode.orderBusy]: ['support', 'Sipariş başka masada açık', 'Order open at another desk', 'Süpervizöre haber verin', 'Tell a supervisor'],
  [ErrorCode.resumeFailed]: ['rescan', 'Yarım kalan sipariş tamamlanamadı', 'An interrupted order was not finished', 'Sorunu giderin, sonra siparişi okutun', 'Fix the problem, then scan the order'],
  [ErrorCode.itemNotInOrder]: ['rescan', 'Bu ürün siparişte yok', 'Item is not in this order', 'Ürünü ayırın, doğru ürünü okutun', 'Set it aside, scan the right item'],
  [ErrorCode.itemOverQuantity]: ['rescan', 'Bu üründen fazla okuttunuz', 'Too many of this item', 'Fazla ürünü çıkarın', 'Take the extra item out'],
  [ErrorCode.itemsIncomplete]: ['rescan', 'Eksik ürün var', 'Items missing', 'Önce eksik ürünleri okutun', 'Scan the missing items first'],
  [ErrorCode.boxUnknown]: ['rescan', 'Koli tanınmadı', 'Unknown box', 'Listedeki koli numarasını yazıp Enter', 'Type a box number from the list + Enter'],
  [ErrorCode.weightOutOfTolerance]: ['supervisor', 'Ağırlık tolerans dışında', 'Weight out of tolerance', 'Süpervizör kartı okutun veya yeniden tartın', 'Scan supervisor badge or re-weigh'],
  [ErrorCode.wrongState]: ['none', 'Bu adımda beklenmiyor', 'Not expected at this step', 'Ekrandaki adımı izleyin', 'Follow the step on screen'],
  [ErrorCode.supervisorRequired]: ['supervisor', 'Süpervizör onayı gerekli', 'Supervisor approval needed', 'Süpervizör kartı okutun', 'Scan supervisor badge'],
  [ErrorCode.scanBackMismatch]: ['rescan', 'Etiket bu siparişe ait değil', 'Label does not belong to this order', 'Koli üzerindeki etiketi kontrol edip yeniden okutun', 'Check the label on the parcel and scan it again'],
  [ErrorCode.scanMalformed]: ['rescan', 'Okuma bozuk', 'Unreadable scan', 'Yeniden okutun; sürerse tarayıcının klavye dilini kontrol edin', 'Scan again; if it repeats check the scanner keyboard layout'],
  [ErrorCode.noEligibleCarrier]: ['support', 'Uygun taşıyıcı yok', 'No eligible carrier', 'Koliyi değiştirin ya da süpervizöre sorun', 'Change the box or ask a supervisor'],

  [ErrorCode.scaleDisconnected]: ['device', 'Terazi bağlı değil', 'Scale not connected', 'Terazi kablosunu kontrol edin, sonra F2', 'Check the scale cable, then F2'],
  [ErrorCode.scaleTimeout]: ['retry', 'Terazi yanıt vermiyor', 'Scale not answering', 'Tekrar dene: F2', 'Retry: F2'],
  [ErrorCode.scaleFrameInvalid]: ['reweigh', 'Terazi verisi okunamadı', 'Unreadable scale data', 'Koliyi kaldırıp yeniden tartın', 'Lift the parcel and weigh again'],
  [ErrorCode.scaleOverload]: ['reweigh', 'Terazi kapasitesi aşıldı', 'Scale overloaded', 'Daha büyük teraziye alın', 'Use a larger scale'],
  [ErrorCode.scaleUnderload]: ['reweigh', 'Terazi sıfırın altında', 'Scale below zero', 'Kefeyi boşaltıp teraziyi sıfırlayın', 'Empty the pan and zero the scale'],
  [ErrorCode.scaleUnstable]: ['reweigh', 'Ağırlık sabitlenmedi', 'Weight not stable', 'Koliye dokunmayın, bekleyin', 'Do not touch the parcel, wait'],
  [ErrorCode.scannerDisconnected]: ['device', 'Barkod okuyucu bağlı değil', 'Scanner not connected', 'Okuyucunun kablosunu kontrol edin', 'Check the scanner cable'],
  [ErrorCode.scannerFrameInvalid]: ['rescan', 'Okuyucudan anlaşılmaz veri', 'Unreadable scanner data', 'Yeniden okutun', 'Scan again'],
  [ErrorCode.scaleCommandFailed]: ['retry', 'Terazi komutu başarısız', 'Scale command failed', 'Tekrar dene: F2', 'Retry: F2'],
  [ErrorCode.scaleFault]: ['device', 'Terazi arıza bildiriyor', 'Scale reports a fault', 'Kefeyi boşaltıp teraziyi sıfırlayın; sürerse kalibrasyon için destek çağırın', 'Empty the pan and zero the scale; call support for calibration if it persists'],
  [ErrorCode.scaleProtocolUnknown]: ['device', 'Terazi tanınmadı', 'Scale not recognised', 'Terazi ayarlarını (port, hız, protokol) kontrol edin', 'Check the scale settings (port, speed, protocol)'],

  [ErrorCode.printerOffline]: ['retry', 'Yazıcı çevrimdışı', 'Printer offline', 'Yazıcıyı açın, kabloyu kontrol edin, F2', 'Turn the printer on, check the cable, F2'],
  [ErrorCode.printerTimeout]: ['retry', 'Yazıcı yanıt vermiyor', 'Printer not answering', 'Yazıcıyı kontrol edin, F2', 'Check the printer, F2'],
  [ErrorCode.printerPaperOut]: ['retry', 'Yazıcıda etiket bitti', 'Printer out of labels', 'Etiket rulosu takın, F2', 'Load labels, F2'],
  [ErrorCode.printerHeadOpen]: ['retry', 'Yazıcı kapağı açık', 'Printer head open', 'Kapağı kapatın, F2', 'Close the head, F2'],
  [ErrorCode.printerPaused]: ['retry', 'Yazıcı duraklatılmış', 'Printer paused', 'Yazıcıda PAUSE tuşuna basın, F2', 'Press PAUSE on the printer, F2'],
  [ErrorCode.printerRibbonOut]: ['retry', 'Ribon bitti', 'Ribbon out', 'Ribon takın, F2', 'Load ribbon, F2'],
  [ErrorCode.printerNotReady]: ['retry', 'Yazıcı hazır değil', 'Printer not ready', 'Yazıcıyı kontrol edin, F2', 'Check the printer, F2'],
  [ErrorCode.printerAddressInvalid]: ['support', 'Yazıcı adresi geçersiz', 'Invalid printer address', 'Ayarı süpervizöre düzelttirin', 'Ask a supervisor to fix the setting'],
  [ErrorCode.labelPdfInvalid]: ['support', 'Kargo etiketi PDF okunamadı', 'Carrier PDF label unreadable', 'Destek çağırın', 'Call support'],
  [ErrorCode.printOutcomeUnknown]: ['retry', 'Etiket basıldı mı bilinmiyor', 'Unknown whether the label printed', 'Yazıcıya bakın: çıktıysa F5 basıldı, çıkmadıysa F2 tekrar bas', 'Check the printer: F5 if it printed, F2 to print it again'],
  [ErrorCode.carrierReturnRequested]: ['none', 'Gönderi yolda: iptal yerine iade talebi açıldı', 'Already on its way: a return request was opened instead', 'Bilgi: iade süreci takip edilecek', 'Info: the return will be tracked'],
  [ErrorCode.carrierNotCancellable]: ['support', 'Gönderi artık iptal edilemez', 'Shipment can no longer be cancelled', 'İade süreci başlatın veya süpervizöre sorun', 'Start a return or ask a supervisor'],
  [ErrorCode.labelMismatch]: ['reprint', 'Etiket bu gönderiye ait değil', 'Label does not match this shipment', 'Etiketi atın, F4 ile yeniden yazdırın', 'Discard the label, F4 to reprint'],
  [ErrorCode.printerStatusInvalid]: ['retry', 'Yazıcı durumu okunamadı', 'Printer status unreadable', 'Yazıcıyı kontrol edin, F2', 'Check the printer, F2'],
  [ErrorCode.printerStatusUnsupported]: ['none', 'Yazıcı durum bildiremiyor', 'Printer cannot report status', 'Etiketin çıktığını gözle kontrol edin', 'Check by eye that the label came out'],

  [ErrorCode.carrierValidation]: ['support', 'Taşıyıcı bilgileri reddetti', 'Carrier rejected the data', 'Adresi süpervizöre kontrol ettirin', 'Have a supervisor check the address'],
  [ErrorCode.carrierAuth]: ['support', 'Taşıyıcı girişi reddedildi', 'Carrier login refused', 'Destek çağırın', 'Call support'],
  [ErrorCode.carrierRateLimited]: ['retry', 'Taşıyıcı yoğun', 'Carrier busy', 'Birkaç saniye sonra F2', 'F2 in a few seconds'],
  [ErrorCode.carrierUnavailable]: ['retry', 'Taşıyıcı hizmeti çalışmıyor', 'Carrier service down', 'Tekrar dene: F2', 'Retry: F2'],
  [ErrorCode.carrierTimeout]: ['retry', 'Taşıyıcı yanıt vermedi', 'Carrier timed out', 'Tekrar dene: F2 (çift etiket alınmaz)', 'Retry: F2 (no duplicate label)'],
  [ErrorCode.carrierBadResponse]: ['retry', 'Taşıyıcıdan anlaşılmaz yanıt', 'Bad carrier response', 'Tekrar dene: F2', 'Retry: F2'],
  [ErrorCode.carrierDuplicateReference]: ['retry', 'Gönderi taşıyıcıda zaten var', 'Shipment already at carrier', 'F2: mevcut gönderiyi al', 'F2: fetch the existing shipment'],
  [ErrorCode.carrierServiceUnsupported]: ['support', 'Taşıyıcı bu hizmeti vermiyor', 'Service not offered', 'Süpervizöre sorun', 'Ask a supervisor'],
  [ErrorCode.carrierProviderNotDefined]: ['support', 'Taşıyıcı tanımlı değil', 'Carrier not set up', 'Destek çağırın', 'Call support'],
  [ErrorCode.carrierNotFound]: ['supervisor', 'Taşıyıcıda böyle bir gönderi yok', 'The carrier has no such shipment', 'Takip numarasını süpervizöre kontrol ettirin', 'Have a supervisor check the tracking number'],
  [ErrorCode.carrierCircuitOpen]: ['retry', 'Taşıyıcı şu an yanıt vermiyor (devre açık)', 'Carrier is not answering (circuit open)', 'Biraz sonra F2 ile tekrar deneyin', 'Press F2 to retry in a moment'],
  [ErrorCode.addressUnresolved]: ['supervisor', 'Adres (il / ilçe) eşleşmedi', 'Address (il / ilçe) could not be matched', 'Sipariş istisnalara alındı; süpervizör adresi düzeltsin', 'The order went to exceptions; a supervisor fixes the address'],
  [ErrorCode.carrierAddressUnresolved]: ['support', 'Adres taşıyıcıda bulunamadı', 'Carrier cannot resolve the address', 'İl / ilçeyi süpervizöre kontrol ettirin', 'Have a supervisor check il / ilçe'],

  [ErrorCode.settingsWriteFailed]: ['support', 'Ayar kaydedilemedi', 'Setting not saved', 'station.json dosyasını kontrol ettirin; hiçbir şey değişmedi', 'Have station.json checked; nothing was changed'],

  [ErrorCode.syncOffline]: ['none', 'Bulut bağlantısı yok — paketlemeye devam', 'Cloud offline — keep packing', 'Sonra eşitlenecek', 'It will sync later'],
  [ErrorCode.syncConflict]: ['support', 'Eşitleme çakışması', 'Sync conflict', 'Süpervizöre haber verin', 'Tell a supervisor'],
  [ErrorCode.cloudBadResponse]: ['none', 'Buluttan anlaşılmaz yanıt', 'Bad cloud response', 'Paketlemeye devam edin', 'Keep packing'],
}

const disconnected: ErrorMessage = {
  action: 'none',
  tr: 'Bağlantı koptu',
  en: 'Disconnected',
  doTr: 'Bağlantı gelince yeniden okutun',
  doEn: 'Scan again when the link is back',
}

/** The operator message for an error; unknown codes (a newer core) fall back to the core's own text. */
export function errorMessage(err: Pick<SerializedAppError, 'code' | 'message' | 'meta'>): ErrorMessage {
  if (err.meta['disconnected'] === true) return disconnected
  const entry = (table as Partial<Record<string, Entry>>)[err.code]
  if (!entry) return { action: 'none', tr: err.message, en: err.message, doTr: 'Süpervizöre haber verin', doEn: 'Tell a supervisor' }
  const [action, tr, en, doTr, doEn] = entry
  return { action, tr, en, doTr, doEn }
}

/**
 * Codes a supervisor badge can clear through `packing.override`. Mirrors the core's
 * SUPERVISOR_OVERRIDABLE for the codes where an override makes sense at the desk; a core that
 * wants the prompt for another problem can say so with `meta.overridable: true`.
 */
export function isSupervisorOverridable(err: Pick<SerializedAppError, 'code' | 'meta'>): boolean {
  if (err.meta['overridable'] === true) return true
  return err.code === ErrorCode.weightOutOfTolerance
}
