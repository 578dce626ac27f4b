import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { sampleSuratRequest } from '../../../../sandbox/surat/surat.fixtures'
import { buildGonderi, isSuratKey, liraText, suratKeyFor, unitMeasures } from './surat.gonderi'
import { buildSuratEnvelope, SuratOperation } from './surat.soap'

const pkg = (index: number, l: number, w: number, h: number, g: number) => ({ index, boxCode: null, lengthMm: l, widthMm: w, heightMm: h, weightGrams: g })
const asRecord = (fields: ReturnType<typeof buildGonderi>) => Object.fromEntries(fields.filter(([, v]) => v !== undefined))

describe('suratKeyFor', () => {
  it('is deterministic, fixed-length and barcode-safe', () => {
    const a = suratKeyFor('order-1:attempt')
    expect(a).toBe(suratKeyFor('order-1:attempt'))
    expect(a).toMatch(/^KJ[0-9A-F]{16}$/)
    expect(isSuratKey(a)).toBe(true)
    expect(suratKeyFor('order-2:attempt')).not.toBe(a)
  })
  it('refuses an empty idempotency key', () => {
    expect(() => suratKeyFor('  ')).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })
})

describe('unitMeasures (carriers.md §11: integer BirimDesi, never under-declared)', () => {
  const table: ReadonlyArray<readonly [string, ReturnType<typeof pkg>[], { adet: number; birimDesi: number; birimKg: number }]> = [
    ['one 30×20×15 cm, 2.4 kg → desi 3, kg 3', [pkg(0, 300, 200, 150, 2400)], { adet: 1, birimDesi: 3, birimKg: 3 }],
    ['tiny parcel rounds up to 1/1', [pkg(0, 100, 100, 50, 120)], { adet: 1, birimDesi: 1, birimKg: 1 }],
    [
      'two unequal pieces: mean of ceils, ceiled (3+2 desi → 3, 3+1 kg → 2)',
      [pkg(0, 300, 200, 150, 2400), pkg(1, 200, 200, 150, 500)],
      { adet: 2, birimDesi: 3, birimKg: 2 },
    ],
  ]
  it.each(table)('%s', (_, packages, expected) => {
    const m = unitMeasures(packages)
    expect(m).toEqual(expected)
  })
  it.each([
    ['no packages', []],
    ['zero weight', [pkg(0, 100, 100, 100, 0)]],
    ['fractional mm', [pkg(0, 100.5, 100, 100, 10)]],
    ['negative height', [pkg(0, 100, 100, -1, 10)]],
  ])('refuses %s with input.invalid', (_, packages) => {
    expect(() => unitMeasures(packages)).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })
})

describe('buildGonderi', () => {
  it('maps the request onto the documented fields in GonderiModel order', () => {
    const g = buildGonderi(sampleSuratRequest(), 'KJ0123456789ABCDEF')
    expect(g.filter(([, v]) => v !== undefined).map(([k]) => k)).toEqual([
      'KisiKurum',
      'AliciAdresi',
      'Il',
      'Ilce',
      'TelefonCep',
      'Email',
      'KargoTuru',
      'OdemeTipi',
      'ReferansNo',
      'OzelKargoTakipNo',
      'Adet',
      'BirimDesi',
      'BirimKg',
      'KargoIcerigi',
      'KapidanOdemeTahsilatTipi',
      'TeslimSekli',
      'Iademi',
    ])
    expect(asRecord(g)).toMatchObject({
      KisiKurum: 'Mehmet Demir',
      Il: 'Ankara',
      Ilce: 'Çankaya',
      TelefonCep: '05559876543',
      KargoTuru: 3,
      OdemeTipi: 1,
      OzelKargoTakipNo: 'KJ0123456789ABCDEF',
      ReferansNo: 'SIP-2001',
      Adet: 1,
      BirimDesi: '3',
      BirimKg: '3',
      KapidanOdemeTahsilatTipi: 0,
      TeslimSekli: 1,
      Iademi: false,
    })
  })

  it('COD: cash by default, POS by option, amount as invariant decimal lira', () => {
    expect(asRecord(buildGonderi(sampleSuratRequest({ codAmountKurus: 15050 }), 'K'))).toMatchObject({
      KapidanOdemeTahsilatTipi: 1,
      KapidanOdemeTutari: '150.50',
    })
    expect(asRecord(buildGonderi(sampleSuratRequest({ codAmountKurus: 7 }), 'K', { codCollection: 'pos' }))).toMatchObject({
      KapidanOdemeTahsilatTipi: 2,
      KapidanOdemeTutari: '0.07',
    })
    expect(liraText(100000)).toBe('1000.00')
  })

  it('service codes: receiver pays, branch pickup; unknown is carrier.serviceUnsupported', () => {
    expect(asRecord(buildGonderi(sampleSuratRequest({ serviceCode: 'receiverPays' }), 'K'))).toMatchObject({ OdemeTipi: 2, TeslimSekli: 1 })
    expect(asRecord(buildGonderi(sampleSuratRequest({ serviceCode: 'branchPickup' }), 'K'))).toMatchObject({ OdemeTipi: 1, TeslimSekli: 2 })
    expect(() => buildGonderi(sampleSuratRequest({ serviceCode: 'express' }), 'K')).toThrow(
      expect.objectContaining({ code: ErrorCode.carrierServiceUnsupported }),
    )
  })

  it('a landline goes to TelefonEv (TelefonCep must start with 05); no phone leaves both out', () => {
    const base = sampleSuratRequest()
    const land = asRecord(buildGonderi(sampleSuratRequest({ recipient: { ...base.recipient, phone: '0312 444 55 66' } }), 'K'))
    expect(land).toMatchObject({ TelefonEv: '03124445566' })
    expect(land.TelefonCep).toBeUndefined()
    const none = asRecord(buildGonderi(sampleSuratRequest({ recipient: { ...base.recipient, phone: null } }), 'K'))
    expect(none.TelefonCep).toBeUndefined()
    expect(none.TelefonEv).toBeUndefined()
  })

  const base = sampleSuratRequest()
  it.each([
    ['recipient.name', { recipient: { ...base.recipient, name: '  ' } }],
    ['recipient.address', { recipient: { ...base.recipient, address: '' } }],
    ['recipient.city', { recipient: { ...base.recipient, city: '' } }],
    ['recipient.district', { recipient: { ...base.recipient, district: ' ' } }],
    ['recipient.phone', { recipient: { ...base.recipient, phone: '12345' } }],
    ['codAmountKurus', { codAmountKurus: 10.5 }],
    ['codAmountKurus', { codAmountKurus: -1 }],
    ['packages', { packages: [] }],
  ])('refuses bad %s with input.invalid before any call', (field, over) => {
    expect(() => buildGonderi(sampleSuratRequest(over), 'K')).toThrow(
      expect.objectContaining({ code: ErrorCode.inputInvalid, meta: expect.objectContaining({ field }) }),
    )
  })

  it('escapes customer text in the envelope and drops characters XML cannot carry', () => {
    const r = sampleSuratRequest({ recipient: { ...base.recipient, name: 'A & B <Ltd> "x"\u0007' } })
    const xml = buildSuratEnvelope(SuratOperation.siparisBarkod, [['Gonderi', buildGonderi(r, 'K')]])
    expect(xml).toContain('<KisiKurum>A &amp; B &lt;Ltd&gt; &quot;x&quot;</KisiKurum>')
    expect(xml).toContain(`<${SuratOperation.siparisBarkod} xmlns="http://tempuri.org/">`)
  })
})
