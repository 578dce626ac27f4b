import { describe, expect, it } from 'vitest'
import { samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import { buildDongu, gondericiOf, paymentMethodOf } from './ptt.shipment'
import { thrown } from '../../../../tests/support/app-error'

describe('odemesekli from serviceCode (§4: MH, UA, N)', () => {
  it.each([
    ['', 'MH'],
    ['MH', 'MH'],
    [' ua ', 'UA'],
    ['N', 'N'],
  ])('%j → %s', (code, method) => {
    expect(paymentMethodOf(code)).toBe(method)
  })

  it('anything else is a service PTT does not offer', () => {
    expect(thrown(() => paymentMethodOf('OS'))).toMatchObject({ code: ErrorCode.carrierServiceUnsupported, meta: { field: 'serviceCode' } })
  })
})

describe('buildDongu', () => {
  it('units: grams, whole centimetres, desi; il/ilçe in Turkish upper case; 10-digit phone, SMS only for a mobile', () => {
    const [d] = buildDongu(samplePttRequest({ recipient: { ...samplePttRequest().recipient, phone: '0 (232) 544 12 34' } }), ['2740000000010'])
    expect(d).toMatchObject({
      agirlik: 3200,
      boy: 40,
      en: 30,
      yukseklik: 20,
      desi: '8',
      aliciIlAdi: 'İZMİR',
      aliciIlceAdi: 'ÖDEMİŞ',
      aliciTel: '2325441234',
      aliciSms: undefined,
      barkodNo: '2740000000010',
      musteriReferansNo: 'KJ-3001',
    })
    expect(d?.ekhizmet).toBeUndefined()
  })

  it.each([
    [1, '0.01'],
    [14_990, '149.90'],
    [100_000, '1000.00'],
  ])('COD %i kuruş → OS + odeme_sart_ucreti %s', (kurus, lira) => {
    expect(buildDongu(samplePttRequest({ codAmountKurus: kurus }), ['2740000000010'])[0]).toMatchObject({ ekhizmet: 'OS', odeme_sart_ucreti: lira })
  })

  it('leaves gondericibilgi out when told to, and names teslim_tip when configured', () => {
    expect(buildDongu(samplePttRequest(), ['b'], { sendSender: false, teslimTip: 'ADRES' })[0]).toMatchObject({
      gondericibilgi: undefined,
      teslim_tip: 'ADRES',
    })
  })

  it.each([
    [{ referenceNo: '' }, 'referenceNo'],
    [{ referenceNo: 'R'.repeat(61) }, 'referenceNo'],
    [{ recipient: { ...samplePttRequest().recipient, address: 'Yok' } }, 'recipient.address'],
    [{ recipient: { ...samplePttRequest().recipient, city: '' } }, 'recipient.city'],
    [{ sender: { ...samplePttRequest().sender, phone: '+44 20 7946 0958' } }, 'sender.phone'],
  ] as const)('refuses %j', (over, field) => {
    expect(thrown(() => buildDongu(samplePttRequest(over), ['b']))).toMatchObject({ code: ErrorCode.inputInvalid, meta: { field } })
  })
})

describe('gondericibilgi', () => {
  it('the pickup form splits the surname off; kabulEkle2 keeps the whole name', () => {
    const sender = samplePttRequest().sender
    expect(gondericiOf(sender, true)).toMatchObject({
      gonderici_adi: 'KargoJet Depo',
      gonderici_soyadi: 'Ltd',
      gonderici_il_ad: 'İSTANBUL',
      gonderici_ilce_ad: 'BEYLİKDÜZÜ',
      gonderici_telefonu: '2125550123',
      gonderici_sms: undefined,
      gonderici_ulke_id: '052',
    })
    expect(gondericiOf(sender)).toMatchObject({ gonderici_adi: 'KargoJet Depo Ltd', gonderici_soyadi: undefined })
  })
})
