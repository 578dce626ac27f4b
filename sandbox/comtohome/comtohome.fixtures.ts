/**
 * The request samples of seed 001, verbatim, for tests of the emulator and of the connector.
 * Each call returns a fresh deep copy so a test can mutate it.
 */
const MINIMAL = {
  provider_id: 1,
  preference: 0,
  consignor: {
    name: 'Gönderen Firma',
    country: 'TR',
    state: 'İstanbul',
    city: 'Şişli',
    postal_code: '34381',
    address: 'Örnek Mahallesi, Örnek Sokak No:1',
    phone_number: '+902121234567',
  },
  consignee: {
    name: 'Alıcı Adı',
    country: 'TR',
    state: 'Ankara',
    city: 'Çankaya',
    postal_code: '06690',
    address: 'Alıcı adresi',
    phone_number: '+905551234567',
  },
  packages: [{ package_type: 1, post_type: 4, quantity: 1, weight: 1, length: 20, width: 15, height: 10 }],
}

const FULL = {
  provider_id: 1,
  preference: 0,
  reference_no: 'SIP-20241217-084523',
  consignor: {
    name: 'Teknoloji Mağazası A.Ş.',
    country: 'TR',
    state: 'İstanbul',
    city: 'Şişli',
    postal_code: '34381',
    address: 'Büyükdere Caddesi No:185 Kanyon AVM Kat:2',
    phone_number: '+902123456789',
  },
  consignee: {
    name: 'Elif Kaya',
    country: 'TR',
    state: 'İzmir',
    city: 'Karşıyaka',
    postal_code: '35540',
    address: 'Cemal Gürsel Caddesi No:42 Daire:5 Bostanlı Mahallesi',
    phone_number: '+905359876543',
  },
  packages: [
    {
      package_type: 1,
      post_type: 4,
      quantity: 1,
      weight: 0.85,
      length: 25,
      width: 20,
      height: 10,
      items: [{ unit_price: 2499.99, quantity: 1 }],
    },
  ],
}

/** Seed 001 "sadece zorunlu alanları içeren en basit gönderi oluşturma isteği". */
export function seedMinimalRequest(): Record<string, any> {
  return structuredClone(MINIMAL)
}

/** Seed 001 "tam kapsamlı API istek örneği" (with reference_no SIP-20241217-084523). */
export function seedFullRequest(): Record<string, any> {
  return structuredClone(FULL)
}
