import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { checkSignature, createIpAllowList, normalizeIp, PerKeyWindow, ReplayWindow, signBody } from './webhook-guards'

describe('createIpAllowList', () => {
  const list = createIpAllowList(['95.0.169.14', '10.0.0.0/8', '127.0.0.1', '2001:db8::/32', '::1'])
  it.each([
    ['95.0.169.14', true], // Kolay Gelsin's documented caller [KG]
    ['95.0.169.15', false],
    ['10.200.3.4', true],
    ['11.0.0.1', false],
    ['127.0.0.1', true],
    ['::ffff:127.0.0.1', true], // how a dual-stack socket reports IPv4
    ['::ffff:10.1.2.3', true],
    ['2001:db8:1::5', true],
    ['2001:db9::1', false],
    ['::1', true],
    ['', false],
    ['not-an-ip', false],
  ])('%s → %s', (ip, expected) => {
    expect(list(ip)).toBe(expected)
  })

  it('empty list = everyone; an exact ::ffff: entry counts as IPv4', () => {
    expect(createIpAllowList([])('203.0.113.9')).toBe(true)
    expect(createIpAllowList(['::ffff:192.0.2.1'])('192.0.2.1')).toBe(true)
  })

  it.each(['1.2.3', '10.0.0.0/33', '10.0.0.0/8/1', 'fe80::/129', 'example.com', '10.0.0.0/x'])('refuses the entry %s with input.invalid', (entry) => {
    let err: unknown = null
    try {
      createIpAllowList([entry])
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe(ErrorCode.inputInvalid)
  })

  it('normalizeIp leaves IPv6 alone', () => {
    expect(normalizeIp('::ffff:1.2.3.4')).toBe('1.2.3.4')
    expect(normalizeIp('2001:db8::1')).toBe('2001:db8::1')
  })
})

describe('checkSignature (HMAC-SHA256 over the raw body)', () => {
  const body = Buffer.from('{"CargoEventType":"29"}')
  const secret = 'hmac-secret'
  const hex = signBody(body, secret, 'hex')
  const b64 = signBody(body, secret, 'base64')
  it.each([
    ['hex, either', hex, {}, null],
    ['HEX upper case', hex.toUpperCase(), {}, null],
    ['base64, either', b64, {}, null],
    ['base64url', b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), {}, null],
    ['hex when base64 is pinned', hex, { encoding: 'base64' }, 'wrong x-signature signature'],
    ['base64 when hex is pinned', b64, { encoding: 'hex' }, 'wrong x-signature signature'],
    ['with the sha256= prefix', `sha256=${hex}`, { prefix: 'sha256=' }, null],
    ['prefix missing', hex, { prefix: 'sha256=' }, 'the x-signature header does not start with "sha256="'],
    ['missing header', undefined, {}, 'no x-signature header'],
    ['empty header', ' ', {}, 'no x-signature header'],
    ['another body’s signature', signBody('{}', secret), {}, 'wrong x-signature signature'],
    ['another secret', signBody(body, 'other'), {}, 'wrong x-signature signature'],
    ['garbage', 'abc', {}, 'wrong x-signature signature'],
  ] as const)('%s', (_name, header, over, expected) => {
    expect(checkSignature(body, header, { headerName: 'x-signature', secret, ...over })).toBe(expected)
  })

  it('an empty secret is a configuration error', () => {
    expect(() => checkSignature(body, hex, { headerName: 'x-signature', secret: '' })).toThrow(AppError)
  })
})

describe('PerKeyWindow', () => {
  it('counts per key in a sliding window and says how long to wait', () => {
    let t = 1_000
    const w = new PerKeyWindow(2, 1_000, () => t)
    expect([w.hit('a'), w.hit('a'), w.hit('b')]).toEqual([0, 0, 0])
    expect(w.hit('a')).toBe(1_000)
    t += 400
    expect(w.hit('a')).toBe(600)
    t += 600
    expect(w.hit('a')).toBe(0) // the first two left the window
  })

  it('refuses a limit that makes no sense', () => {
    expect(() => new PerKeyWindow(0, 1000)).toThrow(AppError)
    expect(() => new PerKeyWindow(5, 0)).toThrow(AppError)
  })
})

describe('ReplayWindow', () => {
  it('remembers a body per route for the window only', () => {
    let t = 0
    const r = new ReplayWindow(1_000, () => t)
    const k = ReplayWindow.keyOf('aras', Buffer.from('x'))
    expect(k).not.toBe(ReplayWindow.keyOf('kolaygelsin', Buffer.from('x')))
    expect(r.has(k)).toBe(false)
    r.remember(k)
    expect(r.has(k)).toBe(true)
    t = 1_000
    expect(r.has(k)).toBe(false)
  })

  it('keeps at most maxEntries, the oldest going first', () => {
    const r = new ReplayWindow(60_000, () => 0, 2)
    for (const k of ['a', 'b', 'c']) r.remember(k)
    expect(['a', 'b', 'c'].map((k) => r.has(k))).toEqual([false, true, true])
  })
})
