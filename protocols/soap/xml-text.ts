import { XMLValidator } from 'fast-xml-parser'

/**
 * Writing and checking XML text, the same for every SOAP carrier and its emulator.
 * XML 1.0 §2.2 allows tab, LF, CR and U+0020 upward, minus lone surrogates and U+FFFE/U+FFFF; anything
 * else cannot be written even escaped, so it is dropped (a control character pasted into an address).
 */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for element content and attribute values: & < > " ' and drops characters XML cannot carry. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

export type XmlScalar = string | number | boolean
export type XmlRow = Readonly<Record<string, XmlScalar | null | undefined>>

/** `<name>text</name>`, or nothing for undefined/null (a minOccurs="0" element left out); a number must be finite. */
export function xmlElement(name: string, value: XmlScalar | null | undefined): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${name} must be a finite number, got ${value}`)
  return `<${name}>${xmlEscape(String(value))}</${name}>`
}

/** The elements of `row` in the schema's sequence `order`, each name with `prefix:` when one is given. */
export function xmlSequence(order: readonly string[], row: XmlRow, prefix = ''): string {
  return order.map((k) => xmlElement(prefix ? `${prefix}:${k}` : k, row[k])).join('')
}

/** Ordered children; a nested list is a complex element. Undefined values are left out. */
export type XmlFields = ReadonlyArray<readonly [string, XmlScalar | XmlFields | undefined]>

export function xmlFields(fields: XmlFields): string {
  return fields
    .map(([name, value]) => (Array.isArray(value) ? `<${name}>${xmlFields(value as XmlFields)}</${name}>` : xmlElement(name, value as XmlScalar | undefined)))
    .join('')
}

export type XmlProblem = Readonly<{ kind: 'doctype' }> | Readonly<{ kind: 'malformed'; msg: string; line: number; col: number }>

/**
 * Null when `xml` is a well-formed document a SOAP peer may read, else why not. SOAP 1.1 §3 forbids a
 * DTD in a message; refusing it also closes the entity-expansion door.
 */
export function xmlProblem(xml: string): XmlProblem | null {
  if (/<!DOCTYPE/i.test(xml)) return { kind: 'doctype' }
  const valid = XMLValidator.validate(xml)
  return valid === true ? null : { kind: 'malformed', msg: valid.err.msg, line: valid.err.line, col: valid.err.col }
}

/**
 * Every element named in `names` (any prefix, any case) emptied to [redacted] for a log, written
 * plainly or escaped inside another element's text (Aras's loginInfo travels as escaped XML).
 */
export function redactXmlElements(text: string, names: readonly string[]): string {
  const alt = names.join('|')
  return text
    .replace(new RegExp(`(<(?:[\\w.-]+:)?(${alt})\\b[^>]*>)[\\s\\S]*?(<\\/(?:[\\w.-]+:)?\\2>)`, 'gi'), '$1[redacted]$3')
    .replace(new RegExp(`(&lt;(?:[\\w.-]+:)?(${alt})&gt;)[\\s\\S]*?(&lt;\\/(?:[\\w.-]+:)?\\2&gt;)`, 'gi'), '$1[redacted]$3')
}
