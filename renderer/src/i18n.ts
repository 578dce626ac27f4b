/**
 * Every string on the desk, Turkish first. `t(key, lang, params)` fills `{name}` placeholders.
 * Error codes → operator messages and actions live in i18n-errors.ts.
 */
import { OVERRIDE_REASON_MESSAGES, RETURN_REASON_MESSAGES } from '../../shared/contract/desk-reasons'

export type Lang = 'tr' | 'en'
export type Msg = Readonly<{ tr: string; en: string }>

export const messages = {
  'app.title': { tr: 'KargoJet Paketleme', en: 'KargoJet Packing' },
  'app.loading': { tr: 'İstasyon yükleniyor…', en: 'Loading the station…' },
  'app.busy': { tr: 'İşleniyor…', en: 'Working…' },

  'step.order': { tr: 'Sipariş', en: 'Order' },
  'step.items': { tr: 'Ürünler', en: 'Items' },
  'step.box': { tr: 'Koli', en: 'Box' },
  'step.weigh': { tr: 'Tartı', en: 'Weigh' },
  'step.label': { tr: 'Etiket', en: 'Label' },
  'step.done': { tr: 'Tamam', en: 'Done' },

  'login.title': { tr: 'Kartınızı okutun', en: 'Scan your badge' },
  'login.hint': { tr: 'Paketçi kartını okutun ya da kart numarasını yazıp Enter’a basın', en: 'Scan your packer badge or type its number and press Enter' },
  'login.pin': { tr: '{badge} kartının PIN kodunu yazıp Enter’a basın (ya da başka kart okutun)', en: 'Type the PIN of badge {badge} and press Enter (or scan another badge)' },

  'scan.placeholder': { tr: 'Barkod okutun', en: 'Scan a barcode' },
  'scan.label': { tr: 'Okuma', en: 'Scan' },

  'prompt.order': { tr: 'Sipariş barkodunu okutun', en: 'Scan the order barcode' },
  'prompt.items': { tr: 'Ürünleri tek tek okutun', en: 'Scan each item' },
  'prompt.box': { tr: 'Koli okutun ya da numara + Enter', en: 'Scan a box or number + Enter' },
  'prompt.weigh': { tr: 'Koliyi teraziye koyun', en: 'Put the parcel on the scale' },
  'prompt.label': { tr: 'Etiket hazırlanıyor…', en: 'Creating the label…' },
  'prompt.printed': { tr: 'Etiketi yapıştırın', en: 'Stick the label on' },
  'prompt.done': { tr: 'Sıradaki siparişi okutun', en: 'Scan the next order' },
  'prompt.exception': { tr: 'Sorunu çözün', en: 'Resolve the problem' },
  'prompt.printPending': { tr: 'Yazıcı hazır — etiketi basmak için F2', en: 'Printer ready: F2 prints the label' },
  'unconfirmed.title': { tr: 'Basılıp basılmadığı bilinmeyen etiketler', en: 'Labels with an unknown print outcome' },
  'unconfirmed.help': {
    tr: 'Yazıcıya bakın: çıktıysa F5 basıldı, çıkmadıysa F2 tekrar bas. Süpervizör kartı erteler. Yanıtlanmadan yeni sipariş açılmaz.',
    en: 'Check the printer: F5 if it printed, F2 to print it again. A supervisor badge defers. No new order until answered.',
  },
  'unconfirmed.deferred': { tr: 'ertelendi — siparişi okutup yanıtlayın', en: 'deferred — scan the order to answer' },

  'order.title': { tr: 'Sipariş', en: 'Order' },
  'order.recipient': { tr: 'Alıcı', en: 'Recipient' },
  'order.cod': { tr: 'Kapıda ödeme', en: 'Cash on delivery' },
  'claim.granted': { tr: 'Bulutta ayrıldı', en: 'Claimed in the cloud' },
  'claim.local': { tr: 'Yerel ayırma (bulut yok)', en: 'Local claim (cloud offline)' },
  'claim.lost': { tr: 'Başka masada: {holder}', en: 'Held by another desk: {holder}' },
  'order.progress': { tr: '{done} / {total} ürün', en: '{done} / {total} items' },
  'order.none': { tr: 'Açık sipariş yok', en: 'No open order' },
  'region.order': { tr: 'Sipariş alanı', en: 'Order area' },
  'region.devices': { tr: 'Terazi, koli ve kargo alanı', en: 'Scale, box and carrier area' },

  'weight.title': { tr: 'Terazi', en: 'Scale' },
  'weight.stable': { tr: 'sabit', en: 'stable' },
  'weight.moving': { tr: 'hareketli', en: 'moving' },
  'weight.stale': { tr: 'eski okuma', en: 'stale' },
  'weight.none': { tr: 'okuma yok', en: 'no reading' },
  'weight.expected': { tr: 'Beklenen', en: 'Expected' },
  'weight.measured': { tr: 'Ölçülen', en: 'Measured' },
  'weight.diff': { tr: 'Fark', en: 'Diff' },
  'weight.desi': { tr: 'Desi', en: 'Desi' },
  'weight.chargeable': { tr: 'Ücretli kg', en: 'Chargeable kg' },

  'box.title': { tr: 'Koli', en: 'Box' },
  'box.none': { tr: 'Koli seçilmedi', en: 'No box yet' },
  'box.tare': { tr: 'dara', en: 'tare' },
  'box.pick': { tr: 'Numara + Enter', en: 'Number + Enter' },
  'box.suggested': { tr: 'Önerilen', en: 'Suggested' },
  'box.noFit': { tr: 'sığmaz', en: 'no fit' },

  'carrier.title': { tr: 'Taşıyıcı karşılaştırma', en: 'Carrier comparison' },
  'carrier.name': { tr: 'Taşıyıcı', en: 'Carrier' },
  'carrier.price': { tr: 'Fiyat', en: 'Price' },
  'carrier.transit': { tr: 'Süre', en: 'Transit' },
  'carrier.days': { tr: '{n} gün', en: '{n} d' },
  'carrier.reason': { tr: 'Neden', en: 'Reason' },
  'carrier.none': { tr: 'Tartıdan sonra fiyatlar gelir', en: 'Prices appear after weighing' },

  'ship.title': { tr: 'Gönderi', en: 'Shipment' },
  'ship.tracking': { tr: 'Takip no', en: 'Tracking no' },
  'ship.barcode': { tr: 'Barkod', en: 'Barcode' },
  'ship.pending': { tr: 'taşıyıcıdan bekleniyor', en: 'waiting for the carrier' },
  'ship.offline': { tr: 'Çevrimdışı etiket — taşıyıcıya sonra kaydedilecek', en: 'Offline label — will be registered with the carrier' },
  'ship.charged': { tr: 'Taşıyıcının bildirdiği: {amount} (fark {diff})', en: 'Carrier says: {amount} (difference {diff})' },

  'status.packer': { tr: 'Paketçi', en: 'Packer' },
  'status.noPacker': { tr: 'giriş yok', en: 'not logged in' },
  'status.supervisor': { tr: 'süpervizör', en: 'supervisor' },
  'status.scale': { tr: 'Terazi', en: 'Scale' },
  'status.printer': { tr: 'Yazıcı', en: 'Printer' },
  'status.ready': { tr: 'hazır', en: 'ready' },
  'status.unknown': { tr: 'bilinmiyor', en: 'unknown' },
  'status.queue': { tr: 'kuyruk {n}', en: 'queue {n}' },
  'status.carrier': { tr: 'Taşıyıcı', en: 'Carrier' },
  'syncPanel.parked': { tr: '{n} olay bekletmede (bulut reddetti)', en: '{n} event(s) parked (refused by the cloud)' },
  'key.syncNow': { tr: 'Şimdi eşitle', en: 'Sync now' },
  'key.syncPause': { tr: 'Eşitlemeyi duraklat', en: 'Pause sync' },
  'key.syncResume': { tr: 'Eşitlemeyi sürdür', en: 'Resume sync' },
  'carriers.title': { tr: 'Taşıyıcılar', en: 'Carriers' },
  'carriers.rates': { tr: 'Fiyatlar: {source} — {count} kart, {available} kullanılabilir', en: 'Prices: {source} — {count} cards, {available} usable' },
  'carriers.rates.cloud': { tr: 'buluttan', en: 'from the cloud' },
  'carriers.rates.config': { tr: 'station.json', en: 'station.json' },
  'carriers.rates.builtin': { tr: 'yerleşik demo kartları', en: 'built-in demo cards' },
  'carriers.answering': { tr: 'yanıt veriyor', en: 'answering' },
  'carriers.notAnswering': { tr: 'yanıt vermiyor', en: 'not answering' },
  'carriers.retryAt': { tr: 'yeniden deneme', en: 'retry at' },
  'carriers.offlinePending': { tr: '{n} çevrimdışı etiket kayıt bekliyor', en: '{n} offline label(s) awaiting registration' },
  'carriers.none': { tr: 'Tanımlı taşıyıcı yok', en: 'No carriers configured' },
  'carriers.webhooks': { tr: 'Taşıyıcı bildirimleri', en: 'Carrier pushes' },
  'carriers.webhookStats': { tr: '{stored} kaydedildi, {refused} reddedildi', en: '{stored} stored, {refused} refused' },
  'status.carriersOk': { tr: '{n} taşıyıcı hazır', en: '{n} carrier(s) ready' },
  'status.carrierDown': { tr: 'Yanıt yok: {names}', en: 'Not answering: {names}' },
  'status.sync': { tr: 'Eşitleme', en: 'Sync' },
  'status.pending': { tr: '{n} bekleyen', en: '{n} pending' },
  'status.packed': { tr: 'Paketlenen', en: 'Packed' },
  'status.connected': { tr: 'bağlı', en: 'connected' },
  'status.notConnected': { tr: 'bağlı değil', en: 'not connected' },
  'sync.online': { tr: 'çevrimiçi', en: 'online' },
  'sync.offline': { tr: 'çevrimdışı', en: 'offline' },
  'sync.degraded': { tr: 'yavaş', en: 'degraded' },
  'sync.paused': { tr: 'duraklatıldı', en: 'paused' },

  'conn.lost': { tr: 'Bağlantı koptu', en: 'Disconnected' },
  'conn.connecting': { tr: 'Bağlanıyor…', en: 'Connecting…' },
  'conn.retrying': { tr: 'Yeniden bağlanılıyor; okutmayın', en: 'Reconnecting; do not scan' },

  'key.lang': { tr: 'English', en: 'Türkçe' },
  'key.retry': { tr: 'Tekrar dene', en: 'Retry' },
  'key.printed': { tr: 'Etiket basıldı', en: 'Label printed' },
  'key.printAgain': { tr: 'Tekrar bas', en: 'Print again' },
  'key.supervisor': { tr: 'Süpervizör', en: 'Supervisor' },
  'key.reprint': { tr: 'Yeniden yazdır', en: 'Reprint' },
  'key.cancel': { tr: 'İptal', en: 'Cancel' },
  'key.reports': { tr: 'Raporlar', en: 'Reports' },
  'key.logout': { tr: 'Çıkış', en: 'Log out' },
  'key.back': { tr: 'Geri', en: 'Back' },
  'key.settings': { tr: 'Ayarlar', en: 'Settings' },
  'key.testLabel': { tr: 'Test etiketi yazdır', en: 'Print test label' },
  'key.useLayout': { tr: 'Bu düzeni kullan', en: 'Use this layout' },
  'key.zero': { tr: 'Teraziyi sıfırla', en: 'Zero the scale' },
  'key.restartTest': { tr: 'Testi baştan al', en: 'Restart the test' },
  'key.slip': { tr: 'Fişi yeniden yazdır', en: 'Reprint slip' },

  'cancel.confirm': { tr: 'Siparişi iptal için F8’e tekrar basın', en: 'Press F8 again to cancel the order' },

  'override.title': { tr: 'Süpervizör onayı', en: 'Supervisor override' },
  'override.scan': { tr: 'Süpervizör kartı okutun', en: 'Scan supervisor badge' },
  'override.pick': { tr: 'Neden: numara + Enter', en: 'Reason: number + Enter' },
  'override.esc': { tr: 'Esc: vazgeç', en: 'Esc: cancel' },
  ...OVERRIDE_REASON_MESSAGES,

  'return.title': { tr: 'İade', en: 'Return' },
  'return.scanOrder': { tr: 'İade edilecek siparişi ya da takip numarasını okutun', en: 'Scan the order or tracking number to return' },
  'return.order': { tr: 'Sipariş', en: 'Order' },
  'return.pick': { tr: 'Neden: numara + Enter, sonra süpervizör kartı', en: 'Reason: number + Enter, then the supervisor badge' },
  'return.scanBadge': { tr: 'Süpervizör kartını okutun', en: 'Scan the supervisor badge' },
  'return.made': { tr: 'İade oluşturuldu', en: 'Return created' },
  'return.code': { tr: 'İade kodu', en: 'Return code' },
  'return.tracking': { tr: 'İade gönderisi', en: 'Return shipment' },
  'return.validUntil': { tr: 'Son gün', en: 'Valid until' },
  'return.printed': { tr: 'İade fişi yazdırıldı: koliye yapıştırın ya da müşteriye verin', en: 'Return slip printed: stick it on the parcel or hand it to the customer' },
  'return.codeHint': { tr: 'Müşteri bu kodu herhangi bir şubeye söyler', en: 'The customer gives this code at any branch' },
  'return.next': { tr: 'Sonraki okuma iadeyi kapatır', en: 'The next scan closes the return' },
  'return.esc': { tr: 'Esc: kapat', en: 'Esc: close' },
  ...RETURN_REASON_MESSAGES,

  'reports.title': { tr: 'Raporlar', en: 'Reports' },
  'reports.today': { tr: 'Bugün', en: 'Today' },
  'reports.week': { tr: 'Son 7 gün', en: 'Last 7 days' },
  'reports.month': { tr: 'Son 30 gün', en: 'Last 30 days' },
  'reports.packed': { tr: 'Paketlenen sipariş', en: 'Packed orders' },
  'reports.perHour': { tr: 'Saatte', en: 'Per hour' },
  'reports.shipments': { tr: 'Gönderi', en: 'Shipments' },
  'reports.cost': { tr: 'Toplam kargo ücreti', en: 'Total shipping cost' },
  'reports.charged': { tr: 'Taşıyıcıların bildirdiği', en: 'What carriers say they charge' },
  'reports.priceDifferences': { tr: 'Fiyat farkları (kart ↔ taşıyıcı)', en: 'Price differences (card ↔ carrier)' },
  'reports.cardPrice': { tr: 'Kart fiyatı', en: 'Card price' },
  'reports.chargedPrice': { tr: 'Taşıyıcı', en: 'Carrier' },
  'reports.difference': { tr: 'Fark', en: 'Difference' },
  'reports.byCarrier': { tr: 'Taşıyıcı dağılımı', en: 'Carrier mix' },
  'reports.count': { tr: 'Adet', en: 'Count' },
  'reports.mismatches': { tr: 'Ağırlık / desi uyumsuzlukları', en: 'Weight / desi mismatches' },
  'reports.exceptions': { tr: 'İstisnalar', en: 'Exceptions' },
  'reports.action': { tr: 'İşlem', en: 'Action' },
  'reports.at': { tr: 'Zaman', en: 'Time' },
  'reports.detail': { tr: 'Ayrıntı', en: 'Detail' },
  'reports.byPacker': { tr: 'Paketçi başına', en: 'Per packer' },
  'reports.empty': { tr: 'Kayıt yok', en: 'No records' },
  'reports.loading': { tr: 'Yükleniyor…', en: 'Loading…' },
  'reports.keys': { tr: '1 Bugün · 2 Son 7 gün · 3 Son 30 gün + Enter', en: '1 Today · 2 Last 7 days · 3 Last 30 days + Enter' },

  'audit.packing.override': { tr: 'Süpervizör onayı', en: 'Supervisor override' },
  'audit.label.reprint': { tr: 'Yeniden yazdırma', en: 'Reprint' },
  'audit.packing.cancelled': { tr: 'Paketleme iptali', en: 'Packing cancelled' },
  'audit.order.resumedAfterRestart': { tr: 'Yeniden başlatmada sürdürüldü', en: 'Resumed after restart' },
  'audit.slip.reprint': { tr: 'Fiş yeniden yazdırma', en: 'Slip reprint' },
  'audit.order.addressUnresolved': { tr: 'Adres eşleşmedi (il/ilçe)', en: 'Address not matched (il/ilçe)' },
  'audit.shipment.labelledOffline': { tr: 'Çevrimdışı etiket basıldı', en: 'Offline label printed' },
  'audit.shipment.registrationRefused': { tr: 'Taşıyıcı çevrimdışı etiketi reddetti', en: 'Carrier refused an offline label' },
  'audit.shipment.offlineBarcodeMismatch': { tr: 'Çevrimdışı etiket barkodu farklı', en: 'Offline label barcode differs' },
  'audit.shipment.cancelled': { tr: 'Gönderi iptal edildi', en: 'Shipment cancelled' },
  'audit.return.created': { tr: 'İade açıldı', en: 'Return opened' },

  'settings.title': { tr: 'Ayarlar', en: 'Settings' },
  'settings.supervisorOnly': { tr: 'yalnız süpervizör', en: 'supervisors only' },
  'settings.file': { tr: 'Ayar dosyası', en: 'Settings file' },
  'settings.loading': { tr: 'Ayarlar yükleniyor…', en: 'Loading settings…' },
  'settings.labelPrinter': { tr: 'Etiket yazıcısı', en: 'Label printer' },
  'settings.receiptPrinter': { tr: 'Fiş yazıcısı', en: 'Receipt printer' },
  'settings.address': { tr: 'Adres', en: 'Address' },
  'settings.label': { tr: 'Etiket', en: 'Label' },
  'settings.status': { tr: 'Durum', en: 'Status' },
  'settings.checkedAt': { tr: 'son kontrol {time}', en: 'checked {time}' },
  'settings.queue': { tr: 'Kuyruk', en: 'Queue' },
  'settings.noStatus': { tr: 'bu bağlantı durum bildiremez', en: 'this connection cannot report status' },
  'settings.asking': { tr: 'soruluyor…', en: 'asking…' },
  'settings.testPrinted': { tr: 'Test etiketi yazdırıldı', en: 'Test label printed' },
  'settings.receiptNone': { tr: 'Bu masada fiş yazıcısı yok (station.json: packingSlip)', en: 'No receipt printer at this desk (station.json: packingSlip)' },
  'settings.codePage': { tr: 'Kod sayfası', en: 'Code page' },
  'settings.chars': { tr: '{n} karakter', en: '{n} characters' },
  'settings.paper': { tr: 'Kağıt', en: 'Paper' },
  'settings.paperOk': { tr: 'var', en: 'loaded' },
  'settings.paperLow': { tr: 'azaldı', en: 'running low' },
  'settings.paperOut': { tr: 'bitti', en: 'out' },
  'settings.unprinted': { tr: 'Basılmamış fiş', en: 'Slips not printed' },
  'printer.ready': { tr: 'hazır', en: 'ready' },
  'printer.paperOut': { tr: 'etiket bitti', en: 'paper out' },
  'printer.headOpen': { tr: 'kapak açık', en: 'head open' },
  'printer.paused': { tr: 'duraklatıldı', en: 'paused' },
  'printer.ribbonOut': { tr: 'ribon bitti', en: 'ribbon out' },
  'printer.bufferFull': { tr: 'tampon dolu', en: 'buffer full' },
  'printer.temperature': { tr: 'kafa sıcaklığı', en: 'head temperature' },
  'printer.corruptRam': { tr: 'bellek hatası', en: 'memory error' },
  'printer.inBuffer': { tr: 'yazıcıda {n} etiket bekliyor', en: '{n} label(s) waiting in the printer' },

  'selftest.title': { tr: 'Barkod okuyucu testi', en: 'Scanner self-test' },
  'selftest.step1': { tr: 'Klavye düzeni', en: 'Keyboard layout' },
  'selftest.step2': { tr: 'GS1 / FNC1', en: 'GS1 / FNC1' },
  'selftest.scanThis': { tr: 'Ekrandaki barkodu okutun', en: 'Scan the barcode on the screen' },
  'selftest.placeholder': { tr: 'Okuma buraya gelir', en: 'The scan lands here' },
  'selftest.saved': { tr: 'Kayıtlı düzen', en: 'Saved layout' },
  'selftest.none': { tr: 'yok (onarım yok)', en: 'none (no repair)' },
  'selftest.ok': { tr: 'Klavye düzeni doğru, onarım gerekmiyor', en: 'Keyboard layout matches, no repair needed' },
  'selftest.alreadySet': { tr: '{name}: kayıtlı, okumalar onarılıyor', en: '{name}: saved, scans are repaired' },
  'selftest.mismatch': { tr: 'Okuyucu ABD klavyesi gibi yazıyor; bu masa: {name}', en: 'The scanner types as a US keyboard; this desk: {name}' },
  'selftest.repairWrong': { tr: 'Okumalar olduğu gibi doğru; kayıtlı onarım ({name}) bozuyor', en: 'Scans arrive right as they are; the saved repair ({name}) breaks them' },
  'selftest.propose': { tr: 'Önerilen düzen: {name}', en: 'Proposed layout: {name}' },
  'selftest.applied': { tr: '{name} kaydedildi ve uygulandı', en: '{name} saved and applied' },
  'selftest.unrecognised': { tr: 'Okuma tanınmadı ({n}. karakterden sonra farklı)', en: 'Scan not recognised (differs after character {n})' },
  'selftest.unrecognisedHint': { tr: 'Caps Lock kapalı mı? Doğru barkod mu? Yeniden okutun.', en: 'Caps Lock off? The right barcode? Scan again.' },
  'selftest.received': { tr: 'Gelen', en: 'Received' },
  'selftest.gs1Ok': { tr: 'GS1 barkodu okunuyor', en: 'GS1 barcode reads' },
  'selftest.gs1Bad': { tr: 'GS1 barkodu tanınmadı; yeniden okutun', en: 'GS1 barcode not recognised; scan again' },
  'selftest.aim': { tr: 'AIM öneki (]C1)', en: 'AIM prefix (]C1)' },
  'selftest.yes': { tr: 'var', en: 'yes' },
  'selftest.no': { tr: 'yok', en: 'no' },
  'selftest.fnc1': { tr: 'FNC1 ayırıcı', en: 'FNC1 separator' },
  'selftest.fnc1Gs': { tr: 'GS karakteri olarak geliyor', en: 'arrives as GS' },
  'selftest.fnc1Sub': { tr: '"{text}" olarak geliyor', en: 'arrives as "{text}"' },
  'selftest.fnc1Dropped': { tr: 'kayboluyor: okuyucuya FNC1 için bir yedek karakter tanımlayın', en: 'dropped: program a substitute character for FNC1 on the scanner' },
  'selftest.done': { tr: 'Test bitti', en: 'Test complete' },
  'selftest.sources': { tr: 'Seri / HID okuyucular', en: 'Serial / HID scanners' },
  'selftest.explainLayout': {
    tr: 'Okuyucu ABD klavyesinin tuşlarına basar; masa Türkçe Q ise “.” yerine “ç” gelir. Bu barkod, farklı olan her tuşa bir kez basar: gelen metin masanın klavye düzenini söyler, okumalar ona göre onarılır.',
    en: 'A scanner presses the keys of a US keyboard; on a Turkish-Q desk “.” comes out as “ç”. This barcode presses every key that differs once: what arrives tells the desk’s layout, and scans are repaired by it.',
  },
  'selftest.explainGs1': {
    tr: 'GS1-128 barkodu: okuyucunun AIM önekini (]C1) gönderip göndermediğini ve FNC1 ayırıcısını nasıl gönderdiğini gösterir.',
    en: 'A GS1-128 barcode: shows whether the scanner sends the AIM prefix (]C1) and how it sends the FNC1 separator.',
  },

  'scale.driver': { tr: 'Sürücü', en: 'Driver' },
  'scale.protocol': { tr: 'Protokol', en: 'Protocol' },
  'scale.port': { tr: 'Port', en: 'Port' },
  'scale.connection': { tr: 'Bağlantı', en: 'Connection' },
  'scale.zeroed': { tr: 'Terazi sıfırlandı', en: 'Scale zeroed' },
  'scale.zeroHint': { tr: 'Kefeyi boşaltın, sonra F4', en: 'Empty the pan, then F4' },

  'status.scanner': { tr: 'Okuyucu', en: 'Scanner' },
  'status.slip': { tr: 'Fiş', en: 'Slip' },
  'status.slipMissing': { tr: '{n} fiş basılmadı', en: '{n} slip(s) not printed' },
  'status.warning': { tr: 'uyarı', en: 'warning' },

  'sim.title': { tr: 'Terazi simülatörü', en: 'Scale simulator' },
  'sim.empty': { tr: 'Boş', en: 'Empty' },
  'sim.expected': { tr: 'Beklenen', en: 'Expected' },
  'sim.over': { tr: 'Beklenen +30%', en: 'Expected +30%' },
  'sim.orders': { tr: 'Demo siparişleri', en: 'Demo orders' },
} as const satisfies Record<string, Msg>

export type MessageKey = keyof typeof messages
export type Params = Readonly<Record<string, string | number>>

export function fill(template: string, params?: Params): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

export function t(key: MessageKey, lang: Lang, params?: Params): string {
  return fill(messages[key][lang], params)
}

export function otherLang(lang: Lang): Lang {
  return lang === 'tr' ? 'en' : 'tr'
}

/** Override and return reasons, in digit order (1…): the core picks them by digit and stores their text (shared/contract/desk-reasons.ts). */
export { OVERRIDE_REASONS, RETURN_REASONS } from '../../shared/contract/desk-reasons'

/** Audit actions the reports list as exceptions, in words; unknown actions show as stored. */
export function auditActionText(action: string, lang: Lang): string {
  const key = `audit.${action}`
  return key in messages ? t(key as MessageKey, lang) : action
}

export { errorMessage, type ErrorAction, type ErrorMessage } from './i18n-errors'
