// Beside the packed counter rather than in shared/: setting TZ needs Node's process, which the web tsconfig has not.
import { afterEach, describe, expect, it } from 'vitest'
import { deskDayStart } from '../../../shared/desk-day'

const tz = process.env.TZ
afterEach(() => {
  if (tz === undefined) delete process.env.TZ
  else process.env.TZ = tz
})

describe("the desk's day", () => {
  it('starts at local midnight, not UTC midnight: in Istanbul (UTC+3) 01:30 UTC is already the next day', () => {
    process.env.TZ = 'Europe/Istanbul'
    expect(deskDayStart(new Date('2026-12-07T01:30:00Z')).toISOString()).toBe('2026-12-06T21:00:00.000Z')
    expect(deskDayStart(new Date('2026-12-07T22:00:00Z')).toISOString()).toBe('2026-12-07T21:00:00.000Z')
  })
})
