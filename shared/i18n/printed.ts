/**
 * Words printed on paper: the shipping label, the parcel sticker, the packing slip, the manifests (A4 PDF and
 * Zebra) and the desk's command sheet. Paper goes to couriers and customers in Turkey, so it is Turkish, with
 * the English caption beside it where the layout has room, as printed. One place for all of it: the layouts in
 * electron/core take their words from here. `{name}` is filled with fillTemplate (notice-text.ts).
 */
export const PRINTED = {
  label: {
    order: 'SİPARİŞ NO / ORDER',
    from: 'GÖNDEREN / FROM',
    to: 'ALICI / TO',
    piece: 'KOLİ / PIECE',
    desi: 'DESİ',
    weight: 'KİLO / WEIGHT',
    date: 'TARİH / DATE',
    tracking: 'TAKİP NO / TRACKING',
    cod: 'KAPIDA ÖDEME {amount}',
    /** The sticker on each parcel of a multi-parcel shipment. */
    parcel: 'KOLİ {index}/{count}',
    returnCode: 'İADE KODU / RETURN CODE',
    returnTracking: 'İADE TAKİP / RETURN NO',
    /** The service line of a return label. */
    returnService: '{carrier} İADE',
  },
  slip: {
    title: 'PAKETLEME FİŞİ',
    order: 'Sipariş: {orderNumber}',
    item: 'Ürün',
    quantity: 'Adet',
    total: 'Toplam',
    totalQuantity: '{count} adet',
    recipient: 'ALICI',
    phone: 'Tel: {phone}',
    carrier: 'Kargo: {carrier}',
    tracking: 'Takip No: {trackingNumber}',
    cod: 'KAPIDA ÖDEME: {amount}',
  },
  manifest: {
    title: 'Teslim Listesi / Manifest — {carrier}',
    header: '{day} · Gönderici / Sender: {sender} · Sayfa {page}/{pages}',
    tracking: 'Takip No / Tracking',
    order: 'Sipariş / Order',
    recipient: 'Alıcı / Recipient',
    place: 'İlçe / İl',
    packages: 'Koli',
    desi: 'Desi',
    cod: 'Kapıda',
    totals: 'Toplam / Total: {shipments} gönderi, {packages} koli, {desi} desi, {weightKg} kg, kapıda ödeme {cod}',
    pending: '* Taşıyıcıya kaydı bekliyor (çevrimdışı etiket) / awaiting registration with the carrier (offline label)',
    handedOver: 'Teslim eden / Handed over by: ____________________',
    receivedBy: 'Teslim alan (kurye) / Received by: ____________________',
    /** The Zebra version, on 4×6 labels. */
    zplTitle: 'MANİFEST {carrier}',
    zplLine: '{orderNumber} · {place} · {packages} koli · {desi} ds',
    zplCod: ' · KO {amount}',
    zplTotals: 'TOPLAM: {shipments} gönderi · {packages} koli · {desi} desi · KO {cod}',
    zplCourier: 'Teslim alan kurye / Courier: ______________',
  },
  commandSheet: {
    title: 'Masa komutları / Desk commands',
    page: 'KargoJet Station · Sayfa / Page {page}/{pages}',
    /** What each desk command does, Turkish and English, under its barcode. */
    commands: {
      cancel: ['Siparişi iptal et', 'Cancel the open order'],
      retry: ['Tekrar dene', 'Retry'],
      reprint: ['Etiketi tekrar bas', 'Reprint the label'],
      nextParcel: ['Sonraki koli', 'Next package'],
      openReturn: ['İade aç', 'Open a return'],
      openReturnEnglish: ['İade aç (İngilizce kod)', 'Open a return (English code)'],
      openExceptions: ['İstisna kuyruğunu aç / kapat (F12)', 'Open / close the exceptions queue (F12)'],
    },
  },
} as const
