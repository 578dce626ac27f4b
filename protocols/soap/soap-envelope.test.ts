import { describe, expect, it } from 'vitest'
import { defaultNsElement, SOAP11_NS, SOAP12_NS, soapContentType, soapEnvelope, SoapStyle } from './soap-envelope'
import { readSoapFault, soapFaultCode, soapFaultEnvelope } from './soap-fault'

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'

describe('soapEnvelope', () => {
  it('ASMX: utf-8 declaration, soap prefix, xsi and xsd, the operation in its default namespace', () => {
    expect(soapEnvelope(SoapStyle.asmx, defaultNsElement('SetOrder', 'http://tempuri.org/', '<a>1</a>'))).toBe(
      `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11_NS}" ${XSI}>` +
        '<soap:Body><SetOrder xmlns="http://tempuri.org/"><a>1</a></SetOrder></soap:Body></soap:Envelope>',
    )
  })

  it('SOAP 1.2 changes the envelope namespace and the content type, nothing else', () => {
    expect(soapEnvelope({ ...SoapStyle.asmx, version: '1.2' }, '<x/>')).toBe(
      `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP12_NS}" ${XSI}><soap:Body><x/></soap:Body></soap:Envelope>`,
    )
    expect([soapContentType('1.1'), soapContentType('1.2')]).toEqual(['text/xml; charset=utf-8', 'application/soap+xml; charset=utf-8'])
  })

  it("SoapUI: an empty Header, the caller's namespaces after the envelope's, in order", () => {
    expect(soapEnvelope(SoapStyle.soapUi, '<kab:x/>', { kab: 'k', kx: 'kx' })).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP11_NS}" xmlns:kab="k" xmlns:kx="kx">` +
        '<soapenv:Header/><soapenv:Body><kab:x/></soapenv:Body></soapenv:Envelope>',
    )
  })

  it('WCF: no declaration, s prefix', () => {
    expect(soapEnvelope(SoapStyle.wcf, '<x/>')).toBe(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><x/></s:Body></s:Envelope>`)
  })
})

describe('faults', () => {
  it('SOAP 1.1: faultcode, escaped faultstring, the detail as given', () => {
    const xml = soapFaultEnvelope(SoapStyle.jaxWs, { faultcode: 'S:Server', faultstring: 'a < b', detail: '<e>1</e>' })
    expect(xml).toBe(
      `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="${SOAP11_NS}"><S:Body>` +
        '<S:Fault><faultcode>S:Server</faultcode><faultstring>a &lt; b</faultstring><detail><e>1</e></detail></S:Fault></S:Body></S:Envelope>',
    )
  })

  it('SOAP 1.2: Code/Value and Reason/Text, Client and Server renamed Sender and Receiver', () => {
    const style = { ...SoapStyle.asmx, version: '1.2' as const }
    expect([soapFaultCode(style, 'Client'), soapFaultCode(style, 'Server'), soapFaultCode(SoapStyle.asmx, 'Client')]).toEqual([
      'soap:Sender',
      'soap:Receiver',
      'soap:Client',
    ])
    expect(soapFaultEnvelope(style, { faultcode: 'soap:Sender', faultstring: 'x', detail: '' })).toContain(
      '<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>' +
        '<soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason><soap:Detail/></soap:Fault>',
    )
  })

  it('WCF: a faultcode in its own namespace and a language on the text', () => {
    expect(soapFaultEnvelope(SoapStyle.wcf, { faultcode: 'a:ActionNotSupported', faultstring: 'no', lang: 'en-US', codeNamespaces: { a: 'urn:a' } })).toContain(
      '<s:Fault><faultcode xmlns:a="urn:a">a:ActionNotSupported</faultcode><faultstring xml:lang="en-US">no</faultstring></s:Fault>',
    )
  })

  it('reads a 1.1 or 1.2 fault; without a code it is no fault', () => {
    expect(readSoapFault({ faultcode: 'soap:Client', faultstring: 'x' })).toEqual({ faultcode: 'soap:Client', faultstring: 'x' })
    expect(readSoapFault({ Code: { Value: 'soap:Sender' }, Reason: { Text: 'y' } })).toEqual({ faultcode: 'soap:Sender', faultstring: 'y' })
    expect(readSoapFault({ faultcode: 'soap:Server' })).toEqual({ faultcode: 'soap:Server', faultstring: '' })
    expect(readSoapFault({ faultstring: 'only text' })).toBeNull()
    expect(readSoapFault('')).toBeNull()
  })
})
