import { describe, expect, it } from 'vitest'
import { soapResponseParser } from './soap-response.parser'

const env = (body: string) => `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`

describe('soapResponseParser', () => {
  const parse = soapResponseParser<'Op'>({ repeated: ['Row'] })

  it('returns the response element, prefixes removed, leaves as strings, repeated elements as arrays, entities decoded', () => {
    expect(parse(env('<ns:OpResponse xmlns:ns="urn:x"><ns:Row><a>1</a></ns:Row><b>&#304;</b></ns:OpResponse>'), 'Op')).toEqual({
      kind: 'ok',
      body: { Row: [{ a: '1' }], b: 'İ' },
    })
    expect(parse(env('<OpResponse/>'), 'Op')).toEqual({ kind: 'ok', body: {} })
  })

  it('reads a SOAP 1.1 and a 1.2 fault', () => {
    expect(parse(env('<s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault>'), 'Op')).toEqual({
      kind: 'fault',
      fault: { faultcode: 's:Client', faultstring: 'x' },
    })
    const f12 = '<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang="en">y</s:Text></s:Reason></s:Fault>'
    expect(parse(env(f12), 'Op')).toEqual({ kind: 'fault', fault: { faultcode: 's:Receiver', faultstring: 'y' } })
  })

  it.each([
    ['not XML', '<html><body>oops', /not well-formed XML/],
    ['a DTD', `<!DOCTYPE x [<!ENTITY a "b">]>${env('')}`, /DOCTYPE/],
    ['no Envelope', '<html><body>502</body></html>', /no SOAP Envelope\/Body/],
    ['an empty Body', env(''), /no SOAP Envelope\/Body/],
    ['another operation', env('<OtherResponse/>'), /no OpResponse in the Body/],
    ['a fault without a code', env('<s:Fault><faultstring>x</faultstring></s:Fault>'), /without faultcode/],
  ])('%s → invalid', (_n, xml, reason) => {
    const r = parse(xml, 'Op')
    expect(r.kind === 'invalid' ? r.reason : r.kind).toMatch(reason)
  })

  it("takes the carrier's reading of the response element and of a fault's detail", () => {
    const custom = soapResponseParser<'Op', string, { code: string; detail: unknown }>({
      body: (response) =>
        typeof response === 'object' && response !== null && 'OpResult' in response
          ? { ok: true, body: String(response.OpResult) }
          : { ok: false, reason: 'no OpResult' },
      fault: (fault, detail) => ({ code: fault.faultcode, detail }),
    })
    expect(custom(env('<OpResponse><OpResult>7</OpResult></OpResponse>'), 'Op')).toEqual({ kind: 'ok', body: '7' })
    expect(custom(env('<OpResponse/>'), 'Op')).toEqual({ kind: 'invalid', reason: 'no OpResult' })
    expect(custom(env('<s:Fault><faultcode>s:Server</faultcode><faultstring/><detail><e>1</e></detail></s:Fault>'), 'Op')).toEqual({
      kind: 'fault',
      fault: { code: 's:Server', detail: { e: '1' } },
    })
  })
})
