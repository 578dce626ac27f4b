import { describe, expect, it } from 'vitest'
import { pdfFile } from './minimal-pdf'

describe('pdfFile', () => {
  it('numbers the objects from 1 and points every xref entry (20 bytes each) at its object', () => {
    const pdf = pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']).toString('latin1')
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1])
    expect(pdf.slice(xrefAt)).toMatch(/^xref\n0 3\n0000000000 65535 f\r\n/)
    const entries = pdf.slice(xrefAt).split('\n').slice(3, 5)
    entries.forEach((entry, i) => {
      expect(entry.length + 1).toBe(20)
      expect(pdf.slice(Number(entry.slice(0, 10)))).toMatch(new RegExp(`^${i + 1} 0 obj\n`))
    })
    expect(pdf).toMatch(/trailer\n<< \/Size 3 \/Root 1 0 R >>/)
  })

  it('keeps the header it is given, byte for byte (a binary marker line counts in the offsets)', () => {
    const pdf = pdfFile(['<< /Type /Catalog >>'], '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n')
    expect([...pdf.subarray(9, 14)]).toEqual([0x25, 0xe2, 0xe3, 0xcf, 0xd3])
    expect(pdf.toString('latin1')).toContain('0000000015 00000 n\r\n')
  })
})
