import { describe, expect, it } from 'vitest'
import { openSoapRequest, type SoapRequestWording } from './soap-request.reader'
import { childrenIn, leafText, scopedXmlParser } from './xml-scope'

const wording: SoapRequestWording = {
  doctype: 'doctype',
  malformed: (msg, line) => `malformed ${line}`,
  noRoot: 'noRoot',
  soap12: 'soap12',
  notEnvelope: (found) => `notEnvelope ${found}`,
  noBody: 'noBody',
  emptyBody: 'emptyBody',
  wrongNamespace: (found) => `wrongNamespace ${found}`,
}
const parser = scopedXmlParser(['row'])
const open = (xml: string) => openSoapRequest(xml, { parser, operationNs: 'urn:svc', faultPrefix: 'S', wording })
const env = (body: string, ns = 'http://schemas.xmlsoap.org/soap/envelope/') =>
  `<e:Envelope xmlns:e="${ns}" xmlns:x="urn:svc"><e:Header/><e:Body>${body}</e:Body></e:Envelope>`

describe('openSoapRequest', () => {
  it('finds the operation element in the service namespace, with the scopes around it', () => {
    const opened = open(env('<x:op><a>1</a><x:b>2</x:b><row>r1</row><row xsi:nil="true" xmlns:xsi="i"/></x:op>'))
    if ('faultcode' in opened) throw new Error(opened.faultstring)
    expect(opened.operation).toBe('op')
    const unqualified = childrenIn(opened.element, opened.scopes, (ns) => ns === '')
    expect([...unqualified.keys()]).toEqual(['a', 'row'])
    expect(leafText(unqualified.get('a'))).toBe('1')
    expect((unqualified.get('row') as unknown[]).map(leafText)).toEqual(['r1', undefined])
    expect([...childrenIn(opened.element, opened.scopes, (ns) => ns === 'urn:svc').keys()]).toEqual(['b'])
  })

  it.each([
    ['a DTD', `<!DOCTYPE x [<!ENTITY a "b">]>${env('<x:op/>')}`, 'S:Client', 'doctype'],
    ['not XML', '<a><b></a>', 'S:Client', 'malformed 1'],
    ['SOAP 1.2', env('<x:op/>', 'http://www.w3.org/2003/05/soap-envelope'), 'S:VersionMismatch', 'soap12'],
    ['not an envelope', '<html xmlns="urn:h"/>', 'S:Client', 'notEnvelope {urn:h}html'],
    ['no Body', '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header/></e:Envelope>', 'S:Client', 'noBody'],
    ['an empty Body', env(''), 'S:Client', 'emptyBody'],
    ['another namespace', env('<op xmlns="urn:other"/>'), 'S:Client', 'wrongNamespace {urn:other}op'],
  ])('%s → %s', (_n, xml, faultcode, faultstring) => {
    expect(open(xml)).toEqual({ faultcode, faultstring })
  })
})

describe('namespaces declared on the element itself', () => {
  it('an operation element that declares its own namespace is in it (zeep and .NET write it so)', () => {
    const opened = open(env('<ns0:op xmlns:ns0="urn:svc"><a>1</a></ns0:op>'))
    expect('faultcode' in opened ? opened.faultstring : opened.operation).toBe('op')
  })

  it('a child that declares a default namespace on itself is qualified, not unqualified', () => {
    const opened = open(env('<x:op><a xmlns="urn:other">1</a><b>2</b></x:op>'))
    if ('faultcode' in opened) throw new Error(opened.faultstring)
    expect([...childrenIn(opened.element, opened.scopes, (ns) => ns === '').keys()]).toEqual(['b'])
  })
})
