import { describe, expect, it } from 'vitest'
import { normalizeTrPhone, parseTrPhone, trNameKey } from './address'

describe('normalizeTrPhone', () => {
  it.each([
    ['+90 532 123 45 67', '5321234567'],
    ['+90 (532) 123-45-67', '5321234567'],
    ['0090 532 123 45 67', '5321234567'],
    ['00905321234567', '5321234567'],
    ['90 532 123 4567', '5321234567'],
    ['+90 (0532) 123 45 67', '5321234567'],
    ['0 (532) 123 45 67', '5321234567'],
    ['05321234567', '5321234567'],
    ['5321234567', '5321234567'],
    ['0212 555 01 23', '2125550123'],
    ['(0212) 555-0123', '2125550123'],
    ['+90 212 555 01 23', '2125550123'],
    ['+49 30 1234567', null],
    ['0049 30 12345678', null],
    ['12345', null],
    ['', null],
    [null, null],
    ['0532 123 45 67 8', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeTrPhone(raw)).toBe(expected)
  })
})

describe('parseTrPhone', () => {
  it.each([
    ['+90 532 123 45 67', 'mobile', '+905321234567'],
    ['0 505 000 00 00', 'mobile', '+905050000000'],
    ['0212 555 01 23', 'landline', '+902125550123'],
    ['0 (312) 444 55 66', 'landline', '+903124445566'],
    ['0 (462) 111 22 33', 'landline', '+904621112233'],
    ['0850 222 33 44', 'service', '+908502223344'],
    ['0800 111 22 33', 'service', '+908001112233'],
  ] as const)('%s is a %s number, %s', (raw, kind, e164) => {
    expect(parseTrPhone(raw)).toEqual({ national: e164.slice(3), e164, kind })
  })

  it.each([['0123 456 78 90'], ['0900 123 45 67'], ['0612 345 67 89'], ['444 0 444'], ['+1 212 555 0123']])(
    'refuses %s (not a Turkish number plan prefix)',
    (raw) => {
      expect(parseTrPhone(raw)).toBeNull()
    },
  )
})

describe('trNameKey', () => {
  it.each([
    ['K.Maraş', 'kmaras'],
    ['K. MARAŞ', 'kmaras'],
    ['İSTANBUL', 'istanbul'],
    ['ISPARTA', 'isparta'],
    ['ısparta', 'isparta'],
    ['Eyüp Sultan', 'eyupsultan'],
    ['19 Mayıs', '19mayis'],
    ['Hâkkari', 'hakkari'],
    ['Afyon-Karahisar', 'afyonkarahisar'],
    ['i\u0307stanbul', 'istanbul'],
  ])('%s → %s', (raw, key) => {
    expect(trNameKey(raw)).toBe(key)
  })
})
