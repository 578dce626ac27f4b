import { describe, expect, it } from 'vitest'
import { markPiece, pieceOf } from './parcel-label'

const LABEL = '^XA\n^CI28\n^FO40,30^A0N,44,44^FDYurtiçi^FS\n^XZ'

describe('parcel label mark', () => {
  it('prints KOLİ i/N and tags the label before its ^XZ; the tag reads back', () => {
    const marked = markPiece(LABEL, { index: 2, count: 3 })
    expect(marked.startsWith('^XA\n^CI28\n^FO40,30')).toBe(true)
    expect(marked.endsWith('^XZ')).toBe(true)
    expect(marked).toContain('^FDKOLİ 2/3^FS')
    expect(pieceOf(marked)).toEqual({ index: 2, count: 3 })
    expect(pieceOf(LABEL)).toBeNull()
  })

  it('tags without printing when the label prints its own parcel field (the desk label)', () => {
    const tagged = markPiece(LABEL, { index: 1, count: 2 }, { text: false })
    expect(tagged).not.toContain('KOLİ')
    expect(pieceOf(tagged)).toEqual({ index: 1, count: 2 })
  })

  it.each([
    [{ index: 0, count: 3 }, /1…3/],
    [{ index: 4, count: 3 }, /1…3/],
    [{ index: 1.5, count: 3 }, /1…3/],
  ])('refuses parcel %o', (piece, message) => {
    expect(() => markPiece(LABEL, piece)).toThrow(message)
  })

  it('refuses a payload that is not a ZPL format', () => {
    expect(() => markPiece('%PDF-1.4', { index: 1, count: 2 })).toThrow(/no \^XZ/)
  })
})
