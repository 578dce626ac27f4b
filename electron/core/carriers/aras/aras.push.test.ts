import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import { arasPushRawCode, arasPushReplyContext, buildArasPushReply, parseArasPush, redactArasPush, type ArasPushAuth } from './aras.push'
import { thrown as refused } from '../../../../tests/support/app-error'

const AUTH: ArasPushAuth = { username: 'kargojet', password: 'p&ss<1>' }
const RECEIVED = '2026-11-25T10:00:00.000Z'

const fields = (over: Record<string, string> = {}) => ({
  IntegrationCode: '1234567890123456',
  CargoStatus: '6',
  ProcessDate: '25.11.2026 14:30:00',
  Description: 'Teslim edildi',
  UserName: 'kargojet',
  Password: 'p&ss<1>',
  ...over,
})
const xmlFields = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, v]) => `<${k}>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${k}>`)
    .join('')
const soap11 = (f = fields(), op = 'CargoStatusPush', ns = 'http://tempuri.org/') =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op} xmlns="${ns}">${xmlFields(f)}</${op}></soap:Body></soap:Envelope>`
const form = (f = fields()) => new URLSearchParams(f).toString()

describe('parseArasPush: accepted shapes', () => {
  const expected = {
    integrationCode: '1234567890123456',
    cargoStatus: '6',
    event: { status: TrackingStatus.delivered, rawCode: 'DURUM_KODU:6', rawText: 'Teslim edildi', at: '2026-11-25T11:30:00.000Z', location: null },
  }
  it.each([
    [
      'SOAP 1.1, default namespace on the operation',
      soap11(),
      'text/xml; charset=utf-8',
      { format: 'soap11', operation: 'CargoStatusPush', namespace: 'http://tempuri.org/' },
    ],
    [
      'SOAP 1.1, prefixed operation, namespace declared on the Envelope, fields in lower case',
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:kargo"><s:Header/><s:Body><t:Bildir>${xmlFields({ integrationcode: '1234567890123456', cargostatus: '6', processdate: '25.11.2026 14:30:00', description: 'Teslim edildi', username: 'kargojet', password: 'p&ss<1>' })}</t:Bildir></s:Body></s:Envelope>`,
      'text/xml',
      { format: 'soap11', operation: 'Bildir', namespace: 'urn:kargo' },
    ],
    [
      'SOAP 1.1, fields one level down in a request object',
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Push xmlns="http://tempuri.org/"><request>${xmlFields(fields())}</request></Push></soap:Body></soap:Envelope>`,
      undefined,
      { format: 'soap11', operation: 'Push', namespace: 'http://tempuri.org/' },
    ],
    [
      'SOAP 1.2',
      `<soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body><Push xmlns="http://tempuri.org/">${xmlFields(fields())}</Push></soap12:Body></soap12:Envelope>`,
      'application/soap+xml; charset=utf-8',
      { format: 'soap12', operation: 'Push', namespace: 'http://tempuri.org/' },
    ],
    [
      'SOAP 1.1, operation in no namespace',
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Push>${xmlFields(fields())}</Push></soap:Body></soap:Envelope>`,
      'text/xml',
      { format: 'soap11', operation: 'Push', namespace: '' },
    ],
    ['JSON', JSON.stringify(fields()), 'application/json', { format: 'json', operation: 'CargoStatusPush' }],
    ['JSON with a numeric CargoStatus, no content type', JSON.stringify({ ...fields(), CargoStatus: 6 }), undefined, { format: 'json' }],
    ['form-urlencoded', form(), 'application/x-www-form-urlencoded', { format: 'form' }],
  ] as const)('%s', (_name, body, contentType, context) => {
    const r = parseArasPush(body, contentType, AUTH, RECEIVED)
    expect(r.push).toMatchObject(expected)
    expect(r.context).toMatchObject(context)
  })

  it.each([
    ['1', TrackingStatus.pickedUp, 'DURUM_KODU:1'],
    ['2', TrackingStatus.inTransit, 'DURUM_KODU:2'],
    ['3', TrackingStatus.inTransit, 'DURUM_KODU:3'],
    ['4', TrackingStatus.outForDelivery, 'DURUM_KODU:4'],
    ['5', TrackingStatus.exception, 'DURUM_KODU:5'],
    ['6', TrackingStatus.delivered, 'DURUM_KODU:6'],
    ['7', TrackingStatus.inTransit, 'DURUM_KODU:7'],
    ['99', null, 'DURUM_KODU:99'], // unknown: kept raw, status not guessed
    ['AY', TrackingStatus.failedAttempt, 'AY'], // a devir code, should Aras send one
    ['DURUM_KODU:2;TIP_KODU:3', TrackingStatus.returnInTransit, 'DURUM_KODU:2;TIP_KODU:3'],
  ] as const)('CargoStatus %s → %s through the Aras status table', (code, status, rawCode) => {
    const r = parseArasPush(JSON.stringify(fields({ CargoStatus: code, Description: 'x' })), 'application/json', AUTH, RECEIVED)
    expect(r.push.event).toMatchObject({ status, rawCode })
    expect(arasPushRawCode(code)).toBe(rawCode)
  })

  it('ProcessDate: Turkish, ISO with a zone, .NET; absent → received time', () => {
    const at = (d: string) => parseArasPush(JSON.stringify(fields({ ProcessDate: d })), 'application/json', AUTH, RECEIVED).push.event.at
    expect(at('25.11.2026 14:30')).toBe('2026-11-25T11:30:00.000Z')
    expect(at('2026-11-25T14:30:00+03:00')).toBe('2026-11-25T11:30:00.000Z')
    expect(at('/Date(1795000000000)/')).toBe(new Date(1795000000000).toISOString())
    expect(at('')).toBe(RECEIVED)
    const { ProcessDate: _omit, ...rest } = fields()
    expect(parseArasPush(JSON.stringify(rest), 'application/json', AUTH, RECEIVED).push.event.at).toBe(RECEIVED)
  })
})

describe('parseArasPush: refusals', () => {
  it.each([
    ['wrong password', JSON.stringify(fields({ Password: 'nope' })), ErrorCode.carrierAuth],
    ['wrong user name', JSON.stringify(fields({ UserName: 'other' })), ErrorCode.carrierAuth],
    ['no credentials', JSON.stringify({ IntegrationCode: '1', CargoStatus: '6' }), ErrorCode.carrierAuth],
    ['credentials are checked before the fields', JSON.stringify(fields({ Password: 'nope', CargoStatus: '' })), ErrorCode.carrierAuth],
    ['empty IntegrationCode', JSON.stringify(fields({ IntegrationCode: ' ' })), ErrorCode.inputInvalid],
    ['empty CargoStatus', JSON.stringify(fields({ CargoStatus: '' })), ErrorCode.inputInvalid],
    ['ProcessDate that is no date', JSON.stringify(fields({ ProcessDate: '31.02.2026' })), ErrorCode.inputInvalid],
    ['malformed JSON', '{"IntegrationCode": ', ErrorCode.inputInvalid],
    ['a JSON array', JSON.stringify([fields()]), ErrorCode.inputInvalid],
    ['malformed XML', soap11().slice(0, -20), ErrorCode.inputInvalid],
    ['XML that is not SOAP', `<Push>${xmlFields(fields())}</Push>`, ErrorCode.inputInvalid],
    [
      'SOAP without the fields',
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Ping/></soap:Body></soap:Envelope>',
      ErrorCode.inputInvalid,
    ],
    ['a DTD', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]>${soap11()}`, ErrorCode.inputInvalid],
    ['a field given twice', `${form()}&CargoStatus=2`, ErrorCode.inputInvalid],
    ['an empty body', '', ErrorCode.inputInvalid],
  ] as const)('%s', (_name, body, code) => {
    expect(refused(() => parseArasPush(body, undefined, AUTH, RECEIVED))).toMatchObject({ code, retryable: false })
  })

  it('an empty configured password is a configuration error, never "anything goes"', () => {
    expect(refused(() => parseArasPush(JSON.stringify(fields({ Password: '' })), 'application/json', { username: 'kargojet', password: '' })).code).toBe(
      ErrorCode.inputInvalid,
    )
  })
})

describe('buildArasPushReply', () => {
  const xml = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false })

  it('SOAP 1.1 request → SOAP 1.1 response in the request operation and namespace (wrapped and flat)', () => {
    const ctx = parseArasPush(soap11(fields(), 'Bildir', 'urn:kargo'), 'text/xml', AUTH).context
    const ok = buildArasPushReply(ctx, { result: true })
    expect(ok.contentType).toMatch(/^text\/xml/)
    const body = xml.parse(ok.body).Envelope.Body
    expect(ok.body).toContain('<BildirResponse xmlns="urn:kargo"><BildirResult><Result>true</Result><ErrorDescription /></BildirResult></BildirResponse>')
    expect(body.BildirResponse.BildirResult).toEqual({ Result: 'true', ErrorDescription: '' })
    const flat = xml.parse(buildArasPushReply(ctx, { result: false, errorDescription: 'a < b' }, { soapShape: 'flat' }).body).Envelope.Body.BildirResponse
    expect(flat).toMatchObject({ Result: 'false', ErrorDescription: 'a < b' })
  })

  it('an operation in no namespace is answered in none', () => {
    expect(buildArasPushReply({ format: 'soap11', operation: 'Push', namespace: '' }, { result: true }).body).toContain(
      '<PushResponse><PushResult><Result>true</Result>',
    )
  })

  it('SOAP 1.2 → application/soap+xml; JSON and form → JSON', () => {
    const ctx12 = { format: 'soap12', operation: 'Push', namespace: 'http://tempuri.org/' } as const
    expect(buildArasPushReply(ctx12, { result: true }).contentType).toMatch(/^application\/soap\+xml/)
    expect(buildArasPushReply(ctx12, { result: true }).body).toContain('http://www.w3.org/2003/05/soap-envelope')
    for (const format of ['json', 'form'] as const) {
      const r = buildArasPushReply({ format, operation: 'x', namespace: '' }, { result: false, errorDescription: 'Kullanıcı adı hatalı' })
      expect(JSON.parse(r.body)).toEqual({ Result: false, ErrorDescription: 'Kullanıcı adı hatalı' })
    }
  })

  it('arasPushReplyContext answers in the caller’s format even for a body that cannot be used', () => {
    expect(arasPushReplyContext(soap11().slice(0, -20), 'text/xml').format).toBe('soap11')
    expect(arasPushReplyContext('<x', 'application/soap+xml').format).toBe('soap12')
    expect(arasPushReplyContext('{oops', 'application/json').format).toBe('json')
    expect(arasPushReplyContext('', undefined).format).toBe('json')
  })
})

describe('redactArasPush', () => {
  it.each([
    [soap11(), 'p&amp;ss'],
    [JSON.stringify(fields()), 'p&ss'],
    [form(), 'p%26ss'],
  ])('hides the password in %#', (body, secret) => {
    const out = redactArasPush(body)
    expect(out).not.toContain(secret)
    expect(out).toContain('[redacted]')
    expect(out).toContain('1234567890123456')
  })
})
