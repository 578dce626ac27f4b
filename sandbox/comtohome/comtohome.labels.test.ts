import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPdfLabel, buildZplLabel, labelContentTypeFor, type LabelData } from './comtohome.labels'

const data: LabelData = {
  consignment: 632280,
  c2hBarcode: 'C2H07238640094',
  barcode: 'YK0000632280',
  providerName: 'Yurtiçi Kargo',
  referenceNo: 'SIP-20241217-084523',
  consignor: {
    name: 'Teknoloji Mağazası A.Ş.',
    attentionName: null,
    address: 'Büyükdere Caddesi No:185',
    phoneNumber: '+902123456789',
    email: null,
    place: { state: 'İstanbul', city: 'Şişli', postalCode: '34381' },
  },
  consignee: {
    name: 'Elif (Kaya)',
    attentionName: null,
    address: 'Cemal Gürsel Caddesi No:42',
    phoneNumber: null,
    email: null,
    place: { state: 'İzmir', city: 'Karşıyaka', postalCode: '35540' },
  },
  totals: { desi: 1.67, weight: 0.85, quantity: 1, chargeableKg: 1.67 },
  codAmountLira: 134.52,
}

describe('labelContentTypeFor (seed 001 X-Label-Format)', () => {
  it.each([
    ['application/zpl', 'application/zpl'],
    ['Application/ZPL; charset=utf-8', 'application/zpl'],
    ['application/pdf', 'application/pdf'],
    [undefined, 'application/pdf'],
    ['image/png', 'application/pdf'],
  ])('%s → %s', (header, expected) => {
    expect(labelContentTypeFor(header)).toBe(expected)
  })
})

describe('buildZplLabel', () => {
  it('is one UTF-8 label with a Code 128 of the provider barcode', () => {
    const zpl = buildZplLabel(data)
    expect(zpl.startsWith('^XA\n^CI28')).toBe(true)
    expect(zpl.endsWith('^XZ')).toBe(true)
    expect(zpl).toMatch(/\^BCN,220,Y,N,N\^FH\\\^FDYK0000632280\^FS/)
    expect(zpl).toContain('Karşıyaka / İzmir 35540')
    expect(zpl).toContain('TAHSİLATLI: 134.52 TL')
  })

  it('escapes ^ ~ and \\ in field data so a name cannot inject commands', () => {
    const zpl = buildZplLabel({ ...data, consignee: { ...data.consignee, name: 'A^XZ~B\\C' } })
    expect(zpl).toContain('^FH\\^FDA\\5EXZ\\7EB\\5CC^FS')
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
  })

  it('renders to an image whose barcode scans back as the provider barcode', async () => {
    // The CommonJS build through Node's own loader: vite's transform of the 9 MB ESM build takes seconds.
    const { ready } = createRequire(import.meta.url)('zpl-renderer-js') as typeof import('zpl-renderer-js')
    const { api } = await ready
    const png = Buffer.from(await api.zplToBase64Async(buildZplLabel(data), 101.6, 152.4, 8), 'base64')
    const dir = mkdtempSync(join(tmpdir(), 'c2h-label-'))
    try {
      writeFileSync(join(dir, 'label.png'), png)
      const scan = spawnSync('zbarimg', ['-q', '--raw', join(dir, 'label.png')], { encoding: 'utf8' })
      expect(scan.stdout.trim()).toBe('YK0000632280')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('buildPdfLabel', () => {
  const pdf = buildPdfLabel(data)
  const text = pdf.toString('latin1')

  it('is a PDF 1.4 whose xref offsets point at their objects', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true)
    expect(text.endsWith('%%EOF\n')).toBe(true)
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1])
    expect(text.slice(startxref, startxref + 4)).toBe('xref')
    const entries = text.slice(startxref).split('\n').slice(2, 9)
    expect(entries[0]).toBe('0000000000 65535 f\r')
    entries.slice(1).forEach((line, i) => {
      const offset = Number(line.slice(0, 10))
      expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`)
    })
  })

  it('declares the exact stream length', () => {
    const length = Number(/\/Length (\d+)/.exec(text)?.[1])
    const start = text.indexOf('stream\n') + 'stream\n'.length
    expect(text.slice(start + length)).toMatch(/^\nendstream/)
  })

  it('keeps WinAnsi letters, maps ğ ı İ ş to ASCII and escapes parentheses', () => {
    expect(text).toContain('(Sisli / Istanbul 34381)')
    expect(text).toContain('(Karsiyaka / Izmir 35540)')
    expect(text).toContain('(B\xFCy\xFCkdere Caddesi No:185)')
    expect(text).toContain('(Elif \\(Kaya\\))')
    expect(text).toContain('(YK0000632280)')
  })
})
