/**
 * Options, paths and wire vocabulary of the local Sendeo emulator (docs/reference/carriers.md §7, §14; messages,
 * codes and statuses from the official doc [SND]). What the doc leaves open is an option, marked so:
 * where a documented error code travels, whether a repeated ReferenceNo is refused, the rate limit.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'
import { SendeoError, type SendeoErrorCode } from '../../protocols/sendeo/sendeo.codes'
import { SendeoPath } from '../../protocols/sendeo/sendeo.paths'

/** Paths of docs/reference/carriers.md §7 (origin https://api.sendeo.com.tr), as the connector calls them. */
export { SendeoPath }

/** The single shared test account of [SND] ("musteri": "TEST", "sifre": "TesT.43e54"). */
export const SENDEO_TEST_ACCOUNT = { musteri: 'TEST', sifre: 'TesT.43e54' } as const
export type SendeoAccount = Readonly<{ musteri: string; sifre: string }>

/** ExceptionMessage ↔ statusCode pairs of the SetDelivery and CancelDelivery error tables [SND]: protocols/sendeo/sendeo.codes.ts. */
export { SendeoError, type SendeoErrorCode }

/** The "Sendeo Statü Listesi" of [SND]: statusId → [statusName, statusDescription]. */
export const SENDEO_STATUSES: Readonly<Record<number, readonly [string, string]>> = {
  101: ['Kargo Sevk Emri Alındı', 'İş Emri Alındı'],
  102: ['Belge Düzenlendi', 'Gönderi Oluşturuldu'],
  103: ['Şube TM Yükleme', 'Çıkış Şubesinden Hareket Etti'],
  104: ['TM Şube İndirme', 'Teslimat Noktasında'],
  105: ['TM Hat Yükleme', 'Hat Aracına Yüklendi'],
  106: ['TM Hat İndirme', 'Hat Aracından İndi'],
  107: ['TM Şube Yükleme', 'Transfer Merkezinden Şubeye Yüklendi'],
  108: ['Şube TM İndirme', 'Transfer Merkezine İndi'],
  109: ['Şube Dağıtım Yükleme', 'Dağıtıma Çıkarıldı'],
  110: ['Şube Dağıtım İndirme', 'Şube Dağıtım İndirme'],
  111: ['Teslim Edildi', 'Teslim Edildi'],
  112: ['Alıcı Telefonu Yanlış', 'Alıcı Telefonu Yanlış'],
  113: ['İade Talebi', 'İade Talebi'],
  114: ['Alıcı Adresinde Yok', 'Alıcı Adresinde Yok'],
  115: ['Alıcı Adresi Yanlış', 'Alıcı Adresi Yanlış'],
  117: ['Hasarlı Gönderi', 'Hasarlı Gönderi'],
  118: ['Kayıp Kargo', 'Kayıp Kargo'],
  119: ['Devir', 'Devir'],
  120: ['Eksik Teslim Edildi', 'Eksik Teslim Edildi'],
  121: ['Dağıtım Alanı Dışında', 'Dağıtım Alanı Dışında'],
  122: ['Ödeme Tipi Kabul Edilmedi', 'Ödeme Tipi Kabul Edilmedi'],
  123: ['Randevulu Teslimat', 'Randevulu Teslimat'],
  124: ['Mobil Dağıtım Bölgesi', 'Mobil Dağıtım Bölgesi'],
  125: ['Eksik Kargo', 'Eksik Kargo'],
  126: ['Yönlendirme', 'Yönlendirme'],
  127: ['Hat Aracı Gecikmesi', 'Hat Aracı Gecikmesi'],
  128: ['Olumsuz Hava Koşulları', 'Olumsuz Hava Koşulları'],
  129: ['Taşıma Fiyatı Yüksek Bulundu', 'Taşıma Fiyatı Yüksek Bulundu'],
  130: ['Teslim Edilemedi', 'Teslim edilemedi'],
  131: ['İade Gönderi', 'İade Edilen Gönderi'],
  132: ['Ölçüm Tartım', 'Ölçüm Tartım yapıldı'],
  133: ['İptal Gönderi', 'İptal Gönderi'],
  134: ['İade Onay', 'İade Talebine Onay Verildi'],
  135: ['İş Emri İadesi', 'İş Emri ile İade Edilen Gönderi'],
  136: ['İade Red', 'Müşteri tarafından red edildi'],
  137: ['Randevulu Alım', 'Müşteri Randevu Verdi'],
  138: ['Gönderi Alındı', 'Gönderi Alındı'],
  139: ['İptal İş Emri', 'İptal İş Emri'],
  140: ['Kurye Teslimatta', 'Kurye Teslimatta'],
  141: ['Kurye Zimmete Aldı', 'Kurye zimmete alma'],
  142: ['Kurye Zimmetten Çıkardı', 'Kurye zimmetten çıkarma'],
  143: ['Kayıp Kargo', 'Kayıp Kargo İş Emri'],
  151: ['İade Olarak Teslim', 'İade Olarak Teslim'],
}

/**
 * Where a documented error code travels. [SND] pairs each ExceptionMessage with a "statusCode"
 * and shows ExceptionMessage "102" as an example, so the doc supports either reading:
 * `statusCode` → {StatusCode: 102, exceptionMessage: text}; `message` → {StatusCode: 500,
 * exceptionMessage: text}; `codeAsMessage` → {StatusCode: 500, exceptionMessage: "102"}.
 */
export const ErrorCodePlacement = { statusCode: 'statusCode', message: 'message', codeAsMessage: 'codeAsMessage' } as const
export type ErrorCodePlacement = (typeof ErrorCodePlacement)[keyof typeof ErrorCodePlacement]

export type SendeoEmulatorOptions = EmulatorOptions &
  Readonly<{
    accounts?: readonly SendeoAccount[]
    /** [SND]: 20 hours. */
    tokenTtlMs?: number
    /** Consecutive wrong passwords before an account is blocked ([SND] warns of it; the count is ours). Default 5. */
    lockoutAfter?: number
    /** Sendeo publishes no limit: off by default. 429 + Retry-After when hit. */
    rateLimit?: RateLimitOption
    /** [SND]: the same TRACKDELIVERY query within 30 minutes is answered from cache. Default 30 min; 0 turns it off. */
    trackCacheMs?: number
    errorCodePlacement?: ErrorCodePlacement
    /** The doc is silent on a repeated ReferenceNo; default false stores a second delivery (the worst case for a client). */
    rejectDuplicateReference?: boolean
    /**
     * What GETBARCODE answers for a reference it does not know; not documented. `notFound` (default):
     * 500 with the cancel table's "No Delivery Found." (702); `serverError`: 500 "Internal Server Error".
     */
    unknownReferenceAnswer?: 'notFound' | 'serverError'
  }>

export type ResolvedOptions = Required<SendeoEmulatorOptions>

export function resolveOptions(o: SendeoEmulatorOptions = {}): ResolvedOptions {
  return withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    accounts: [SENDEO_TEST_ACCOUNT],
    tokenTtlMs: 20 * 3_600_000,
    lockoutAfter: 5,
    rateLimit: null,
    trackCacheMs: 30 * 60_000,
    errorCodePlacement: ErrorCodePlacement.statusCode,
    rejectDuplicateReference: false,
    unknownReferenceAnswer: 'notFound',
  })
}
