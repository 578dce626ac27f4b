import { describe, expect, it } from 'vitest'
import { labelFormatFor } from './carrier-label-format'

describe('labelFormatFor', () => {
  const sections = { comtohome: { labelFormat: 'pdf' }, aras: { enabled: true }, tracking: { enabled: false } }

  it.each([
    ['comtohome', 'pdf'],
    ['aras', 'zpl'],
    ['marketplace', 'zpl'],
  ])('%s asks for %s: its own setting, else ZPL', (carrierId, format) => {
    expect(labelFormatFor(sections, carrierId)).toBe(format)
  })
})
