import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { classifyFail, FailKind, HepsiJetDetailStatus, hepsiJetFailToAppError, isKnownDetailStatus } from './hepsijet.errors'

const fail = (detailStatus: string | null, message = '') => ({ detailStatus, message, httpStatus: 200 })

describe('detailStatus table → ErrorCode + retryable', () => {
  it.each([
    [HepsiJetDetailStatus.unauthorized, ErrorCode.carrierAuth, false],
    [HepsiJetDetailStatus.validation, ErrorCode.carrierValidation, false],
    [HepsiJetDetailStatus.duplicateDeliveryNo, ErrorCode.carrierDuplicateReference, false],
    [HepsiJetDetailStatus.deliveryNotFound, ErrorCode.carrierNotFound, false],
    [HepsiJetDetailStatus.deliveryDeleted, ErrorCode.carrierNotFound, false],
    [HepsiJetDetailStatus.notDeletable, ErrorCode.carrierNotCancellable, false],
    [HepsiJetDetailStatus.notUpdatable, ErrorCode.carrierValidation, false],
    [HepsiJetDetailStatus.cityNotFound, ErrorCode.carrierAddressUnresolved, false],
    [HepsiJetDetailStatus.townNotFound, ErrorCode.carrierAddressUnresolved, false],
    [HepsiJetDetailStatus.companyNotFound, ErrorCode.carrierServiceUnsupported, false],
    [HepsiJetDetailStatus.senderAddressNotFound, ErrorCode.carrierServiceUnsupported, false],
    [HepsiJetDetailStatus.xDockNotFound, ErrorCode.carrierServiceUnsupported, false],
    [HepsiJetDetailStatus.productNotAllowed, ErrorCode.carrierServiceUnsupported, false],
    [HepsiJetDetailStatus.systemError, ErrorCode.carrierUnavailable, true],
    [HepsiJetDetailStatus.tooManyRequests, ErrorCode.carrierRateLimited, true],
  ] as const)('%s → %s (retryable %s)', (detail, code, retryable) => {
    const err = hepsiJetFailToAppError(fail(detail, 'mesaj'), 'sendDeliveryOrderEnhanced', { customerDeliveryNo: 'KJT0000000001' })
    expect(err).toMatchObject({ code, retryable, meta: { detailStatus: detail, hepsiJetMessage: 'mesaj', customerDeliveryNo: 'KJT0000000001' } })
    // The detailStatus decides even when the message says something else.
    expect(classifyFail(fail(detail.toLowerCase(), 'zaten mevcut'))).toBe(classifyFail(fail(detail)))
  })

  it('a detailStatus outside the table is not known (the message is read instead)', () => {
    expect(isKnownDetailStatus('SOMETHING_NEW')).toBe(false)
    expect(isKnownDetailStatus(null)).toBe(false)
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
