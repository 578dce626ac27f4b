import { describe, expect, it } from 'vitest'
import { ShippingLabelInput } from './label'

// Same data as tests/fixtures/label-input.json (shared/ may not import from tests/).
const labelFixture = {
  orderNumber: 'KJ-2026-004817',
  carrier: 'Yurtiçi Kargo',
  trackingNumber: 'TR1234567890',
  barcode: 'TR1234567890',
  sender: {
    name: 'Anadolu Çarşı E-Ticaret Ltd. Şti.',
    address: 'Organize Sanayi Bölgesi 4. Cadde No: 17',
    district: 'Başakşehir',
    city: 'İstanbul',
    phone: '0212 555 01 23',
  },
  recipient: {
    name: 'Ğülşen Çağlayan İnce',
    address: 'Bostanlı Mahallesi Cemal Gürsel Caddesi No: 412',
    district: 'Karşıyaka',
    city: 'İzmir',
    postalCode: '35590',
    phone: '+90 532 123 45 67',
  },
  packageIndex: 1,
  packageCount: 2,
  desi: 3.5,
  weightKg: 1.25,
  codAmountKurus: 13452,
}

describe('ShippingLabelInput', () => {
  it('accepts the Turkish sample label input', () => {
    const parsed = ShippingLabelInput.parse(labelFixture)
    expect(parsed.recipient.name).toBe('Ğülşen Çağlayan İnce')
    expect(parsed.codAmountKurus).toBe(13452)
  })

  it('accepts a prepaid parcel (codAmountKurus null) and trims text', () => {
    const parsed = ShippingLabelInput.parse({ ...labelFixture, codAmountKurus: null, carrier: '  Aras Kargo ' })
    expect(parsed.codAmountKurus).toBeNull()
    expect(parsed.carrier).toBe('Aras Kargo')
  })

  it('takes an optional QR (absent in older inputs)', () => {
    expect(ShippingLabelInput.parse(labelFixture).qr).toBeUndefined()
    expect(ShippingLabelInput.parse({ ...labelFixture, qr: ' https://takip.example/TR1234567890 ' }).qr).toBe('https://takip.example/TR1234567890')
  })

  const bad: ReadonlyArray<[string, Record<string, unknown>, string]> = [
    ['empty order number', { orderNumber: '' }, 'orderNumber'],
    ['blank carrier', { carrier: '   ' }, 'carrier'],
    ['barcode with ">" (Code 128 invocation)', { barcode: 'AB>;12' }, 'barcode'],
    ['barcode with non-ASCII', { barcode: 'TRĞ123' }, 'barcode'],
    ['barcode too long', { barcode: '1'.repeat(49) }, 'barcode'],
    ['package index 0', { packageIndex: 0 }, 'packageIndex'],
    ['package index above count', { packageIndex: 3, packageCount: 2 }, 'packageIndex'],
    ['fractional package count', { packageCount: 1.5 }, 'packageCount'],
    ['negative desi', { desi: -1 }, 'desi'],
    ['weight as text', { weightKg: '1,25' }, 'weightKg'],
    ['COD in lira with decimals', { codAmountKurus: 134.52 }, 'codAmountKurus'],
    ['negative COD', { codAmountKurus: -1 }, 'codAmountKurus'],
    ['COD missing', { codAmountKurus: undefined }, 'codAmountKurus'],
    ['recipient without postal code', { recipient: { ...labelFixture.recipient, postalCode: '' } }, 'recipient.postalCode'],
    ['sender without phone', { sender: { ...labelFixture.sender, phone: undefined } }, 'sender.phone'],
    ['empty QR', { qr: '  ' }, 'qr'],
    ['QR with Turkish letters', { qr: 'https://kargo.example/İzmir' }, 'qr'],
    ['QR too long', { qr: 'x'.repeat(301) }, 'qr'],
  ]
  it.each(bad)('rejects %s', (_name, patch, path) => {
    const result = ShippingLabelInput.safeParse({ ...labelFixture, ...patch })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path)
  })
})
