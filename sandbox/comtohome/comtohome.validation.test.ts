import { describe, expect, it } from 'vitest'
import { Msg } from './comtohome.checks'
import { chooseCheapest, DEFAULT_PRICE_TABLE, DEFAULT_PROVIDERS } from './comtohome.config'
import { seedFullRequest, seedMinimalRequest } from './comtohome.fixtures'
import { validateConsignment, type ValidationContext } from './comtohome.validation'

const ctx: ValidationContext = {
  customerId: 1001,
  providers: DEFAULT_PROVIDERS,
  choosePreference: chooseCheapest,
  priceTable: DEFAULT_PRICE_TABLE,
  knownDocumentIds: [4617],
  isReferenceUsed: (ref) => ref === 'SIP-20241217-084523',
}

type Body = Record<string, any>
const x = (n: number) => 'x'.repeat(n)

function errorsOf(body: unknown) {
  const r = validateConsignment(body, ctx)
  return r.ok ? [] : r.errors
}

describe('validateConsignment: seed samples', () => {
  it('accepts the minimal sample and resolves il/ilçe', () => {
    const r = validateConsignment(seedMinimalRequest(), ctx)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.provider.id).toBe(1)
    expect(r.value.consignee.place).toEqual({ state: 'Ankara', city: 'Çankaya', postalCode: '06690' })
    expect(r.value.packages).toEqual([{ weight: 1, length: 20, width: 15, height: 10, quantity: 1 }])
  })

  it('answers the seed error sample: duplicate reference and blank consignee.name, together, in that order', () => {
    const body = seedFullRequest()
    body.consignee.name = ''
    expect(errorsOf(body)).toEqual([
      { field: 'reference_no', message: 'SIP-20241217-084523 Referans numarası kullanılmaktadır.' },
      { field: 'consignee.name', message: 'Bu değer boş bırakılmamalıdır.' },
    ])
  })

  it('answers the seed special-service sample for a provider with neither service', () => {
    const body = seedMinimalRequest()
    body.provider_id = 4
    body.special_services = [
      { service_type: 'CASH_ON_DELIVERY', details: { method: 'CASH', amount: 134.52, accountNumber: '12312312' } },
      { service_type: 'VALUED_SHIPMENT' },
    ]
    expect(errorsOf(body)).toEqual([
      { field: 'specialServices[0].serviceType', message: 'Kargo sağlayıcısı bu özel servisi desteklememektedir: [CASH_ON_DELIVERY]' },
      { field: 'specialServices[1].serviceType', message: 'Kargo sağlayıcısı bu özel servisi desteklememektedir: [VALUED_SHIPMENT]' },
    ])
  })

  it('rejects a body that is not an object', () => {
    expect(errorsOf([1, 2])).toEqual([{ field: null, message: Msg.type('array') }])
  })
})

// One mutation of the minimal sample → exactly these errors.
const cases: Array<[string, (b: Body) => void, Array<[string, string]>]> = [
  ['name missing', (b) => delete b.consignor.name, [['consignor.name', Msg.missing]]],
  ['name empty', (b) => (b.consignee.name = ''), [['consignee.name', Msg.blank]]],
  ['name null', (b) => (b.consignee.name = null), [['consignee.name', Msg.blank]]],
  ['name not a string', (b) => (b.consignee.name = 5), [['consignee.name', Msg.type('string')]]],
  ['name 255 chars ok', (b) => (b.consignee.name = x(255)), []],
  ['name 256 chars', (b) => (b.consignee.name = x(256)), [['consignee.name', Msg.tooLong(255)]]],
  ['name counts characters, not bytes', (b) => (b.consignee.name = 'ğ'.repeat(255)), []],
  ['attention_name 256', (b) => (b.consignor.attention_name = x(256)), [['consignor.attention_name', Msg.tooLong(255)]]],
  ['country 1 char', (b) => (b.consignee.country = 'T'), [['consignee.country', Msg.tooShort(2)]]],
  ['country 4 chars', (b) => (b.consignee.country = 'TURK'), [['consignee.country', Msg.tooLong(3)]]],
  ['country ISO3 TUR ok', (b) => (b.consignee.country = 'TUR'), []],
  ['country abroad', (b) => (b.consignee.country = 'DE'), [['consignee.country', Msg.domesticOnly]]],
  ['country missing', (b) => delete b.consignor.country, [['consignor.country', Msg.missing]]],
  ['state 101 chars', (b) => (b.consignee.state = x(101)), [['consignee.state', Msg.tooLong(100)]]],
  ['city 101 chars', (b) => (b.consignee.city = x(101)), [['consignee.city', Msg.tooLong(100)]]],
  ['state missing', (b) => delete b.consignee.state, [['consignee.state', Msg.missing]]],
  ['state empty: reported once, no lookup', (b) => (b.consignee.state = ''), [['consignee.state', Msg.blank]]],
  ['address 1000 chars ok', (b) => (b.consignee.address = x(1000)), []],
  ['address 1001 chars', (b) => (b.consignee.address = x(1001)), [['consignee.address', Msg.tooLong(1000)]]],
  ['address empty', (b) => (b.consignee.address = ''), [['consignee.address', Msg.blank]]],
  ['postal_code 31 chars', (b) => (b.consignee.postal_code = '1'.repeat(31)), [['consignee.postal_code', Msg.tooLong(30)]]],
  ['postal_code absent is fine', (b) => delete b.consignee.postal_code, []],
  ['phone 21 chars', (b) => (b.consignee.phone_number = '+'.padEnd(21, '9')), [['consignee.phone_number', Msg.tooLong(20)]]],
  ['email 256 chars', (b) => (b.consignee.email = x(256)), [['consignee.email', Msg.tooLong(255)]]],
  ['consignee missing', (b) => delete b.consignee, [['consignee', Msg.missing]]],
  ['consignee not an object', (b) => (b.consignee = 'Elif'), [['consignee', Msg.type('array')]]],
  ['packages missing', (b) => delete b.packages, [['packages', Msg.missing]]],
  ['packages empty', (b) => (b.packages = []), [['packages', Msg.blank]]],
  ['package_type missing', (b) => delete b.packages[0].package_type, [['packages[0].package_type', Msg.missing]]],
  ['package_type string', (b) => (b.packages[0].package_type = '1'), [['packages[0].package_type', Msg.type('integer')]]],
  ['post_type float', (b) => (b.packages[0].post_type = 4.5), [['packages[0].post_type', Msg.type('integer')]]],
  ['weight string', (b) => (b.packages[0].weight = '1'), [['packages[0].weight', Msg.type('float')]]],
  ['weight zero', (b) => (b.packages[0].weight = 0), [['packages[0].weight', Msg.positive]]],
  ['height missing', (b) => delete b.packages[0].height, [['packages[0].height', Msg.missing]]],
  ['quantity 0', (b) => (b.packages[0].quantity = 0), [['packages[0].quantity', Msg.atLeast(1)]]],
  ['item currency 2 chars', (b) => (b.packages[0].items = [{ currency_code: 'TL' }]), [['packages[0].items[0].currency_code', Msg.exactLength(3)]]],
  ['item description 256', (b) => (b.packages[0].items = [{ description: x(256) }]), [['packages[0].items[0].description', Msg.tooLong(255)]]],
  ['item origin 1 char', (b) => (b.packages[0].items = [{ origin: 'T' }]), [['packages[0].items[0].origin', Msg.tooShort(2)]]],
  [
    'no provider_id, no preference',
    (b) => (delete b.provider_id, delete b.preference),
    [
      ['provider_id', Msg.missing],
      ['preference', Msg.missing],
    ],
  ],
  ['preference 0 without provider_id', (b) => delete b.provider_id, [['provider_id', Msg.missing]]],
  ['provider_id null with preference 0', (b) => (b.provider_id = null), [['provider_id', Msg.blank]]],
  ['preference 1 picks a provider', (b) => (delete b.provider_id, (b.preference = 1)), []],
  ['preference unknown', (b) => (delete b.provider_id, (b.preference = 7)), [['preference', Msg.choice]]],
  ['provider_id string', (b) => (b.provider_id = '1'), [['provider_id', Msg.type('integer')]]],
  ['provider not defined', (b) => (b.provider_id = 99), [['provider_id', "1001 ID'li müşteri için 99 ID'li kargo sağlayıcısı tanımlanmamıştır."]]],
  ['reference_no 256 chars', (b) => (b.reference_no = x(256)), [['reference_no', Msg.tooLong(255)]]],
  ['reference_no duplicate', (b) => (b.reference_no = 'SIP-20241217-084523'), [['reference_no', 'SIP-20241217-084523 Referans numarası kullanılmaktadır.']]],
  ['invoice_number 256', (b) => (b.invoice_number = x(256)), [['invoice_number', Msg.tooLong(255)]]],
  ['is_pickup_requested string', (b) => (b.is_pickup_requested = 'yes'), [['is_pickup_requested', Msg.type('bool')]]],
  ['document known', (b) => (b.documents = [{ id: 4617 }]), []],
  ['documents unknown', (b) => (b.documents = [{ id: 1 }, { id: 4617 }, { id: 2 }]), [['documents', "Doküman ID'leri geçersizdir: [1, 2]"]]],
  ['document id missing', (b) => (b.documents = [{}]), [['documents[0].id', Msg.missing]]],
  ['document id string', (b) => (b.documents = [{ id: '4617' }]), [['documents[0].id', Msg.type('integer')]]],
  ['service_type missing', (b) => (b.special_services = [{ details: {} }]), [['special_services[0].service_type', Msg.missing]]],
  ['COD supported by provider 1', (b) => (b.special_services = [{ service_type: 'CASH_ON_DELIVERY', details: { method: 'CASH', amount: 10 } }]), []],
  ['COD without amount', (b) => (b.special_services = [{ service_type: 'CASH_ON_DELIVERY' }]), [['special_services[0].details.amount', Msg.missing]]],
  ['address_resolver_type 3', (b) => (b.address_resolver_type = 3), [['address_resolver_type', Msg.choice]]],
  ['type 0 folds case: "ankara" / "CANKAYA"', (b) => ((b.consignee.state = 'ankara'), (b.consignee.city = 'CANKAYA')), []],
  ['type 0 unknown il', (b) => (b.consignee.state = 'Atlantis'), [['consignee.state', 'İl bulunamadı: [Atlantis]']]],
  ['type 1 ignores names', (b) => ((b.address_resolver_type = 1), (b.consignee.state = 'herhangi'), (b.consignee.city = 'herhangi')), []],
  ['type 2 falls back to postal code', (b) => ((b.address_resolver_type = 2), (b.consignee.city = 'Yok')), []],
]

describe('validateConsignment: field table of seed 001', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const body = seedMinimalRequest()
    mutate(body)
    expect(errorsOf(body).map((e) => [e.field, e.message])).toEqual(expected)
  })

  it('collects every error of a bad body in one answer', () => {
    const body = seedMinimalRequest()
    body.consignor.name = ''
    body.consignee.address = x(1001)
    body.packages[0].weight = 'heavy'
    body.provider_id = 99
    expect(errorsOf(body).map((e) => e.field)).toEqual(['consignor.name', 'consignee.address', 'packages[0].weight', 'provider_id'])
  })

  it('type 2 resolves "istanbul"/"kadikoy" to the canonical names (seed scenario 1)', () => {
    const body = seedMinimalRequest()
    Object.assign(body.consignee, { state: 'istanbul', city: 'kadikoy', postal_code: '34710' })
    body.address_resolver_type = 2
    const r = validateConsignment(body, ctx)
    expect(r.ok && r.value.consignee.place).toEqual({ state: 'İstanbul', city: 'Kadıköy', postalCode: '34710' })
  })

  it('preference 1 picks the cheapest provider that supports the requested service', () => {
    const body = seedMinimalRequest()
    delete body.provider_id
    body.preference = 1
    const plain = validateConsignment(body, ctx)
    expect(plain.ok && plain.value.provider.name).toBe('PTT Kargo')
    body.special_services = [{ service_type: 'CASH_ON_DELIVERY', details: { method: 'CASH', amount: 50 } }]
    const cod = validateConsignment(body, ctx)
    expect(cod.ok && cod.value.provider.name).toBe('Sürat Kargo')
  })

  it('honours specific_provider_barcode only for a provider with a barcode range', () => {
    const body = seedMinimalRequest()
    body.specific_provider_barcode = 'KP123'
    const yk = validateConsignment(body, ctx)
    expect(yk.ok && yk.value.specificProviderBarcode).toBe(null)
    body.provider_id = 4
    const ptt = validateConsignment(body, ctx)
    expect(ptt.ok && ptt.value.specificProviderBarcode).toBe('KP123')
  })
})
