import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as mupdf from 'mupdf'
import { describe, expect, it } from 'vitest'
import { commandSheetPdf, deskCommands } from './command-sheet'

describe('command sheet', () => {
  it('names every desk command in Turkish and English', () => {
    const codes = deskCommands().map((c) => c.code)
    expect(codes).toEqual(expect.arrayContaining(['KJCANCEL', 'KJRETRY', 'KJREPRINT', 'KJIADE', 'KJRETURN']))
    for (const c of deskCommands()) {
      expect(c.tr).not.toBe(c.code)
      expect(c.en).not.toBe(c.code)
    }
  })

  it('prints a barcode zbarimg decodes back to every command code', async () => {
    const pdf = await commandSheetPdf()
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
    const dir = mkdtempSync(join(tmpdir(), 'kj-sheet-'))
    const decoded: string[] = []
    const text: string[] = []
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i)
      text.push(page.toStructuredText('preserve-whitespace').asText())
      const png = join(dir, `page-${i + 1}.png`)
      writeFileSync(png, page.toPixmap([2, 0, 0, 2, 0, 0], mupdf.ColorSpace.DeviceRGB, false).asPNG())
      decoded.push(...execFileSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8' }).trim().split('\n'))
    }
    expect(decoded.sort()).toEqual(
      deskCommands()
        .map((c) => c.code)
        .sort(),
    )
    expect(text.join('\n')).toContain('Etiketi tekrar bas')
    expect(text.join('\n')).toContain('Open a return')
  })
})
