import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode, errorText } from '../errors'
import { NOTICE_PARAMS, msg, type NoticeCode } from './notice-codes'
import { NOTICE_WORDING, fillTemplate, noticeBilingual, noticeLine, noticeText, readNoticeRef, templateParams } from './notice-text'

const codes = Object.keys(NOTICE_PARAMS) as NoticeCode[]

describe('the notice catalog', () => {
  it.each(codes)('%s has wording in Turkish and English that fills only its declared params', (code) => {
    const declared = [...NOTICE_PARAMS[code]].sort()
    for (const lang of ['tr', 'en'] as const) {
      const template = NOTICE_WORDING[lang][code]
      expect(template.trim(), `${code} (${lang})`).not.toBe('')
      for (const name of templateParams(template)) expect(declared, `${code} (${lang}) uses {${name}}`).toContain(name)
    }
    // every declared param is shown in at least one language (else the core sends something nobody reads)
    const used = new Set(['tr', 'en'].flatMap((lang) => templateParams(NOTICE_WORDING[lang as 'tr' | 'en'][code])))
    expect([...used].sort()).toEqual(declared)
  })

  it('has no wording for a code it does not declare', () => {
    expect(Object.keys(NOTICE_WORDING.tr).sort()).toEqual([...codes].sort())
    expect(Object.keys(NOTICE_WORDING.en).sort()).toEqual([...codes].sort())
  })

  it('words a notice in either language and both, Turkish first', () => {
    const ref = msg('packing.welcome', { name: 'Ayşe' })
    expect(noticeText(ref, 'tr')).toBe('Hoş geldiniz, Ayşe')
    expect(noticeText(ref, 'en')).toBe('Welcome')
    expect(noticeBilingual(ref)).toBe('Hoş geldiniz, Ayşe / Welcome')
    expect(noticeLine({ text: 'Eski / Old' })).toBe('Eski / Old')
    expect(noticeLine(null)).toBe('')
  })

  it('leaves an unfilled placeholder visible rather than guessing', () => {
    expect(fillTemplate('{a} ve {b}', { a: 1 })).toBe('1 ve {b}')
  })

  it('reads a ref that crossed a boundary: unknown codes are refused, missing params become empty, extra ones dropped', () => {
    expect(readNoticeRef({ code: 'no.such', params: {} })).toBeNull()
    expect(readNoticeRef('printer.ready')).toBeNull()
    expect(readNoticeRef({ code: 'order.unknownCode', params: { extra: 'x' } })).toEqual({ code: 'order.unknownCode', params: { code: '' } })
  })
})

describe('AppError with a catalog message', () => {
  it('keeps the code and params across serialization, with the bilingual text as its log message', () => {
    const err = new AppError(ErrorCode.orderUnknown, msg('order.unknownCode', { code: 'KJ9' }), { meta: { code: 'KJ9' } })
    expect(err.message).toBe('Sipariş bulunamadı: KJ9 / Unknown order: KJ9')
    const wire = JSON.parse(JSON.stringify(err.serialize())) as ReturnType<AppError['serialize']>
    expect(wire.notice).toEqual({ code: 'order.unknownCode', params: { code: 'KJ9' } })
    expect(AppError.fromSerialized(wire).notice).toEqual(wire.notice)
    expect(errorText(wire)).toBe(err.message)
  })

  it('a plain-text AppError serializes as before', () => {
    const err = new AppError(ErrorCode.internal, 'boom')
    expect(err.serialize()).toEqual({ code: 'app.internal', message: 'boom', retryable: false, meta: {} })
    expect(errorText(err)).toBe('boom')
  })
})
