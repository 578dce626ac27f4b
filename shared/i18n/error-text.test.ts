import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { errorWording } from './error-text'

describe('error wording', () => {
  it.each(Object.values(ErrorCode))('%s says what went wrong and what to do next, in Turkish and English', (code) => {
    for (const lang of ['tr', 'en'] as const) {
      const w = errorWording(code, lang)
      expect(w?.title.trim(), `${code} ${lang} title`).toBeTruthy()
      expect(w?.next.trim(), `${code} ${lang} next`).toBeTruthy()
    }
  })

  it('knows nothing of a code from a newer core', () => {
    expect(errorWording('no.such', 'tr')).toBeNull()
  })
})
