import type { NoticeCode } from './notice-codes'

/** Turkish wording of every notice code (the desk shows Turkish first). `{name}` is filled from the params. */
export const NOTICES_TR: Readonly<Record<NoticeCode, string>> = {
  // The packing screen: the core's short feedback after each step
  'packing.welcome': 'Hoş geldiniz, {name}',
  'packing.orderOpen': '{orderNumber} açıldı, ürünleri okutun',
  'packing.orderOpenLocal': '{orderNumber} açıldı (bulut yok: yerel ayırma) — ürünleri okutun',
  'packing.resuming': '{orderNumber}: etiketi alınmış sipariş tamamlanıyor',
  'packing.itemsCompleteSuggested': 'Ürünler tamam — önerilen koli: {boxName} ({boxCode})',
  'packing.itemsComplete': 'Ürünler tamam — koli okutun veya seçin',
  'packing.boxChosen': '{boxName} — kutuyu tartıya koyun',
  'packing.dimensionsSet': 'Ölçüler girildi — kutuyu tartıya koyun',
  'packing.awaitScanBack': 'Etiketi kutuya yapıştırıp okutun',
  'packing.packed': 'Paketlendi ✓ {trackingNumber} — sonraki siparişi okutun',
  'packing.overridden': 'Süpervizör onayı: {supervisor}',
  'packing.labelPrinted': 'Etiket basıldı',
  'packing.cancelled': 'İptal edildi, sonraki siparişi okutun',
  'packing.labelConfirmedPacked': '{orderNumber}: etiket basıldı olarak kaydedildi, paketlendi',
  'packing.labelPrintedAgainPacked': '{orderNumber}: etiket bir kez daha basıldı, paketlendi',
  'packing.deferred': 'Süpervizör erteledi ({supervisor}): {count} etiket sonra yanıtlanacak',
  'packing.labelReprinted': 'Etiket yeniden yazdırıldı',
  'printer.ready': 'Yazıcı hazır',

  // Sessions and badges
  'session.scanBadgeFirst': 'Önce kartınızı okutun',
  'session.supervisorBadgeRequired': 'Süpervizör kartı gerekli',
  'settings.supervisorOnly': 'Ayarlar için süpervizör kartıyla giriş yapın',

  // Orders, shipments, returns
  'order.unknown': 'Sipariş bulunamadı',
  'order.unknownCode': 'Sipariş bulunamadı: {code}',
  'order.noSuchOrder': '{code}: sipariş bulunamadı',
  'shipment.notFound': '{code}: gönderi bulunamadı',
  'shipment.noneToCancel': '{code}: iptal edilecek gönderi yok',
  'shipment.purchaseInFlight': 'Satın alma sürüyor; önce sonucunu bekleyin',
  'shipment.cancelUnsupported': '{carrierId}: bu taşıyıcıda iptal işlemi yok',
  'return.unsupported': '{carrierName}: bu taşıyıcıda iade işlemi yok',
  'return.nothingShipped': '{orderNumber}: gönderilmiş bir paket yok, iade açılamaz',
  'return.slipNotPrinted': 'İade oluşturuldu ({returnCode}) ama fişi yazdırılamadı: {detail}',

  // Claims and the cloud
  'claim.cancelledInCloud': 'Sipariş bulutta iptal edilmiş — paketlemeyin',
  'claim.heldElsewhere': 'Bu sipariş başka masada: {stationId} ({reason})',
  'claim.lostBeforeLabel': 'Sipariş başka masada: {desk} — etiket alınmadı, iptal edin (KJCANCEL)',
  'claim.cloudUnreachable': 'Bulut erişilemiyor — bu sipariş şimdi paketlenemez (çevrimdışı paketleme kapalı)',
  'sync.noCloud': 'Bu masada bulut tanımlı değil',

  // Printing
  'printer.notReady': 'Yazıcı hazır değil',
  'printJob.unknown': 'Baskı işi yok: {jobId}',
  'printJob.notAwaitingDecision': 'Bu baskı işi karar beklemiyor',
  'print.outcomeUnknown': 'Etiket basıldı mı bilinmiyor — yazıcıya bakıp "Basıldı" ya da "Tekrar bas" seçin',
  'print.outcomeUnknownWaiting': 'Etiket basıldı mı bilinmiyor — yazıcıya bakıp "Basıldı" ya da "Tekrar bas" seçin. Yazıcıda bekleyen {count} etiket var',
  'label.missingBarcode': 'Etiket bu gönderiye ait değil (barkod {barcode} yok)',
  'receipt.paperOut': 'Fiş rulosu bitti — rulo takın',
  'receipt.noPrinter': 'Bu masada fiş yazıcısı tanımlı değil',
  'slip.noLabel': 'Bu siparişin etiketi yok, fiş basılamaz: {orderNumber}',

  // Manifests, pickups, carriers
  'manifest.notACarrier': '{carrierId}: bu masada tanımlı taşıyıcı değil',
  'pickup.unsupported': '{carrierId}: kurye çağırma bu taşıyıcıda yok',
  'pickup.noParcels': 'Bugün bu taşıyıcıya koli yok; adet girin',
  'carrier.circuitOpen': '{carrier} art arda yanıt vermedi; {seconds} sn sonra yeniden denenecek',

  // Demo mode and settings
  'demo.simulatorOnly': 'Terazi simülatörü yalnız demo modunda',
}
