import { XMLParser } from 'fast-xml-parser'

/**
 * Namespace-aware reading of a document parsed by fast-xml-parser with its attributes kept (`@_`
 * prefix): which namespace an element is in, given the xmlns declarations in scope. Used where a
 * peer must refuse what a real SOAP stack refuses (an element in the wrong namespace is not bound).
 */

export type XmlObj = Record<string, unknown>

export const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1)

/** A parser that keeps attributes (`@_name`) and leaves every leaf a string; `repeated` by local name. */
export function scopedXmlParser(repeated: readonly string[] = []): XMLParser {
  const set = new Set(repeated)
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: true,
    htmlEntities: true,
    isArray: (name) => set.has(localName(name)),
  })
}

export function asXmlObj(node: unknown): XmlObj {
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as XmlObj) : {}
}

/** The element children's qualified names (attributes, text and the XML declaration left out). */
export function elementKeys(node: unknown): string[] {
  return Object.keys(asXmlObj(node)).filter((k) => !k.startsWith('@_') && k !== '#text' && !k.startsWith('?'))
}

/** Namespace of `qname` given the attribute maps in scope (innermost last); '' when unqualified. */
export function nsOf(qname: string, scopes: readonly XmlObj[]): string {
  const i = qname.indexOf(':')
  const attr = i < 0 ? '@_xmlns' : `@_xmlns:${qname.slice(0, i)}`
  for (let s = scopes.length - 1; s >= 0; s--) {
    const v = scopes[s]?.[attr]
    if (typeof v === 'string') return v
  }
  return ''
}

/** Text of a leaf: undefined for xsi:nil, '' for an empty element; a repeated leaf reads as its last (as JAXB binds it). */
export function leafText(v: unknown): string | undefined {
  if (Array.isArray(v)) return leafText(v[v.length - 1])
  if (typeof v === 'string') return v
  const n = asXmlObj(v)
  if (n['@_xsi:nil'] === 'true') return undefined
  return typeof n['#text'] === 'string' ? n['#text'] : n['#text'] !== undefined ? String(n['#text']) : ''
}

/** Namespace of the element `qname` whose parsed value is `value`: its own xmlns declarations count (Namespaces in XML §6.1). */
export function elementNs(qname: string, value: unknown, scopes: readonly XmlObj[]): string {
  return nsOf(qname, [...scopes, asXmlObj(Array.isArray(value) ? value[0] : value)])
}

/** Element children of `node` whose namespace passes `accept`, by local name. */
export function childrenIn(node: unknown, scopes: readonly XmlObj[], accept: (ns: string) => boolean): Map<string, unknown> {
  const inner = [...scopes, asXmlObj(node)]
  const out = new Map<string, unknown>()
  for (const k of elementKeys(node)) {
    const value = asXmlObj(node)[k]
    if (accept(elementNs(k, value, inner))) out.set(localName(k), value)
  }
  return out
}
