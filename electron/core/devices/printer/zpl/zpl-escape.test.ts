import { describe, expect, it } from 'vitest'
import { ShippingLabelInput } from '../../../../../shared/label'
import labelFixture from '../../../../../tests/fixtures/label-input.json'
import { countRenderedLabels } from '../../../../../tests/support/zpl-render'
import { buildShippingLabel } from './shipping-label.zpl'
import { escapeFieldData, fieldData } from './zpl-escape'

describe('escapeFieldData', () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ['plain text', 'Ali Veli', 'Ali Veli'],
    ['caret', 'a^b', 'a_5Eb'],
    ['tilde', '~HS', '_7EHS'],
    ['hex indicator itself', 'a_b', 'a_5Fb'],
    ['an existing escape is not trusted', '_5E', '_5F5E'],
    ['control characters', 'x\r\ny\tz\x02\x7F', 'x_0D_0Ay_09z_02_7F'],
    ['Turkish letters stay UTF-8', 'Ğğ İı Şş Öö Çç Üü', 'Ğğ İı Şş Öö Çç Üü'],
    ['injection attempt', '^XZ^XA^FO0,0^FDHACK', '_5EXZ_5EXA_5EFO0,0_5EFDHACK'],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(escapeFieldData(input)).toBe(expected)
  })

  it('fieldData wraps with ^FH_ so the printer decodes the escapes', () => {
    expect(fieldData('a^b')).toBe('^FH_^FDa_5Eb^FS')
  })
})

describe('customer data cannot inject ZPL', () => {
  const input = ShippingLabelInput.parse({
    ...labelFixture,
    recipient: { ...labelFixture.recipient, name: '^XZ^XA^FO0,0^FDHACK', address: 'Kat 2 ~JA ~HS _5E' },
    orderNumber: '~PP^XZ',
  })
  const zpl = buildShippingLabel(input, { dpi: 203, size: '100x150', date: new Date('2026-11-25T10:00:00Z') })

  it('yields exactly one ^XA and one ^XZ, no stray ~ command', () => {
    expect(zpl.match(/\^XA/g)).toHaveLength(1)
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
    expect(zpl).not.toContain('~')
    expect(zpl.startsWith('^XA')).toBe(true)
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true)
  })

  it('carries the name as literal (escaped) text in one field', () => {
    expect(zpl).toContain('^FH_^FD_5EXZ_5EXA_5EFO0,0_5EFDHACK^FS')
    expect(zpl).toContain('_7EJA _7EHS _5F5E')
  })

  it('renders as a single label', async () => {
    expect(await countRenderedLabels(zpl, { widthMm: 100, heightMm: 150, dpmm: 8 })).toBe(1)
    // Control: the same text unescaped really would split the job.
    const raw = zpl.replace('^FH_^FD_5EXZ_5EXA_5EFO0,0_5EFDHACK^FS', '^FD^XZ^XA^FO0,0^FDHACK^FS')
    expect(await countRenderedLabels(raw, { widthMm: 100, heightMm: 150, dpmm: 8 })).toBe(2)
  })
})
