import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { NOTICES_EN } from '../../../shared/i18n/notices.en'
import { NOTICES_TR } from '../../../shared/i18n/notices.tr'
import { errorMessage } from '../i18n-errors'
import { DESK_KEYS, keysNamed } from './ProblemBanner'

/** Every F-key a text names, whether the desk binds it or not. */
const anyKey = (text: string) => [...new Set(text.match(/\bF\d{1,2}\b/g) ?? [])].sort()

describe('every error banner names keys that work, and its chips are exactly those keys', () => {
  for (const code of Object.values(ErrorCode)) {
    it(code, () => {
      const m = errorMessage({ code, message: '', meta: {} })
      // Both languages name the same keys, and only keys the packing screen answers.
      expect(anyKey(m.doTr)).toEqual(anyKey(m.doEn))
      for (const k of anyKey(m.doTr)) expect(DESK_KEYS.has(k)).toBe(true)
      expect([...keysNamed(m.doEn)].sort()).toEqual(anyKey(m.doEn))
    })
  }

  it('the core details (notice catalog) name the same desk keys in Turkish and English', () => {
    for (const code of Object.keys(NOTICES_EN) as (keyof typeof NOTICES_EN)[]) {
      expect({ code, keys: anyKey(NOTICES_TR[code]) }).toEqual({ code, keys: anyKey(NOTICES_EN[code]) })
    }
  })

  it('chips follow the text in order: outcome unknown is F5 then F2; another order mid-order is F8; a badge-only refusal has none', () => {
    expect(keysNamed('Check the printer: F5 if it printed, F2 to print it again')).toEqual(['F5', 'F2'])
    expect(keysNamed(NOTICES_TR['scan.otherOrder'])).toEqual(['F8'])
    expect(keysNamed(`Scan supervisor badge ${NOTICES_EN['box.doesNotFit']}`)).toEqual([])
    expect(keysNamed('F1 language, F6 settings')).toEqual([]) // not answers to a problem
  })
})
