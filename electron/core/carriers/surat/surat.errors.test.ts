import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import {
  classifySuratText,
  readSuratMessage,
  SURAT_OK_CODES,
  SURAT_RESULT_CODES,
  suratCodeOf,
  suratResultToAppError,
  suratTextToAppError,
  SuratTextKind,
} from './surat.errors'
import { SURAT_DOCUMENTED_FAILURES } from './surat.result-codes.test-support'

describe('Sürat result codes (carriers.md §5)', () => {
  it.each(SURAT_DOCUMENTED_FAILURES)('%s → %s, retryable %s', (code, errorCode, retryable) => {
    for (const message of [`${code} - açıklama`, `[${code}]`, code]) {
      const out = readSuratMessage(message, true)
      expect(out).toMatchObject({ ok: false, code })
      const err = suratResultToAppError(out, 'op')
      expect(err.code).toBe(errorCode)
      expect(err.retryable).toBe(retryable)
      expect(err.meta).toMatchObject({ suratCode: code, operation: 'op' })
    }
  })

  it('the table covers exactly the documented failure codes', () => {
    expect(Object.keys(SURAT_RESULT_CODES).sort()).toEqual(SURAT_DOCUMENTED_FAILURES.map(([c]) => c).sort())
  })

  it.each(['Tamam', 'tamam', '"Tamam"', ...[...SURAT_OK_CODES].map((c) => `${c} - Gönderi kaydedildi`)])('string result "%s" is success', (m) => {
    expect(readSuratMessage(m)).toMatchObject({ ok: true, duplicate: false, noPermission: false })
  })

  it.each(['', 'Bilinmeyen bir şey', '009 - daha önce oluşturulmuş', '042'])('string result "%s" is not success', (m) => {
    expect(readSuratMessage(m).ok).toBe(false)
  })

  it('isError decides for the structured results, whatever Message says', () => {
    expect(readSuratMessage('Islem basarili', false).ok).toBe(true)
    expect(readSuratMessage('Tamam', true).ok).toBe(false)
  })

  it("duplicate is read from 009 or from HT's words", () => {
    expect(readSuratMessage('009', true).duplicate).toBe(true)
    expect(readSuratMessage('Bu gönderi daha önce oluşturulmuş', true).duplicate).toBe(true)
    expect(readSuratMessage('006', true).duplicate).toBe(false)
  })

  it('050 is flagged as missing permission', () => {
    expect(readSuratMessage('050 - yetki yok', true).noPermission).toBe(true)
  })

  it('a 14-digit barcode is not a code', () => {
    expect(suratCodeOf('30000000000001')).toBeNull()
    expect(suratCodeOf('Hata kodu: 019')).toBe('019')
  })

  it('an unknown refusal is carrier.validation, not retryable; a password text is auth', () => {
    expect(suratResultToAppError(readSuratMessage('Bilinmeyen', true), 'op')).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false })
    expect(suratResultToAppError(readSuratMessage('Şifre hatalı', true), 'op')).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
  })
})

describe('classifySuratText (GonderiSil, GonderiGeriCek, KargoBarkodu, tracking messages)', () => {
  const table: ReadonlyArray<readonly [string, SuratTextKind]> = [
    ['Gönderi başarıyla silindi', SuratTextKind.ok],
    ['Tamam', SuratTextKind.ok],
    ['HATA: Cari kodu veya web servis şifresi hatalı', SuratTextKind.auth],
    ['001 - Kullanıcı adı (cari kod) veya şifre yanlış', SuratTextKind.auth],
    ['050 - Hesabınızın barkod oluşturma yetkisi yok', SuratTextKind.noPermission],
    ['HATA: İptal nedeni boş olamaz', SuratTextKind.reasonMissing],
    ['HATA: Gönderi şubede kabul edilmiş, silinemez', SuratTextKind.notCancellable],
    ['HATA: Gönderi teslim edilmiş, geri çekilemez', SuratTextKind.notCancellable],
    ['HATA: Gönderi daha önce iptal edilmiş', SuratTextKind.cancelled],
    ['Gönderi iptal edilmiştir', SuratTextKind.cancelled],
    ['HATA: Gönderi bulunamadı', SuratTextKind.notFound],
    ['Kayıt bulunamadı', SuratTextKind.notFound],
    ['Gönderinin şube kabulü bekleniyor', SuratTextKind.awaitingAcceptance],
    ['HATA: tamam değil', SuratTextKind.unknown],
    ['', SuratTextKind.unknown],
  ]
  it.each(table)('"%s" → %s', (text, kind) => {
    expect(classifySuratText(text)).toBe(kind)
  })

  const errors: ReadonlyArray<readonly [SuratTextKind, ErrorCode]> = [
    [SuratTextKind.auth, ErrorCode.carrierAuth],
    [SuratTextKind.noPermission, ErrorCode.carrierServiceUnsupported],
    [SuratTextKind.reasonMissing, ErrorCode.carrierValidation],
    [SuratTextKind.notCancellable, ErrorCode.carrierNotCancellable],
    [SuratTextKind.cancelled, ErrorCode.carrierNotFound],
    [SuratTextKind.notFound, ErrorCode.carrierNotFound],
    [SuratTextKind.unknown, ErrorCode.carrierValidation],
  ]
  it.each(errors)('%s → %s, not retryable', (kind, code) => {
    const err = suratTextToAppError(kind, 'metin', 'GonderiSil')
    expect(err).toMatchObject({ code, retryable: false })
    expect(err.meta).toMatchObject({ operation: 'GonderiSil', suratMessage: 'metin' })
  })

  it('refuses to turn a success into an error', () => {
    expect(() => suratTextToAppError(SuratTextKind.ok, 'Tamam', 'GonderiSil')).toThrow(TypeError)
  })
})
