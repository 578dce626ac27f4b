/**
 * Facts and knobs of the Sürat Kargo emulator (docs/reference/carriers.md §5, confidence M). Everything marked
 * "unsure" is not in a published document and can be changed per test through the options.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'
import { SuratCode, SuratStatusCodes } from '../../protocols/surat/surat.codes'
import { SURAT_NS, SuratOperation } from '../../protocols/surat/surat.operations'

/** Paths as documented: SOAP ASMX and the REST tracking call (docs/reference/carriers.md §5). */
export const SuratPath = {
  soap: '/services.asmx',
  tracking: '/api/KargoTakipHareketDetayi',
} as const

/** ASMX default namespace; SOAPAction is `"http://tempuri.org/<Operation>"` (docs/reference/carriers.md §5). */
export { SURAT_NS }

/** The operations served, as the connector calls them (protocols/surat/surat.operations.ts). */
export const SuratOp = SuratOperation
export type SuratOp = SuratOperation

/**
 * Result codes of the create operations as HT lists them: protocols/surat/surat.codes.ts, shared with the
 * connector. The texts below are HT's Turkish explanations; the emulator sends them as "<code> - <text>" (the
 * exact wording Sürat uses is unpublished: clients find the code with a 3-digit match, as HT does).
 */
export { SuratCode }

export const SuratCodeText: Readonly<Record<SuratCode, string>> = {
  [SuratCode.badCredentials]: 'Kullanıcı adı (cari kod) veya şifre yanlış',
  [SuratCode.nameMissing]: 'Alıcı adı eksik',
  [SuratCode.addressMissing]: 'Alıcı adresi eksik',
  [SuratCode.ilIlceMissing]: 'İl / ilçe bilgisi eksik',
  [SuratCode.desiKg]: 'Desi / kg sıfırdan büyük olmalı',
  [SuratCode.duplicate]: 'Bu sipariş kodu ile daha önce gönderi oluşturulmuş',
  [SuratCode.noContract]: 'Sürat sözleşmesi bulunamadı',
  [SuratCode.phoneFormat]: 'Telefon biçimi hatalı',
  [SuratCode.phoneDigits]: 'Telefon numarası rakamlardan oluşmalı',
  [SuratCode.phoneWrong]: 'Telefon numarası hatalı',
  [SuratCode.phonePrefix]: 'Cep telefonu 05 ile başlamalı',
  [SuratCode.phoneWrongToo]: 'Telefon numarası hatalı',
  [SuratCode.phoneLength]: 'Cep telefonu en az 10 hane olmalı',
  [SuratCode.retry]: 'Takip numarası oluşturulamadı, tekrar deneyin',
  [SuratCode.systemError]: 'Sürat sistem hatası',
  [SuratCode.noBarcodePermission]: 'Hesabınızın barkod oluşturma yetkisi yok',
}

export function codeMessage(code: string): string {
  return `${code} - ${(SuratCodeText as Readonly<Record<string, string>>)[code] ?? 'Hata'}`
}

/**
 * Texts of the string-result operations (GonderiSil, GonderiGeriCek) and of the tracking errors.
 * Unsure: unpublished; HT reads success as /başar|silindi|tamam/, omniship reads "HATA…" as failure.
 */
export const SuratText = {
  deleted: 'Gönderi başarıyla silindi',
  recalled: 'Tamam',
  notFound: 'HATA: Gönderi bulunamadı',
  alreadyCancelled: 'HATA: Gönderi daha önce iptal edilmiş',
  acceptedCannotDelete: 'HATA: Gönderi şubede kabul edilmiş, silinemez',
  deliveredCannotRecall: 'HATA: Gönderi teslim edilmiş, geri çekilemez',
  reasonMissing: 'HATA: İptal nedeni boş olamaz',
  badWebPassword: 'HATA: Cari kodu veya web servis şifresi hatalı',
  trackBadCredentials: 'Cari kodu veya şifre hatalı',
  trackNotFound: 'Kayıt bulunamadı',
  trackCancelled: 'Gönderi iptal edilmiştir',
  trackAwaiting: 'Gönderinin şube kabulü bekleniyor',
} as const

/**
 * KargonunDurumuSayi values HT maps (docs/reference/carriers.md §5, meanings unpublished → L). The texts are the
 * emulator's own guesses in Sürat's style; only the numbers come from a document.
 */
export const SuratStatusText: Readonly<Record<number, string>> = {
  1: 'Gönderi Oluşturuldu',
  2: 'Kargo Kabul Edildi',
  3: 'Aktarma Merkezinde',
  4: 'Transfer Aracında',
  5: 'Varış Şubesinde',
  7: 'Dağıtıma Çıkarıldı',
  11: 'Adreste Bulunamadı, Şubede Bekliyor',
  6: 'Teslim Edildi',
  14: 'Şubeden Teslim Edildi',
  9: 'İade Edildi',
  13: 'Göndericiye Teslim Edildi',
}

/** The emulator's default walk for `advance()` without a target. */
export const DEFAULT_STATUS_CHAIN: readonly number[] = [1, 2, 3, 5, 7, 6]
/** Where a shipment's walk ends: HT's delivered and returned groups (protocols/surat/surat.codes.ts, shared with the connector). */
export const DELIVERED_CODES: ReadonlySet<number> = new Set(SuratStatusCodes.delivered)
export const RETURNED_CODES: ReadonlySet<number> = new Set(SuratStatusCodes.returned)

export type SuratAccount = Readonly<{
  /** Cari Kodu (10 digits): KullaniciAdi of create/GeriCek, cariKodu/CariKodu elsewhere. */
  cariKodu: string
  /** Cari Şifre: create and GonderiGeriCek. */
  sifre: string
  /** Web Servis Şifresi: KargoBarkodu, GonderiSil and tracking. */
  webPassword: string
  /** false → every create answers 018 (no contract). */
  contract?: boolean
  /** false → GonderiyiKargoyaGonderYeniSiparisBarkodOlustur answers 050. */
  siparisBarkod?: boolean
  /** false → OrtakBarkodOlustur answers 050 (unsure whether Sürat ever does). */
  ortakBarkod?: boolean
  /** false → KargoBarkodu answers isError with 050 (the label needs a permission, docs/reference/carriers.md §13). */
  kargoBarkodu?: boolean
}>

/** The public test account of docs/reference/carriers.md §5. */
export const DEFAULT_ACCOUNT: SuratAccount = { cariKodu: '1038106246', sifre: '123456', webPassword: '123456.Ff' }

export type SuratEmulatorOptions = EmulatorOptions &
  Readonly<{
    accounts?: readonly SuratAccount[]
    /** Success Message of the create operations: "Tamam" or one of 010–016/039 (docs/reference/carriers.md §5). Default "Tamam". */
    okMessage?: string
    /** A second create with a known OzelKargoTakipNo answers 009 (docs/reference/carriers.md §5). false stores a duplicate (for tests). Default true. */
    rejectDuplicates?: boolean
    /** How tracking shows a shipment the branch has not accepted: status 1, or IsError "…kabul bekleniyor" (HT). Unsure. Default 'status1'. */
    trackBeforeAcceptance?: 'status1' | 'awaitingError'
    /** Sürat documents no rate limit; tests set one (answered with HTTP 429 + Retry-After). */
    rateLimit?: RateLimitOption
    /** First 14-digit barcode handed out (seeded, deterministic). Default 30000000000001. */
    firstBarcode?: number
    /** Public tracking page (TakipUrl). */
    trackingPageUrl?: string
  }>

export type ResolvedOptions = Required<SuratEmulatorOptions>

export function resolveOptions(o: SuratEmulatorOptions = {}): ResolvedOptions {
  return withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    accounts: [DEFAULT_ACCOUNT],
    okMessage: 'Tamam',
    rejectDuplicates: true,
    trackBeforeAcceptance: 'status1',
    rateLimit: null,
    firstBarcode: 30_000_000_000_001,
    // HT's public tracking page for Sürat (docs/reference/carriers.md source HT common.js).
    trackingPageUrl: 'https://www.suratkargo.com.tr/KargoTakip/?kargotakipno=',
  })
}
