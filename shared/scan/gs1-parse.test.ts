import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../errors'
import { splitSymbologyId } from './aim-symbology'
import { getAiSpec, matchAi } from './gs1-ai'
import { GS, formatGs1Hri, gs1Record, parseGs1ElementString, parseGs1Hri } from './gs1-parse'

const record = (data: string, fnc1?: string) => gs1Record(parseGs1ElementString(data, { fnc1 }))

function reason(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe(ErrorCode.scanMalformed)
    return String((err as AppError).meta.reason)
  }
  throw new Error('expected scan.malformed')
}

describe('AIM symbology identifiers', () => {
  it.each([
    { raw: ']C100000123456000012343', aim: ']C1', name: 'gs1-128', gs1: 'elementString', data: '00000123456000012343' },
    { raw: ']C0TR1234567890', aim: ']C0', name: 'code128', gs1: null, data: 'TR1234567890' },
    { raw: ']E06291041500213', aim: ']E0', name: 'ean13', gs1: 'gtin', data: '6291041500213' },
    { raw: ']E496385074', aim: ']E4', name: 'ean8', gs1: 'gtin', data: '96385074' },
    { raw: ']d2010869123456789010ABC', aim: ']d2', name: 'gs1-datamatrix', gs1: 'elementString', data: '010869123456789010ABC' },
    { raw: ']Q3010869123456789010ABC', aim: ']Q3', name: 'gs1-qr', gs1: 'elementString', data: '010869123456789010ABC' },
    { raw: ']Q1https://kargojet.com.tr', aim: ']Q1', name: 'qr', gs1: null, data: 'https://kargojet.com.tr' },
    { raw: ']e00108691234567890', aim: ']e0', name: 'gs1-databar', gs1: 'elementString', data: '0108691234567890' },
    { raw: ']A0ABC-123', aim: ']A0', name: 'code39', gs1: null, data: 'ABC-123' },
    { raw: ']I108691234567890', aim: ']I1', name: 'itf14', gs1: 'gtin', data: '08691234567890' },
  ])('$raw → $aim $name', ({ raw, aim, name, gs1, data }) => {
    expect(splitSymbologyId(raw)).toEqual({ symbology: { aim, name, gs1 }, data })
  })

  it.each([']WXYZ', 'TR123', ']', ']C'])('%s has no identifier', (raw) => {
    expect(splitSymbologyId(raw)).toEqual({ symbology: null, data: raw })
  })
})

describe('GS1 AI table (gs1-syntax-dictionary)', () => {
  it.each([
    { ai: '00', predefined: true, min: 18, max: 18 },
    { ai: '01', predefined: true, min: 14, max: 14 },
    { ai: '10', predefined: false, min: 1, max: 20 },
    { ai: '17', predefined: true, min: 6, max: 6 },
    { ai: '21', predefined: false, min: 1, max: 20 },
    { ai: '30', predefined: false, min: 1, max: 8 },
    { ai: '37', predefined: false, min: 1, max: 8 },
    { ai: '3103', predefined: true, min: 6, max: 6 },
    { ai: '3922', predefined: false, min: 1, max: 15 },
    { ai: '400', predefined: false, min: 1, max: 30 },
    { ai: '410', predefined: true, min: 13, max: 13 },
    { ai: '420', predefined: false, min: 1, max: 20 },
    { ai: '421', predefined: false, min: 4, max: 12 },
    { ai: '422', predefined: false, min: 3, max: 3 }, // fixed length but not predefined: FNC1 still required
    { ai: '8003', predefined: false, min: 14, max: 30 },
    { ai: '92', predefined: false, min: 1, max: 90 },
  ])('$ai: predefined=$predefined $min..$max', ({ ai, predefined, min, max }) => {
    expect(getAiSpec(ai)).toMatchObject({ predefinedLength: predefined, minLength: min, maxLength: max })
  })

  it('knows only the defined measure AIs (310n with n ≤ 5)', () => {
    expect(getAiSpec('3105')).not.toBeNull()
    expect(getAiSpec('3106')).toBeNull()
    expect(getAiSpec('3380')).toBeNull()
    expect(matchAi('7003xxx')?.ai).toBe('7003')
  })
})

describe('parseGs1ElementString', () => {
  it.each([
    { name: 'SSCC, check digit 3 (hardware.md §5.3)', data: '00000123456000012343', want: { '00': '000123456000012343' } },
    {
      name: 'GTIN + expiry + batch + serial',
      data: `0106291041500213` + `17251231` + `10LOT42${GS}21SN1`,
      want: { '01': '06291041500213', '17': '251231', '10': 'LOT42', '21': 'SN1' },
    },
    { name: 'leading FNC1 skipped', data: `${GS}0108691234567890`, want: { '01': '08691234567890' } },
    { name: 'FNC1 after a predefined field tolerated', data: `0108691234567890${GS}10ABC`, want: { '01': '08691234567890', '10': 'ABC' } },
    { name: 'net weight 1.250 kg', data: '01086912345678903103001250', want: { '01': '08691234567890', '3103': '001250' } },
    { name: 'count + order number + ship-to post code', data: `3712${GS}400PO-123${GS}42034381`, want: { '37': '12', '400': 'PO-123', '420': '34381' } },
    { name: 'expiry day 00 = end of month', data: '0108691234567890172512' + '00', want: { '01': '08691234567890', '17': '251200' } },
    { name: 'same AI twice with the same value', data: `10A${GS}10A`, want: { '10': 'A' } },
  ])('$name', ({ data, want }) => {
    expect(record(data)).toEqual(want)
  })

  it('splits on a configured FNC1 substitute', () => {
    expect(record('0108691234567890' + '10ABC~21XYZ', '~')).toEqual({ '01': '08691234567890', '10': 'ABC', '21': 'XYZ' })
  })

  it.each([
    { name: 'SSCC with a wrong check digit', data: '00000123456000012344', why: 'AI 00 check digit' },
    { name: 'GTIN with a wrong check digit', data: '0106291041500214', why: 'AI 01 check digit' },
    { name: 'GTIN cut short', data: '01062910415002', why: 'AI 01 too short' },
    { name: 'unknown AI', data: '2312345', why: 'unknown AI at 0' },
    { name: 'batch longer than 20', data: `10${'A'.repeat(21)}`, why: 'AI 10 too long (21 > 20)' },
    { name: 'empty batch', data: `10${GS}21X`, why: 'AI 10 too short (0 < 1)' },
    { name: 'letters in a numeric field', data: '30ABC', why: 'AI 30 invalid character for N' },
    { name: 'character outside CSET 82', data: '10AB#C', why: 'AI 10 invalid character for X' },
    { name: 'month 13', data: '0108691234567890171213' + '01', why: 'AI 17 invalid date' },
    { name: 'separator inside a fixed field', data: `01086912${GS}34567890`, why: 'AI 01 separator inside a fixed-length field' },
    { name: 'repeated AI, other value', data: `10A${GS}10B`, why: 'AI 10 repeated with another value' },
    { name: 'nothing but FNC1', data: GS, why: 'no element' },
  ])('refuses $name', ({ data, why }) => {
    expect(reason(() => parseGs1ElementString(data))).toBe(why)
  })
})

describe('HRI form', () => {
  it('parses and formats the bracketed text', () => {
    const elements = parseGs1Hri('(01)08691234567890(10)ABC123(21)4711')!
    expect(gs1Record(elements)).toEqual({ '01': '08691234567890', '10': 'ABC123', '21': '4711' })
    expect(formatGs1Hri(elements)).toBe('(01)08691234567890(10)ABC123(21)4711')
    expect(parseGs1Hri('(00)000123456000012343')?.[0]).toMatchObject({ ai: '00', title: 'SSCC' })
  })

  it('is not HRI without brackets', () => {
    expect(parseGs1Hri('00000123456000012343')).toBeNull()
    expect(parseGs1Hri('TR(1)')).toBeNull()
  })
})
