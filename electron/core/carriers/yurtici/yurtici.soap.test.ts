import { XMLParser } from 'fast-xml-parser'
import { resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSchemaChecker, readReferenceWsdl, requiredOf, sequenceOf, xmllintAvailable } from '../../../../sandbox/yurtici/yurtici.schema-check'
import type { ShipmentRequest } from '../carrier.port'
import { planYurticiLabel } from './yurtici.offline'
import { buildShippingOrders, YurticiPaymentType } from './yurtici.orders'
import {
  buildCancelShipmentEnvelope,
  buildCreateShipmentEnvelope,
  buildQueryShipmentEnvelope,
  buildSaveReturnShipmentCodeEnvelope,
  parseSoapResponse,
  SHIPPING_ORDER_VO_ORDER,
  type ShippingOrderVO,
} from './yurtici.soap'

// The XSD is the published WSDL's, protocols/yurtici/KOPSWebServices.wsdl.
const repoRoot = resolve(import.meta.dirname, '../../../..')
const wsdl = readReferenceWsdl(repoRoot)
const creds = { username: 'YKTEST', password: 'YK' }
const minimal: ShippingOrderVO = { cargoKey: 'K1', invoiceKey: 'I1', taxOfficeId: 0, cargoCount: 1, ttDocumentId: 0, dcSelectedCredit: 0, dcCreditRule: 0 }
const full: ShippingOrderVO = Object.fromEntries(
  SHIPPING_ORDER_VO_ORDER.map((k) => [
    k,
    ['taxOfficeId', 'cargoCount', 'ttDocumentId', 'dcSelectedCredit', 'dcCreditRule'].includes(k)
      ? 1
      : ['desi', 'kg', 'ttInvoiceAmount'].includes(k)
        ? 2.5
        : `v-${k}`,
  ]),
) as unknown as ShippingOrderVO

function request(over: Partial<ShipmentRequest> = {}): ShipmentRequest {
  return {
    orderNumber: 'SIP#1$2',
    referenceNo: 'KJ-1',
    serviceCode: 'GO',
    sender: { name: 'Depo', address: 'Büyükdere Cad. 1', district: 'Şişli', city: 'İstanbul', postalCode: null, phone: null },
    recipient: {
      name: 'Şule Öztürk & <Ortak> "Ltd" \'Şti\'\u0007',
      address: 'Cemal Gürsel Cad. No:42 <D:3>',
      district: 'Kadıköy',
      city: 'İstanbul',
      postalCode: null,
      phone: '+90 535 987 65 43',
      email: 'sule@example.com',
    },
    packages: [
      { index: 0, boxCode: 'K2', lengthMm: 250, widthMm: 200, heightMm: 100, weightGrams: 850 },
      { index: 1, boxCode: 'K3', lengthMm: 300, widthMm: 300, heightMm: 300, weightGrams: 2100 },
    ],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}
const plan = planYurticiLabel(request(), 'kj-0001')

const envelopes: Array<[string, string]> = [
  ['createShipment, minimal row', buildCreateShipmentEnvelope(creds, [minimal])],
  ['createShipment, every element', buildCreateShipmentEnvelope(creds, [full])],
  ['createShipment, no row', buildCreateShipmentEnvelope(creds, [])],
  ['createShipment from a request (2 parcels)', buildCreateShipmentEnvelope(creds, buildShippingOrders(request(), plan, YurticiPaymentType.senderPays))],
  ['createShipment, COD cash', buildCreateShipmentEnvelope(creds, buildShippingOrders(request({ codAmountKurus: 13452 }), plan, YurticiPaymentType.codCash))],
  [
    'createShipment, COD card',
    buildCreateShipmentEnvelope(creds, buildShippingOrders(request({ codAmountKurus: 13452, serviceCode: 'codCard' }), plan, YurticiPaymentType.codCard)),
  ],
  ['cancelShipment, two keys', buildCancelShipmentEnvelope(creds, ['K1', 'K2'])],
  ['queryShipment', buildQueryShipmentEnvelope(creds, { keys: ['K1', 'K2'], keyType: 0, addHistoricalData: true, onlyTracking: false })],
  ['queryShipment by invoiceKey', buildQueryShipmentEnvelope(creds, { keys: ['I1'], keyType: 1, addHistoricalData: false, onlyTracking: true })],
  [
    'saveReturnShipmentCode',
    buildSaveReturnShipmentCodeEnvelope(creds, { fieldName: '16', returnCode: 'RMA-1', startDate: '20250301', endDate: '20250331', maxCount: 3 }),
  ],
]

describe('envelopes follow the WSDL (structural check, always on)', () => {
  it('ShippingOrderVO order is the XSD sequence, and the XSD-required elements are the five numbers', () => {
    expect([...SHIPPING_ORDER_VO_ORDER]).toEqual(sequenceOf(wsdl, 'ShippingOrderVO'))
    expect(requiredOf(wsdl, 'ShippingOrderVO')).toEqual(['taxOfficeId', 'cargoCount', 'ttDocumentId', 'dcSelectedCredit', 'dcCreditRule'])
  })

  it.each(envelopes)('%s: only the operation element is prefixed; children appear in XSD order', (_name, xml) => {
    expect(xml.match(/<ship:\w+/g)).toHaveLength(1)
    expect(xml).toContain('xmlns:ship="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"')
    const op = /<ship:(\w+)>/.exec(xml)?.[1] as string
    const sequence = sequenceOf(wsdl, op)
    const children = [...xml.matchAll(new RegExp(`<(${sequence.join('|')})>`, 'g'))].map((m) => m[1] as string)
    const positions = children.map((c) => sequence.indexOf(c))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    for (const required of requiredOf(wsdl, op)) expect(children).toContain(required)
  })

  it('every row of a request-built envelope carries all five required numbers, each in place', () => {
    const xml = envelopes[3]?.[1] ?? ''
    for (const name of requiredOf(wsdl, 'ShippingOrderVO')) expect(xml.match(new RegExp(`<${name}>`, 'g'))).toHaveLength(2)
  })
})

const checker = xmllintAvailable() ? createSchemaChecker(repoRoot) : null
afterAll(() => checker?.dispose())

describe.runIf(checker)('envelopes validate against the WSDL XSD (xmllint --schema)', () => {
  it.each(envelopes)('%s is valid', (_name, xml) => {
    const result = checker?.validate(xml)
    expect(result?.errors).toBe('')
    expect(result?.valid).toBe(true)
  })

  it.each([
    ['a required element left out', buildCreateShipmentEnvelope(creds, [minimal]).replace('<dcCreditRule>0</dcCreditRule>', '')],
    [
      'two elements swapped',
      buildCreateShipmentEnvelope(creds, [minimal]).replace(
        '<cargoKey>K1</cargoKey><invoiceKey>I1</invoiceKey>',
        '<invoiceKey>I1</invoiceKey><cargoKey>K1</cargoKey>',
      ),
    ],
    [
      'a child in the service namespace',
      buildCancelShipmentEnvelope(creds, ['K1']).replace('<cargoKeys>K1</cargoKeys>', '<ship:cargoKeys>K1</ship:cargoKeys>'),
    ],
    ['a text in a long', buildCreateShipmentEnvelope(creds, [minimal]).replace('<taxOfficeId>0</taxOfficeId>', '<taxOfficeId>x</taxOfficeId>')],
  ])('the checker refuses %s (so the test above can fail)', (_name, xml) => {
    expect(checker?.validate(xml).valid).toBe(false)
  })
})

// The escaping table itself is protocols/soap/xml-text.test.ts (one xmlEscape for every carrier).
describe('customer text', () => {
  it('Turkish text and markup characters survive a parse of the envelope', () => {
    const xml = envelopes[3]?.[1] ?? ''
    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false, htmlEntities: true }).parse(xml)
    const rows = doc.Envelope.Body.createShipment.ShippingOrderVO
    expect(rows[0].receiverCustName).toBe('Şule Öztürk & <Ortak> "Ltd" \'Şti\'')
    expect(rows[0].receiverAddress).toBe('Cemal Gürsel Cad. No:42 <D:3>')
    expect(rows[1].townName).toBe('Kadıköy')
  })

  it('refuses a non-integer in a long and a non-finite double before sending', () => {
    expect(() => buildCreateShipmentEnvelope(creds, [{ ...minimal, taxOfficeId: 1.5 }])).toThrow(/taxOfficeId must be an integer/)
    expect(() => buildCreateShipmentEnvelope(creds, [{ ...minimal, desi: Number.NaN }])).toThrow(/desi must be a finite number/)
  })
})

const S = (body: string) =>
  `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${body}</S:Body></S:Envelope>`
const NS = 'xmlns:ns2="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"'

describe('parseSoapResponse', () => {
  it('reads rows into arrays (one row too), numbers checked, nil rows dropped, character references decoded', () => {
    const xml = S(
      `<ns2:createShipmentResponse ${NS}><ShippingOrderResultVO><outFlag>0</outFlag><outResult>Ba&#351;ar&#305;l&#305;</outResult><count>1</count><jobId>71500001</jobId>` +
        `<shippingOrderDetailVO><cargoKey>K1</cargoKey><errCode>0</errCode><invoiceKey>I1</invoiceKey></shippingOrderDetailVO>` +
        `<shippingOrderDetailVO xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></ShippingOrderResultVO></ns2:createShipmentResponse>`,
    )
    const parsed = parseSoapResponse(xml, 'createShipment')
    expect(parsed).toEqual({
      kind: 'ok',
      body: {
        ShippingOrderResultVO: {
          outFlag: 0,
          outResult: 'Başarılı',
          errCode: '',
          count: 1,
          jobId: 71500001,
          shippingOrderDetailVO: [{ cargoKey: 'K1', errCode: 0, errMessage: '', invoiceKey: 'I1' }],
        },
      },
    })
  })

  it.each([
    [
      'YurticikargoWSException detail',
      '<detail><ns2:YurticikargoWSException xmlns:ns2="http://yurticikargo.com.tr/WSExceptions/"><errorCode>1626</errorCode><errText>Şifre hatalı</errText></ns2:YurticikargoWSException></detail>',
      1626,
      'Şifre hatalı',
    ],
    ['code/message detail (an Odoo client reads these)', '<detail><code>1625</code><message>Kullanıcı yok</message></detail>', 1625, 'Kullanıcı yok'],
    ['no detail', '', null, null],
  ])('a fault with %s', (_n, detail, errorCode, errText) => {
    const xml = S(`<S:Fault><faultcode>S:Server</faultcode><faultstring>hata</faultstring>${detail}</S:Fault>`)
    expect(parseSoapResponse(xml, 'queryShipment')).toEqual({ kind: 'fault', fault: { faultcode: 'S:Server', faultstring: 'hata', errorCode, errText } })
  })

  it.each([
    ['not XML', '{"ok":true}', /not well-formed/],
    ['a cut envelope', S(`<ns2:queryShipmentResponse ${NS}><ShippingDeliveryVO><outFlag>0</out`).slice(0, 120), /not well-formed/],
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "b">]>${S('')}`, /DOCTYPE/],
    ['no Envelope', '<html><body>502</body></html>', /no SOAP Envelope/],
    ['another operation', S(`<ns2:cancelShipmentResponse ${NS}/>`), /no queryShipmentResponse/],
    [
      'a required count missing',
      S(
        `<ns2:queryShipmentResponse ${NS}><ShippingDeliveryVO><outFlag>0</outFlag><senderCustId>1</senderCustId></ShippingDeliveryVO></ns2:queryShipmentResponse>`,
      ),
      /count/,
    ],
    [
      'an outFlag out of range',
      S(
        `<ns2:queryShipmentResponse ${NS}><ShippingDeliveryVO><outFlag>7</outFlag><count>0</count><senderCustId>1</senderCustId></ShippingDeliveryVO></ns2:queryShipmentResponse>`,
      ),
      /outFlag/,
    ],
    [
      'a text jobId',
      S(
        `<ns2:queryShipmentResponse ${NS}><ShippingDeliveryVO><outFlag>0</outFlag><count>1</count><senderCustId>1</senderCustId><shippingDeliveryDetailVO><jobId>x</jobId></shippingDeliveryDetailVO></ShippingDeliveryVO></ns2:queryShipmentResponse>`,
      ),
      /jobId/,
    ],
  ])('%s → invalid', (_n, xml, reason) => {
    const parsed = parseSoapResponse(xml, 'queryShipment')
    expect(parsed.kind).toBe('invalid')
    expect(parsed.kind === 'invalid' && parsed.reason).toMatch(reason)
  })
})
