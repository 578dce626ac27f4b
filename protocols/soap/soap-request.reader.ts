import type { XMLParser } from 'fast-xml-parser'
import { SOAP11_NS, SOAP12_NS } from './soap-envelope'
import { asXmlObj, elementKeys, elementNs, localName, type XmlObj } from './xml-scope'
import { xmlProblem } from './xml-text'

/**
 * How an emulated SOAP 1.1 service opens a request: refuse a DTD and what is not XML, find the
 * Envelope (a SOAP 1.2 one is a VersionMismatch) and its Body, and the operation element in the
 * service's namespace. The checks are the same on every stack; the wording of the faults is the
 * stack's own (JAX-WS, Axis2), so it is given.
 */
export type SoapRequestWording = Readonly<{
  doctype: string
  malformed: (msg: string, line: number) => string
  noRoot: string
  soap12: string
  /** `found` is `{namespace}localName`. */
  notEnvelope: (found: string) => string
  noBody: string
  emptyBody: string
  wrongNamespace: (found: string) => string
}>

export type SoapRequestProblem = Readonly<{ faultcode: string; faultstring: string }>

export type OpenedSoapRequest = Readonly<{
  /** Local name of the operation element. */
  operation: string
  /** The operation element as parsed. */
  element: unknown
  /** Attribute maps in scope around the operation element (Envelope, Body), innermost last. */
  scopes: readonly XmlObj[]
}>

export function isSoapRequestProblem<T extends object>(p: T | SoapRequestProblem): p is SoapRequestProblem {
  return 'faultcode' in p
}

/** `faultPrefix` is the envelope prefix the stack answers with (S, soapenv). */
export function openSoapRequest(
  xml: string,
  o: Readonly<{ parser: XMLParser; operationNs: string; faultPrefix: string; wording: SoapRequestWording }>,
): OpenedSoapRequest | SoapRequestProblem {
  const w = o.wording
  const client = (faultstring: string): SoapRequestProblem => ({ faultcode: `${o.faultPrefix}:Client`, faultstring })
  const problem = xmlProblem(xml)
  if (problem) return client(problem.kind === 'doctype' ? w.doctype : w.malformed(problem.msg, problem.line))
  const doc = o.parser.parse(xml) as XmlObj
  const rootKey = elementKeys(doc)[0]
  if (!rootKey) return client(w.noRoot)
  const root = doc[rootKey]
  const scopes: XmlObj[] = [asXmlObj(root)]
  const rootNs = elementNs(rootKey, root, [])
  if (localName(rootKey) !== 'Envelope' || rootNs !== SOAP11_NS) {
    if (localName(rootKey) === 'Envelope' && rootNs === SOAP12_NS) return { faultcode: `${o.faultPrefix}:VersionMismatch`, faultstring: w.soap12 }
    return client(w.notEnvelope(`{${rootNs}}${localName(rootKey)}`))
  }
  const bodyKey = elementKeys(root).find((k) => localName(k) === 'Body' && elementNs(k, asXmlObj(root)[k], scopes) === SOAP11_NS)
  if (!bodyKey) return client(w.noBody)
  const body = asXmlObj(root)[bodyKey]
  scopes.push(asXmlObj(body))
  const opKey = elementKeys(body)[0]
  if (!opKey) return client(w.emptyBody)
  const element = asXmlObj(body)[opKey]
  const opNs = elementNs(opKey, element, scopes)
  if (opNs !== o.operationNs) return client(w.wrongNamespace(`{${opNs}}${localName(opKey)}`))
  return { operation: localName(opKey), element, scopes }
}
