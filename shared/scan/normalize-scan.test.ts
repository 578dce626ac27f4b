import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../errors'
import { GS } from './gs1-parse'
import { layoutProfiles, typeAsLayout } from './keyboard-layout'
import { gtin14, normalizeScan, type NormalizeScanOptions } from './normalize-scan'

const GTIN = '08691234567890'

describe('normalizeScan', () => {
  it.each([
    {
      name: 'GS1-128 SSCC (hardware.md: check digit 3)',
      raw: ']C100000123456000012343',
      want: { code: '000123456000012343', symbology: { aim: ']C1', name: 'gs1-128' }, gs1: { '00': '000123456000012343' }, gtin: null },
    },
    {
      name: 'GS1-128 item label: the GTIN is the code',
      raw: `]C101${GTIN}17251231` + `10LOT42${GS}21SN1`,
      want: { code: '8691234567890', gs1: { '01': GTIN, '17': '251231', '10': 'LOT42', '21': 'SN1' }, gtin: GTIN },
    },
    {
      name: 'GS1 DataMatrix',
      raw: `]d201${GTIN}21ABC${GS}10L1`,
      want: { code: '8691234567890', symbology: { aim: ']d2', name: 'gs1-datamatrix' }, gs1: { '01': GTIN, '21': 'ABC', '10': 'L1' } },
    },
    { name: 'GS1 QR', raw: `]Q301${GTIN}`, want: { code: '8691234567890', symbology: { name: 'gs1-qr' }, gtin: GTIN } },
    {
      name: 'EAN-13 (hardware.md 629104150021 → 3)',
      raw: ']E06291041500213',
      want: { code: '6291041500213', symbology: { aim: ']E0', name: 'ean13' }, gs1: null, gtin: '06291041500213' },
    },
    { name: 'EAN-13 7300011000017 (gs1.se)', raw: ']E07300011000017', want: { code: '7300011000017', gtin: '07300011000017' } },
    { name: 'EAN-13 8904000210037 (gs1india)', raw: ']E08904000210037', want: { code: '8904000210037' } },
    { name: 'EAN-8', raw: ']E496385074', want: { code: '96385074', gtin: '00000096385074' } },
    { name: 'EAN-13 with 2-digit add-on', raw: ']E3977123456700305', want: { code: '9771234567003', gtin: '09771234567003' } },
    { name: 'plain Code 128 tracking number', raw: ']C0TR1234567890', want: { code: 'TR1234567890', symbology: { name: 'code128' }, gs1: null, gtin: null } },
    { name: 'no AIM, EAN-13 digits', raw: '6291041500213', want: { code: '6291041500213', symbology: null, gtin: '06291041500213' } },
    { name: 'no AIM, wrong check digit: left to matchItem', raw: '6291041500214', want: { code: '6291041500214', gtin: null } },
    { name: 'no AIM, order number', raw: 'KJ-2024-000123', want: { code: 'KJ-2024-000123', gs1: null, gtin: null } },
    {
      name: 'no AIM but FNC1 inside: GS1',
      raw: `01${GTIN}10ABC${GS}21X`,
      want: { code: '8691234567890', symbology: null, gs1: { '01': GTIN, '10': 'ABC', '21': 'X' } },
    },
    { name: 'no AIM, leading GS', raw: `${GS}01${GTIN}`, want: { code: '8691234567890', gtin: GTIN } },
    { name: 'serial terminator left over', raw: 'KJ-1\r\n', want: { code: 'KJ-1' } },
    { name: 'GTIN-14 case code keeps 14 digits', raw: `]C1` + '0118691234567897', want: { code: '18691234567897', gtin: '18691234567897' } },
  ])('$name', ({ raw, want }) => {
    expect(normalizeScan(raw)).toMatchObject({ ...want, raw })
  })

  describe('GS1-128 read without AIM and without FNC1 (zbar gives 00000123456000012343)', () => {
    const raw = '00000123456000012343'
    it.each([
      { mode: 'never', code: raw, gs1: null },
      { mode: 'ifSeparated', code: raw, gs1: null },
      { mode: 'try', code: '000123456000012343', gs1: { '00': '000123456000012343' } },
    ] as const)('$mode → $code', ({ mode, code, gs1 }) => {
      expect(normalizeScan(raw, { gs1WithoutAim: mode })).toMatchObject({ code, gs1 })
    })

    it('try leaves a number that only looks like GS1 alone', () => {
      expect(normalizeScan('0112345', { gs1WithoutAim: 'try' })).toMatchObject({ code: '0112345', gs1: null })
    })

    it('never does not parse even with GS inside', () => {
      expect(normalizeScan(`10A${GS}21B`, { gs1WithoutAim: 'never' })).toMatchObject({ code: `10A${GS}21B`, gs1: null })
    })
  })

  it('uses the configured FNC1 substitute', () => {
    const options: NormalizeScanOptions = { fnc1: '|' }
    expect(normalizeScan(`]C101${GTIN}10ABC|21X`, options).gs1).toEqual({ '01': GTIN, '10': 'ABC', '21': 'X' })
  })

  it('repairs a US-layout scanner on a Turkish-Q desk before anything else', () => {
    const usSent = `]C101${GTIN}10AB.C/1${GS}21X`
    const typed = typeAsLayout(usSent, layoutProfiles['tr-q'])
    expect(typed.startsWith('üC1')).toBe(true)
    expect(normalizeScan(typed, { layout: layoutProfiles['tr-q'] })).toMatchObject({ code: '8691234567890', gs1: { '10': 'AB.C/1', '21': 'X' }, raw: typed })
    expect(normalizeScan(typeAsLayout('KJ-2024.1', layoutProfiles['tr-q']), { layout: layoutProfiles['tr-q'] }).code).toBe('KJ-2024.1')
  })

  it.each([
    { name: 'empty', raw: '  \r\n' },
    { name: 'only an AIM identifier', raw: ']C0' },
    { name: 'EAN-13 symbol with a wrong check digit', raw: ']E06291041500214' },
    { name: 'EAN-8 symbol with a wrong check digit', raw: ']E496385075' },
    { name: 'GS1-128 with a wrong SSCC check digit', raw: ']C100000123456000012344' },
    { name: 'GS1-128 with an unknown AI', raw: ']C12312345' },
    { name: 'FNC1 inside a plain scan that is not GS1', raw: `ABC${GS}DEF` },
  ])('refuses $name with scan.malformed', ({ raw }) => {
    const run = () => normalizeScan(raw)
    expect(run).toThrow(AppError)
    try {
      run()
    } catch (err) {
      expect((err as AppError).code).toBe(ErrorCode.scanMalformed)
      expect(JSON.stringify((err as AppError).meta)).not.toContain(GS) // logged readably as <GS>
    }
  })
})

describe('gtin14', () => {
  it.each([
    ['6291041500213', '06291041500213'],
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    ['6291041500214', null],
    ['ABC', null],
  ])('%s → %s', (code, want) => {
    expect(gtin14(code)).toBe(want)
  })
})
