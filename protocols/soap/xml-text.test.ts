import { describe, expect, it } from 'vitest'
import { redactXmlElements, xmlElement, xmlEscape, xmlFields, xmlProblem, xmlSequence } from './xml-text'

describe('xmlEscape', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<x>', '&lt;x&gt;'],
    ['"q" \'a\'', '&quot;q&quot; &apos;a&apos;'],
    ['İĞÜŞÖÇığüşöç', 'İĞÜŞÖÇığüşöç'],
    ['bell\u0007 nul\u0000 ok\ttab', 'bell nul ok\ttab'],
    ['lone \uD800 surrogate 😀', 'lone  surrogate 😀'],
    ['line\r\nbreaks stay, U+FFFE goes\uFFFE', 'line\r\nbreaks stay, U+FFFE goes'],
  ])('%j → %j', (input, expected) => {
    expect(xmlEscape(input)).toBe(expected)
  })
})

describe('elements', () => {
  it('leaves out undefined and null, writes numbers and booleans as text, refuses a non-finite number', () => {
    expect(xmlElement('a', undefined) + xmlElement('b', null)).toBe('')
    expect(xmlElement('kx:agirlik', 3200) + xmlElement('f', false) + xmlElement('e', '')).toBe('<kx:agirlik>3200</kx:agirlik><f>false</f><e></e>')
    expect(() => xmlElement('desi', Number.NaN)).toThrow(/desi must be a finite number/)
  })

  it('writes a sequence in the schema order, whatever the row order, with an optional prefix', () => {
    expect(xmlSequence(['b', 'a', 'c'], { a: '1', b: 2 }, 'kx')).toBe('<kx:b>2</kx:b><kx:a>1</kx:a>')
  })

  it('writes nested ordered fields', () => {
    expect(
      xmlFields([
        [
          'Gonderi',
          [
            ['Ad', 'A & B'],
            ['Adet', 1],
            ['Yok', undefined],
          ],
        ],
        ['Sifre', 's'],
      ]),
    ).toBe('<Gonderi><Ad>A &amp; B</Ad><Adet>1</Adet></Gonderi><Sifre>s</Sifre>')
  })
})

describe('xmlProblem', () => {
  it('refuses a DTD and what is not well-formed, accepts a document', () => {
    expect(xmlProblem('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toEqual({ kind: 'doctype' })
    expect(xmlProblem('<a><b></a>')).toMatchObject({ kind: 'malformed', line: 1 })
    expect(xmlProblem('<?xml version="1.0"?><a><b/></a>')).toBeNull()
  })
})

describe('redactXmlElements', () => {
  it('empties the named elements whatever their prefix and case, plain or escaped, and nothing else', () => {
    const text = '<a:wsPassword x="1">p</a:wsPassword><Sifre>s</Sifre><sifreli>x</sifreli>&lt;Password&gt;q&lt;/Password&gt;'
    expect(redactXmlElements(text, ['wsPassword', 'sifre', 'password'])).toBe(
      '<a:wsPassword x="1">[redacted]</a:wsPassword><Sifre>[redacted]</Sifre><sifreli>x</sifreli>&lt;Password&gt;[redacted]&lt;/Password&gt;',
    )
  })
})
