import { describe, expect, it } from 'vitest'
import { ShipmentStatus, TrackingStatus } from '../domain/shipment'
import { STATUS_WORDS, statusWord } from './status-words'

describe('status words', () => {
  it('has both languages for every shipment and tracking status', () => {
    for (const s of [...Object.values(ShipmentStatus), ...Object.values(TrackingStatus)]) {
      expect(STATUS_WORDS[s].tr, s).not.toBe('')
      expect(STATUS_WORDS[s].en, s).not.toBe('')
    }
  })

  it('gives the Turkish word at a Turkish desk, and upper-cases by its own locale', () => {
    expect(statusWord('purchasing', 'tr')).toBe('satın alınıyor')
    expect(statusWord('purchasing', 'en').toLocaleUpperCase('en')).toBe('PURCHASING')
    expect(statusWord('in_transit', 'tr').toLocaleUpperCase('tr')).toBe('YOLDA')
  })

  it('shows a status it does not know as it came', () => {
    expect(statusWord('held_at_branch', 'tr')).toBe('held_at_branch')
  })
})
