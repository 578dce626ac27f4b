import { describe, expect, it } from 'vitest'
import { sampleArasRequest } from '../../../../sandbox/aras/aras.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { planArasLabel } from './aras.keys'
import { buildArasOrder, formatMeasure } from './aras.orders'

const req = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleArasRequest(over)
const build = (r: ShipmentRequest) => buildArasOrder(r, planArasLabel(r, 'key-1'))

describe('buildArasOrder', () => {
  it('maps the request to SetOrder fields (carriers.md §2)', () => {
    const plan = planArasLabel(req(), 'key-1')
    expect(buildArasOrder(req(), plan)).toEqual({
      TradingWaybillNumber: plan.integrationCode,
      InvoiceNumber: 'SIP-2001',
      ReceiverName: 'Özgür Akman',
      ReceiverAddress: 'Bağlarbaşı Mah. Aydın Sok. No:7',
      ReceiverPhone1: '5063390181',
      ReceiverCityName: 'İSTANBUL',
      ReceiverTownName: 'GAZİOSMANPAŞA',
      VolumetricWeight: '1.667',
      Weight: '0.85',
      PieceCount: '1',
      SpecialField1: 'SIP-2001',
      CodAmount: undefined,
      CodCollectionType: undefined,
      CodBillingType: undefined,
      IntegrationCode: plan.integrationCode,
      Description: undefined,
      PayorTypeCode: '1',
      IsWorldWide: '0',
      IsCod: '0',
      PieceDetails: [{ VolumetricWeight: '1.667', Weight: '0.85', BarcodeNumber: plan.integrationCode }],
    })
  })

  it('COD: IsCod 1, lira with two decimals, cash or card, CodBillingType 0', () => {
    expect(build(req({ codAmountKurus: 13452 }))).toMatchObject({
      IsCod: '1',
      CodAmount: '134.52',
      CodCollectionType: '0',
      CodBillingType: '0',
      PayorTypeCode: '1',
    })
    expect(build(req({ codAmountKurus: 500, serviceCode: 'codCard' }))).toMatchObject({ CodCollectionType: '1', CodAmount: '5.00' })
  })

  it('receiver pays: PayorTypeCode 2; a long order number stays in SpecialField1 only', () => {
    const o = build(req({ serviceCode: 'AO', orderNumber: 'TRENDYOL-1234567890-XYZ' }))
    expect(o).toMatchObject({ PayorTypeCode: '2', InvoiceNumber: undefined, SpecialField1: 'TRENDYOL-1234567890-XYZ' })
  })

  it('multi-piece: totals on the order, one PieceDetail per box with its own barcode', () => {
    const r = req({ packages: [...req().packages, { index: 1, boxCode: null, lengthMm: 600, widthMm: 400, heightMm: 400, weightGrams: 12_500 }] })
    const o = build(r)
    expect(o.PieceCount).toBe('2')
    expect(o.PieceDetails.map((p) => [p.VolumetricWeight, p.Weight])).toEqual([
      ['1.667', '0.85'],
      ['32', '12.5'],
    ])
    expect(o.VolumetricWeight).toBe('33.667')
    expect(o.Weight).toBe('13.35')
  })

  it.each([
    ['recipient name empty', { recipient: { ...req().recipient, name: '  ' } }, 'recipient.name'],
    ['recipient name > 100', { recipient: { ...req().recipient, name: 'A'.repeat(101) } }, 'recipient.name'],
    ['address empty', { recipient: { ...req().recipient, address: '' } }, 'recipient.address'],
    ['address > 250', { recipient: { ...req().recipient, address: 'x'.repeat(251) } }, 'recipient.address'],
    ['il missing', { recipient: { ...req().recipient, city: '' } }, 'recipient.city'],
    ['ilçe > 32', { recipient: { ...req().recipient, district: 'x'.repeat(33) } }, 'recipient.district'],
    ['phone missing', { recipient: { ...req().recipient, phone: null } }, 'recipient.phone'],
    ['phone not Turkish', { recipient: { ...req().recipient, phone: '+44 20 7946 0958' } }, 'recipient.phone'],
    ['unknown service', { serviceCode: 'express' }, 'serviceCode'],
    ['codCash without amount', { serviceCode: 'codCash' }, 'codAmountKurus'],
    ['receiver-pays COD (936)', { serviceCode: 'AO', codAmountKurus: 1000 }, 'serviceCode'],
    ['COD under 5 TL (70026)', { codAmountKurus: 499 }, 'codAmountKurus'],
    ['COD over 5000 TL (70026)', { codAmountKurus: 500_001 }, 'codAmountKurus'],
    ['zero weight', { packages: [{ ...req().packages[0]!, weightGrams: 0 }] }, 'packages.0'],
  ] as const)('refuses %s before any request', (_name, over, field) => {
    expect(() => build(req(over as Partial<ShipmentRequest>))).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid, meta: { field } }))
  })
})

describe('formatMeasure', () => {
  it.each([
    [1.6666, 6, '1.667'],
    [100, 6, '100'],
    [0.0001, 6, '0.001'],
    [12345.678, 6, '12346'],
    [999.9999, 6, '1000'],
    [12.5, 6, '12.5'],
  ] as const)('%s in %s chars → %s', (v, max, out) => {
    expect(formatMeasure(v, max)).toBe(out)
  })

  it('refuses what cannot fit', () => {
    expect(() => formatMeasure(1_234_567, 6)).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })
})
