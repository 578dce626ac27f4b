import { describe, expect, it } from 'vitest'
import { IssuedTokens } from './issued-tokens'

describe('IssuedTokens', () => {
  it('numbers the tokens it shapes and knows each owner until its expiry, not at it', () => {
    const tokens = new IssuedTokens()
    const a = tokens.issue('ayse', 1_000, (seq) => `t${seq}`)
    const b = tokens.issue('mehmet', 2_000, (seq) => `t${seq}`)
    expect([a, b]).toEqual(['t1', 't2'])
    expect([tokens.ownerOf(a, 999), tokens.ownerOf(b, 999)]).toEqual(['ayse', 'mehmet'])
    expect(tokens.ownerOf(a, 1_000)).toBeNull()
    expect(tokens.ownerOf(a, 0)).toBeNull() // forgotten once seen expired
  })

  it('knows no token it did not issue, and none after clear', () => {
    const tokens = new IssuedTokens()
    const a = tokens.issue('ayse', 1_000, () => 'abc')
    expect(tokens.ownerOf('abd', 0)).toBeNull()
    tokens.clear()
    expect(tokens.ownerOf(a, 0)).toBeNull()
  })
})
