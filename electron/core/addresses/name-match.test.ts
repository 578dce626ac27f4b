import { describe, expect, it } from 'vitest'
import { allowedEdits, editDistanceWithin, matchName } from './name-match'

describe('editDistanceWithin', () => {
  it.each([
    ['kadikoy', 'kadikoy', 2, 0],
    ['kadkoy', 'kadikoy', 2, 1],
    ['kadikyo', 'kadikoy', 2, 1], // adjacent swap counts once
    ['kdaikyo', 'kadikoy', 2, 2],
    ['cankaya', 'kecioren', 2, 3], // gave up past max
    ['a', 'abcd', 2, 3],
    ['', 'ab', 2, 2],
    ['ab', '', 1, 2],
    ['abc', 'cab', 2, 2],
    ['eyupsultan', 'eyupsultan', 0, 0],
    ['sisli', 'sile', 2, 2],
  ])('%s ~ %s (max %s) = %s', (a, b, max, d) => {
    expect(editDistanceWithin(a, b, max)).toBe(d)
  })
})

describe('matchName', () => {
  const names = new Map([
    ['ceyhan', 'Ceyhan'],
    ['seyhan', 'Seyhan'],
    ['kozan', 'Kozan'],
    ['karaisali', 'Karaisalı'],
    ['feke', 'Feke'],
  ])
  const aliases = new Map([['karaisalii', 'Karaisalı']])
  it.each([
    ['ceyhan', { kind: 'exact', name: 'Ceyhan' }],
    ['karaisalii', { kind: 'alias', name: 'Karaisalı' }],
    ['karaysali', { kind: 'fuzzy', name: 'Karaisalı', distance: 1 }],
    ['karaisaliy', { kind: 'fuzzy', name: 'Karaisalı', distance: 1 }], // near the name and its alias: still one place
    ['zeyhan', { kind: 'ambiguous', names: ['Ceyhan', 'Seyhan'] }],
    ['kozam', { kind: 'fuzzy', name: 'Kozan', distance: 1 }],
    ['koz', { kind: 'none' }],
    ['fek', { kind: 'none' }], // 3 letters: no edits allowed
    ['kzzzzan', { kind: 'none' }], // three edits from Kozan
    ['', { kind: 'none' }],
  ])('%s → %j', (key, expected) => {
    expect(matchName(key, names, aliases)).toEqual(expected)
  })

  it.each([
    ['of', 0],
    ['kas', 0],
    ['bolu', 1],
    ['sisli', 1],
    ['kadikoy', 2],
  ])('a %s-long name may carry %s edits', (key, n) => {
    expect(allowedEdits(key)).toBe(n)
  })
})
