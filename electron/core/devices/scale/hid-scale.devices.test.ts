import { describe, expect, it } from 'vitest'
import { findKnownHidScale, formatVidPid, knownHidScales, matchHidScales } from './hid-scale.devices'

describe('HID scale matching', () => {
  it('knows the VID:PID pairs of hardware.md §1.2', () => {
    expect(knownHidScales.map((s) => formatVidPid(s.vendorId, s.productId))).toEqual([
      '0922:8003',
      '0922:8004',
      '0922:8009',
      '1446:6a78',
      '1446:6a73',
      '2474:0550',
      '2474:3550',
      '0eb8:f000',
      '0eb8:2200',
      '0b67:555e',
      '6096:0158',
      '7b7c:0100',
      '0d8f:0200',
      '04d9:8010',
    ])
    expect(findKnownHidScale(0x0922, 0x8003)?.name).toBe('Dymo M10')
  })

  it('matches by VID:PID even with an odd usage page (Fairbanks 0xAE20), uses page 0x8D only as a hint, skips the rest', () => {
    const matches = matchHidScales([
      { vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw0', usagePage: 0x01 }, // a mouse
      { vendorId: 0x1234, productId: 0x0001, path: '/dev/hidraw1', usagePage: 0x8d, manufacturer: 'Acme', product: 'Scale' },
      { vendorId: 0x0b67, productId: 0x555e, path: '/dev/hidraw2', usagePage: 0xae20, usage: 499 },
      { vendorId: 0x0b67, productId: 0x555e, path: '/dev/hidraw2', usagePage: 0x8d }, // same path, second collection
      { vendorId: 0x0922, productId: 0x8003 }, // no path: cannot be opened
    ])
    expect(matches.map((m) => [m.device.path, m.matchedBy, m.name])).toEqual([
      ['/dev/hidraw2', 'vidPid', 'Fairbanks SCB-R9000'],
      ['/dev/hidraw1', 'usagePage', 'Acme Scale'],
    ])
  })

  it('formats IDs as lower-case hex, * for any product', () => {
    expect(formatVidPid(0xeb8, 0xf000)).toBe('0eb8:f000')
    expect(formatVidPid(0x922, undefined)).toBe('0922:*')
  })
})
