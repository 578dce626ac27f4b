import { describe, expect, it } from 'vitest'
import { PttCode } from '../../../../sandbox/ptt/ptt.emulator'
import { ErrorCode } from '../../../../shared/errors'
import { classifyPttRefusal, PTT_RESULT_CODES, PttErrorKind, pttFaultError, pttRefusalError } from './ptt.errors'

describe('result codes → ErrorCode + retryable', () => {
  it.each([
    // documented (docs/reference/carriers.md §4): -1 + "Kullanıcı Şifre Hatalı"
    ['-1', 'Kullanıcı Şifre Hatalı', ErrorCode.carrierAuth, false],
    // the emulator's placeholder codes: unknown to the connector, read by their text
    [PttCode.missingField, 'dosyaAdi alanı boş olamaz', ErrorCode.carrierValidation, false], // no rule: a validation refusal, marked unknown
    [PttCode.duplicateBarcode, 'barkodu ile daha önce veri yüklenmiştir', ErrorCode.carrierDuplicateReference, false],
    [PttCode.checkDigit, 'kontrol hanesi hatalı', ErrorCode.carrierValidation, false],
    [PttCode.outOfRange, 'aralığında değil', ErrorCode.carrierValidation, false],
    [PttCode.invalidField, 'aliciAdi alanı hatalı', ErrorCode.carrierValidation, false], // likewise
    [PttCode.address, 'Alıcı ilçe bilgisi hatalı', ErrorCode.carrierAddressUnresolved, false],
    [PttCode.notFound, 'kayıt bulunamadı', ErrorCode.carrierNotFound, false],
    [PttCode.alreadyAccepted, 'kabul edildiği için silinemez', ErrorCode.carrierNotCancellable, false],
    [PttCode.systemError, 'Sistem hatası oluştu', ErrorCode.carrierUnavailable, true],
  ] as const)('%s (%s) → %s, retryable %s', (code, message, errorCode, retryable) => {
    const err = pttRefusalError('kabulEkle2', code, message, { barcode: '2740000000010' })
    expect(err).toMatchObject({ code: errorCode, retryable, meta: { operation: 'kabulEkle2', pttCode: code, pttMessage: message, barcode: '2740000000010' } })
    const unexplained = code === PttCode.missingField || code === PttCode.invalidField
    expect(err.meta.unknownResultCode).toBe(unexplained ? true : undefined)
  })

  it("only the documented code is read by number: the emulator's placeholders are not production facts", () => {
    expect(Object.keys(PTT_RESULT_CODES)).toEqual([PttCode.auth])
    expect(classifyPttRefusal(PttCode.systemError, '')).toEqual({ kind: PttErrorKind.validation, known: false })
  })

  it('barcode refusals name the barkodNo field', () => {
    expect(pttRefusalError('kabulEkle2', PttCode.checkDigit, 'kontrol hanesi hatalı').meta.field).toBe('barkodNo')
  })
})

describe('codes we do not know: the Turkish (or English) text decides', () => {
  it.each([
    ['KULLANICI ŞİFRE HATALI', PttErrorKind.auth],
    ['Yetkiniz yok', PttErrorKind.auth],
    ['Beklenmeyen bir hata oluştu', PttErrorKind.server],
    ['Servis geçici olarak kullanılamıyor', PttErrorKind.server],
    ['Alıcı il adı bulunamadı', PttErrorKind.address],
    ['İlçe hatalı', PttErrorKind.address],
    ['Barkod numarası müşteri barkod aralığı dışında', PttErrorKind.barcode],
    ['Geçersiz barkod', PttErrorKind.barcode],
    ['Bu barkod daha önce kullanılmıştır', PttErrorKind.duplicate],
    ['Barkod sistemde zaten mevcut', PttErrorKind.duplicate],
    ['Mükerrer kayıt', PttErrorKind.duplicate],
    ['Gönderinin kabulü yapıldığı için silinemez', PttErrorKind.notCancellable],
    ['Silinecek kayıt bulunamadı', PttErrorKind.notFound],
    ['Record not found', PttErrorKind.notFound],
    ['Alıcı adı en az 5 karakter olmalıdır', PttErrorKind.validation],
  ] as const)('%j → %s', (message, kind) => {
    expect(classifyPttRefusal('77', message)).toEqual({ kind, known: kind !== PttErrorKind.validation })
  })

  it('an unexplained refusal is not retried and is marked unknown', () => {
    expect(pttRefusalError('etiketGetir', '3', '')).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false, meta: { unknownResultCode: true } })
  })
})

describe('SOAP faults', () => {
  it.each([
    [{ faultcode: 'soapenv:Server', faultstring: 'Policy Falsified' }, ErrorCode.carrierServiceUnsupported, false],
    [{ faultcode: 'soap:Server', faultstring: 'Service Not Found' }, ErrorCode.carrierServiceUnsupported, false],
    [{ faultcode: 'soapenv:Server', faultstring: 'Kullanıcı adı veya şifre hatalı' }, ErrorCode.carrierAuth, false],
    [{ faultcode: 'soapenv:Client', faultstring: 'Unexpected subelement input' }, ErrorCode.carrierValidation, false],
    [{ faultcode: 'soapenv:VersionMismatch', faultstring: 'x' }, ErrorCode.carrierValidation, false],
    [{ faultcode: 'soapenv:Server.userException', faultstring: 'java.lang.NullPointerException' }, ErrorCode.carrierUnavailable, true],
    [{ faultcode: 'soapenv:Server', faultstring: 'Internal Error' }, ErrorCode.carrierUnavailable, true],
  ] as const)('%j → %s', (fault, code, retryable) => {
    expect(pttFaultError(fault, 'gonderiSorgu', 500)).toMatchObject({ code, retryable, meta: { faultcode: fault.faultcode, httpStatus: 500 } })
  })
})
