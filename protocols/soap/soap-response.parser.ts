import { XMLParser } from 'fast-xml-parser'
import { readSoapFault, type SoapFault } from './soap-fault'
import { xmlProblem } from './xml-text'

/**
 * Reading a carrier's SOAP answer, the same for every connector: a DTD or a body that is not XML is
 * refused, the Envelope/Body found whatever the prefixes, a Fault read in SOAP 1.1 or 1.2 form, else the
 * operation's `<op>Response` element. What differs per carrier (repeated elements, where the value
 * sits in the response element, what a fault's detail says) is given as a spec.
 */

export type ParsedSoapAnswer<T = unknown, F = SoapFault> =
  Readonly<{ kind: 'ok'; body: T }> | Readonly<{ kind: 'fault'; fault: F }> | Readonly<{ kind: 'invalid'; reason: string }>

export type SoapBodyRead<T> = Readonly<{ ok: true; body: T }> | Readonly<{ ok: false; reason: string }>

export type SoapResponseSpec<O extends string, T, F> = Readonly<{
  /** Local names of elements that repeat (maxOccurs="unbounded"): always arrays, even with one item. */
  repeated?: readonly string[]
  /** The value inside `<op>Response` (present, perhaps ''), or why it is unusable. Default: the element, '' read as {}. */
  body?: (response: unknown, operation: O) => SoapBodyRead<T>
  /** The carrier's reading of a fault (its detail codes). Default: faultcode and faultstring. */
  fault?: (fault: SoapFault, detail: unknown) => F
}>

const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

/** Why an XML text is no SOAP message, in the connectors' words. */
export function xmlProblemReason(xml: string): string | null {
  const problem = xmlProblem(xml)
  if (!problem) return null
  return problem.kind === 'doctype' ? 'the answer contains a DOCTYPE' : `not well-formed XML: ${problem.msg} (line ${problem.line})`
}

export function soapResponseParser<O extends string, T = unknown, F = SoapFault>(
  spec: SoapResponseSpec<O, T, F> = {},
): (xml: string, operation: O) => ParsedSoapAnswer<T, F> {
  const repeated = new Set(spec.repeated ?? [])
  const parser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    parseTagValue: false, // leaves stay strings; the carrier's schema decides what is a number
    trimValues: true,
    htmlEntities: true, // decodes numeric character references (&#304; → İ)
    isArray: (name) => repeated.has(name),
  })
  const readBody = spec.body ?? ((response: unknown): SoapBodyRead<T> => ({ ok: true, body: (response === '' ? {} : response) as T }))
  const readFault = spec.fault ?? ((fault: SoapFault) => fault as F)
  return (xml, operation) => {
    const problem = xmlProblemReason(xml)
    if (problem) return { kind: 'invalid', reason: problem }
    const body = asObject(asObject(asObject(parser.parse(xml))?.Envelope)?.Body)
    if (!body) return { kind: 'invalid', reason: 'no SOAP Envelope/Body' }
    if (body.Fault !== undefined) {
      const fault = readSoapFault(body.Fault)
      return fault
        ? { kind: 'fault', fault: readFault(fault, asObject(body.Fault)?.detail ?? asObject(body.Fault)?.Detail) }
        : { kind: 'invalid', reason: 'a SOAP Fault without faultcode' }
    }
    const response = body[`${operation}Response`]
    if (response === undefined) return { kind: 'invalid', reason: `no ${operation}Response in the Body` }
    const read = readBody(response, operation)
    return read.ok ? { kind: 'ok', body: read.body } : { kind: 'invalid', reason: read.reason }
  }
}
