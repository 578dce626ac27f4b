import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { layoutProfiles, typeAsLayout } from '../../../shared/scan/keyboard-layout'
import { checkScanBack } from './scan-back.rules'

const SSCC = '000123456000012343'

describe('checkScanBack', () => {
  it.each([
    { name: 'same tracking number', expected: 'TR1234567890', scanned: 'TR1234567890' },
    { name: 'with AIM prefix', expected: 'TR1234567890', scanned: ']C0TR1234567890' },
    { name: 'Caps Lock on the wedge', expected: 'TR1234567890', scanned: 'tr1234567890' },
    { name: 'terminator left over', expected: 'TR1234567890', scanned: 'TR1234567890\r\n' },
    { name: 'SSCC label read as GS1-128', expected: SSCC, scanned: `]C100${SSCC}` },
    { name: 'SSCC label, no AIM, FNC1 dropped (zbar style)', expected: SSCC, scanned: `00${SSCC}` },
    { name: 'stored as 20 digits, scanned as GS1-128', expected: `00${SSCC}`, scanned: `]C100${SSCC}` },
    { name: 'stored in HRI form', expected: `(00)${SSCC}`, scanned: `]C100${SSCC}` },
    { name: 'SSCC with a ship-to post code on the label', expected: SSCC, scanned: `]C1420${'34381'}\x1d00${SSCC}` },
  ])('accepts: $name', ({ expected, scanned }) => {
    expect(checkScanBack(expected, scanned)).toBeNull()
  })

  it('accepts a Turkish-Q desk once the layout is repaired', () => {
    const typed = typeAsLayout('KJ-TR/123.4', layoutProfiles['tr-q'])
    expect(checkScanBack('KJ-TR/123.4', typed)?.code).toBe(ErrorCode.scanBackMismatch)
    expect(checkScanBack('KJ-TR/123.4', typed, { layout: layoutProfiles['tr-q'] })).toBeNull()
  })

  it.each([
    { name: 'another shipment', expected: 'TR1234567890', scanned: 'TR1234567891' },
    { name: 'the product instead of the label', expected: 'TR1234567890', scanned: ']E06291041500213' },
    { name: 'another SSCC', expected: SSCC, scanned: `]C100${'000123456000012350'}` },
    { name: 'a prefix of the barcode', expected: 'TR1234567890', scanned: 'TR123456789' },
  ])('refuses: $name', ({ expected, scanned }) => {
    const error = checkScanBack(expected, scanned)
    expect(error?.code).toBe(ErrorCode.scanBackMismatch)
    expect(error?.meta).toMatchObject({ expected })
    expect(error?.message).toContain(expected)
  })

  it('a malformed scan is reported as such (scan again)', () => {
    expect(checkScanBack(SSCC, `]C100${'000123456000012344'}`)?.code).toBe(ErrorCode.scanMalformed)
    expect(checkScanBack(SSCC, '  ')?.code).toBe(ErrorCode.scanMalformed)
  })

  it('a shipment without barcode cannot be checked', () => {
    expect(checkScanBack(' ', 'TR1')?.code).toBe(ErrorCode.inputInvalid)
  })
})
