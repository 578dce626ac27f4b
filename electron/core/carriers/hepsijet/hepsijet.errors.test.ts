import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HjMessage } from '../../../../sandbox/hepsijet/hepsijet.config'
import { ErrorCode } from '../../../../shared/errors'
import { classifyFail, explainFail, FailKind, hepsiJetFailToAppError } from './hepsijet.errors'

const fail = (detailStatus: string | null, message = '', httpStatus = 200) => ({ detailStatus, message, httpStatus })

describe("the emulator's refusals → ErrorCode + retryable, by the message alone", () => {
  // The emulator's wording (sandbox/hepsijet/hepsijet.config.ts) is ours too, in HepsiJET's style: the connector must
  // place every one of them without the emulator's detailStatus names, which HepsiJET does not document.
  it.each([
    [HjMessage.unauthorized, ErrorCode.carrierAuth, false],
    [HjMessage.tokenInvalid, ErrorCode.carrierAuth, false],
    [HjMessage.duplicate('KJT0000000001'), ErrorCode.carrierDuplicateReference, false],
    [HjMessage.notFound('KJT0000000001'), ErrorCode.carrierNotFound, false],
    [HjMessage.deleted('KJT0000000001'), ErrorCode.carrierNotFound, false],
    [HjMessage.notDeletable('KJT0000000001', 'ACCEPTED'), ErrorCode.carrierNotCancellable, false],
    [HjMessage.notUpdatable('KJT0000000001', 'DELIVERED'), ErrorCode.carrierValidation, false],
    [HjMessage.cityNotFound('Atlantis'), ErrorCode.carrierAddressUnresolved, false],
    [HjMessage.townNotFound('Kadıkoyy', 'İstanbul'), ErrorCode.carrierAddressUnresolved, false],
    [HjMessage.companyNotFound, ErrorCode.carrierServiceUnsupported, false],
    [HjMessage.senderAddressNotFound('X-1'), ErrorCode.carrierServiceUnsupported, false],
    [HjMessage.xDockNotFound('NOPE'), ErrorCode.carrierServiceUnsupported, false],
    [HjMessage.productNotAllowed('HX_SD'), ErrorCode.carrierServiceUnsupported, false],
    [HjMessage.tooManyRequests, ErrorCode.carrierRateLimited, true],
    ['delivery.customerDeliveryNo: KJT firma kodu ile başlamalıdır', ErrorCode.carrierValidation, false],
  ] as const)('%j → %s (retryable %s)', (message, code, retryable) => {
    const err = hepsiJetFailToAppError(fail('SOMETHING_NEW', message), 'sendDeliveryOrderEnhanced', { customerDeliveryNo: 'KJT0000000001' })
    expect(err).toMatchObject({
      code,
      retryable,
      meta: { detailStatus: 'SOMETHING_NEW', hepsiJetMessage: message, customerDeliveryNo: 'KJT0000000001' },
    })
    expect(explainFail(fail(null, message)).by).toBe('message')
  })
})

describe('detailStatus: undocumented, so it decides nothing', () => {
  it('a FAIL is classified the same whatever detailStatus it carries, one never seen included', () => {
    const messages = ['', 'İşlem başarısız', HjMessage.notFound('KJT1'), HjMessage.duplicate('KJT1'), 'Token süresi dolmuş', 'Delivery not found']
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: null }),
        fc.constantFrom(...messages),
        fc.constantFrom(200, 400, 404, 409, 422),
        (detailStatus, message, httpStatus) => {
          expect(explainFail(fail(detailStatus, message, httpStatus))).toEqual(explainFail(fail(null, message, httpStatus)))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('names that look like a meaning do not override the message', () => {
    expect(classifyFail(fail('DUPLICATE_CUSTOMER_DELIVERY_NO', HjMessage.cityNotFound('Atlantis')))).toBe(FailKind.address)
    expect(classifyFail(fail('UNAUTHORIZED', ''))).toBe(FailKind.validation)
  })

  it('the error keeps the detailStatus for support, in meta and in its text', () => {
    const err = hepsiJetFailToAppError(fail('HJ_E_7781', 'Beklenmeyen bir hata oluştu'), 'track')
    expect(err).toMatchObject({ code: ErrorCode.carrierUnavailable, retryable: true, meta: { detailStatus: 'HJ_E_7781', failKind: FailKind.unavailable } })
    expect(err.message).toContain('HJ_E_7781')
  })
})

describe('a FAIL whose message says nothing we know: the HTTP status', () => {
  it.each([
    [200, FailKind.validation, 'nothing'],
    [400, FailKind.validation, 'nothing'],
    [422, FailKind.validation, 'nothing'],
    [404, FailKind.notFound, 'httpStatus'],
    [409, FailKind.duplicate, 'httpStatus'],
    [410, FailKind.deleted, 'httpStatus'],
  ] as const)('HTTP %s → %s (by %s)', (httpStatus, kind, by) => {
    expect(explainFail(fail('X', 'İşlem başarısız', httpStatus))).toEqual({ kind, by })
  })

  it('the message wins over the HTTP status', () => {
    expect(classifyFail(fail(null, HjMessage.cityNotFound('Atlantis'), 404))).toBe(FailKind.address)
  })
})

describe('unknown detailStatus: the message is read (Turkish and English)', () => {
  it.each([
    ['Geçersiz token', FailKind.auth],
    ['Kullanıcı adı veya şifre hatalı', FailKind.auth],
    ['Too many requests', FailKind.rateLimited],
    ['Beklenmeyen bir hata oluştu', FailKind.unavailable],
    ['HJT1234567890123 customerDeliveryNo ile daha önce gönderi oluşturulmuştur', FailKind.duplicate],
    ['CustomerDeliveryNo already exists', FailKind.duplicate],
    ['Bu barkod zaten kullanılmış', FailKind.duplicate],
    ['Gönderi ACCEPTED durumunda olduğu için silinemez', FailKind.notDeletable],
    ['Delivery cannot be cancelled after pickup', FailKind.notDeletable],
    ['Gönderi bu durumda güncellenemez', FailKind.notUpdatable],
    ['Gönderi silinmiştir', FailKind.deleted],
    ['Gönderici adresi bulunamadı: X-1', FailKind.accountSetting],
    ['XDock bulunamadı', FailKind.accountSetting],
    ['İlçe bulunamadı: Kadikoyy', FailKind.address],
    ['Town not found', FailKind.address],
    ['HJT1 barkodlu gönderi bulunamadı', FailKind.notFound],
    ['Delivery not found', FailKind.notFound],
    ['phone1 10 haneli olmalıdır', FailKind.validation],
    ['', FailKind.validation],
  ] as const)('%j → %s', (message, kind) => {
    expect(classifyFail(fail(null, message))).toBe(kind)
    expect(classifyFail(fail('NEW_CODE', message))).toBe(kind)
  })

  it('an unexplained FAIL is a refusal, not retried', () => {
    expect(hepsiJetFailToAppError(fail(null, 'İşlem başarısız'), 'track')).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false })
  })
})
