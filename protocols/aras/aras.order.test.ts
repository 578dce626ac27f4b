import { describe, expect, it } from 'vitest'
import { ARAS_ORDER_FIELDS, arasOrderXml } from './aras.order'

describe('arasOrderXml', () => {
  it('writes the fields in the WSDL sequence whatever order they are given in, leaving undefined ones out', () => {
    const xml = arasOrderXml({ IntegrationCode: 'KJ1', TtDocumentId: undefined, UserName: 'u', UnitID: '7' }, [])
    expect(xml).toBe('<Order><UserName>u</UserName><IntegrationCode>KJ1</IntegrationCode><UnitID>7</UnitID></Order>')
  })

  it('puts PieceDetails after the fields, one PieceDetail per piece in its own sequence, escaped', () => {
    const xml = arasOrderXml({ PieceCount: '2' }, [
      { Description: 'a<b', BarcodeNumber: 'B1' },
      { BarcodeNumber: 'B2', Weight: '1.5' },
    ])
    expect(xml).toBe(
      '<Order><PieceCount>2</PieceCount><PieceDetails><PieceDetail><BarcodeNumber>B1</BarcodeNumber><Description>a&lt;b</Description></PieceDetail>' +
        '<PieceDetail><Weight>1.5</Weight><BarcodeNumber>B2</BarcodeNumber></PieceDetail></PieceDetails></Order>',
    )
  })

  it('takes the element writer of the side that writes (the emulator writes an empty value as <X />)', () => {
    const dotNet = (name: string, value: string | undefined) => (value === undefined ? '' : value === '' ? `<${name} />` : `<${name}>${value}</${name}>`)
    expect(arasOrderXml({ InvoiceNumber: '' }, [], dotNet)).toBe('<Order><InvoiceNumber /></Order>')
  })

  it('names every Order field once', () => {
    expect(new Set(ARAS_ORDER_FIELDS).size).toBe(ARAS_ORDER_FIELDS.length)
  })
})
