import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'
import { HepsiJetStatus } from '../../protocols/hepsijet/hepsijet.codes'

/**
 * Options, paths and wire vocabulary of the local HepsiJET emulator (docs/reference/carriers.md §6, §14).
 * Everything docs/reference/carriers.md states is fixed here; what it leaves open (error detailStatus values,
 * rate limit, how an untouched barcode shows in track, the delivery-update path) is an option or
 * a placeholder, marked as such.
 */

/** Paths as docs/reference/carriers.md §6 gives them (base https://integration.hepsijet.com, test integration-apitest). */
export const HepsiJetPath = {
  getToken: '/auth/getToken',
  sendDeliveryOrderEnhanced: '/rest/delivery/sendDeliveryOrderEnhanced',
  /** + /{barcode}/{totalParcels} */
  generateZplBarcode: '/rest/delivery/generateZplBarcode',
  /** + /{barcode} */
  deleteDeliveryOrder: '/rest/delivery/deleteDeliveryOrder',
  track: '/rest/delivery/integration/track',
} as const

/**
 * delivery-update: docs/reference/carriers.md names the service, not its path. HJ-DOCS shows
 * https://integration-apitest.hepsijet.com/delivery-update, but the same pages drop the /rest prefix
 * from paths that clients call with it (generateZplBarcode), so both are served by default.
 */
export const DEFAULT_DELIVERY_UPDATE_PATHS: readonly string[] = ['/rest/delivery-update', '/delivery-update']

/** The integration statuses: protocols/hepsijet/hepsijet.codes.ts, shared with the connector. */
export const HjStatus = HepsiJetStatus
export type HjStatus = HepsiJetStatus

/**
 * PLACEHOLDERS, the emulator's own: the detailStatus of its {status:"FAIL", message, detailStatus} answers.
 * HepsiJET documents the field but no value (protocols/hepsijet/README.md), so these names are ours, and the
 * connector reads none of them: it classifies a FAIL by its message and HTTP status. Tests may match them to
 * tell the emulator's refusals apart.
 */
export const HjDetailStatus = {
  unauthorized: 'UNAUTHORIZED',
  validation: 'VALIDATION_ERROR',
  duplicateDeliveryNo: 'DUPLICATE_CUSTOMER_DELIVERY_NO',
  deliveryNotFound: 'DELIVERY_NOT_FOUND',
  deliveryDeleted: 'DELIVERY_DELETED',
  notDeletable: 'DELIVERY_NOT_DELETABLE',
  notUpdatable: 'DELIVERY_NOT_UPDATABLE',
  cityNotFound: 'CITY_NOT_FOUND',
  townNotFound: 'TOWN_NOT_FOUND',
  companyNotFound: 'COMPANY_NOT_FOUND',
  senderAddressNotFound: 'SENDER_ADDRESS_NOT_FOUND',
  xDockNotFound: 'XDOCK_NOT_FOUND',
  productNotAllowed: 'PRODUCT_NOT_ALLOWED',
  tooManyRequests: 'TOO_MANY_REQUESTS',
} as const
export type HjDetailStatus = (typeof HjDetailStatus)[keyof typeof HjDetailStatus]

/** Turkish messages in HepsiJET's style; the wording is ours (no message text is documented). */
export const HjMessage = {
  unauthorized: 'Kullanıcı adı veya şifre hatalı',
  tokenInvalid: 'Geçersiz veya süresi dolmuş token',
  duplicate: (no: string) => `${no} customerDeliveryNo ile daha önce gönderi oluşturulmuştur`,
  notFound: (no: string) => `${no} barkodlu gönderi bulunamadı`,
  deleted: (no: string) => `${no} barkodlu gönderi silinmiştir`,
  notDeletable: (no: string, status: string) => `${no} barkodlu gönderi ${status} durumunda olduğu için silinemez`,
  notUpdatable: (no: string, status: string) => `${no} barkodlu gönderi ${status} durumunda güncellenemez`,
  cityNotFound: (name: string) => `İl bulunamadı: ${name}`,
  townNotFound: (name: string, city: string) => `İlçe bulunamadı: ${name} (${city})`,
  companyNotFound: 'Firma bilgisi (name, abbreviationCode) hatalı',
  senderAddressNotFound: (id: string) => `Gönderici adresi bulunamadı: ${id}`,
  xDockNotFound: (code: string) => `XDock bulunamadı: ${code}`,
  productNotAllowed: (code: string) => `Ürün kodu bu firma için tanımlı değil: ${code}`,
  tooManyRequests: 'Çok fazla istek gönderildi, lütfen daha sonra tekrar deneyin',
} as const

/** One HepsiJET integration account: the credentials plus the settings HepsiJET issues with it (§6). */
export type HepsiJetAccount = Readonly<{
  username: string
  password: string
  company: Readonly<{ name: string; abbreviationCode: string }>
  /** senderAddress.companyAddressId values registered for this company. */
  senderAddressIds: readonly string[]
  /** currentXDock.abbreviationCode values this company may hand over at. */
  xDockCodes: readonly string[]
  /** Products the contract allows. Default ['HX_STD']. */
  productCodes?: readonly string[]
}>

export const DEFAULT_ACCOUNT: HepsiJetAccount = {
  username: 'kargojet-test',
  password: 'Test1234!',
  company: { name: 'KargoJet Test', abbreviationCode: 'KJT' },
  senderAddressIds: ['KJT-DEPO-1'],
  xDockCodes: ['KJT_ESENYURT'],
  productCodes: ['HX_STD'],
}

/** How a barcode nobody has operated on yet shows in integration/track (§6: its status is "OK"). */
export const UntouchedTrack = {
  /** An entry with an empty details list (default). */
  emptyDetails: 'emptyDetails',
  /** Left out of data, as the HJ-DOCS sample that asks four barcodes and gets one back. */
  omit: 'omit',
} as const
export type UntouchedTrack = (typeof UntouchedTrack)[keyof typeof UntouchedTrack]

export type HepsiJetEmulatorOptions = EmulatorOptions &
  Readonly<{
    accounts?: readonly HepsiJetAccount[]
    /** ≈60 min per docs/reference/carriers.md §6. */
    tokenTtlMs?: number
    /** HepsiJET publishes no limit: off by default; tests set a small one. 429 + Retry-After when hit. */
    rateLimit?: RateLimitOption
    /** HTTP status of {status:"FAIL"} answers: 200 per §6 ("errors can be HTTP 200"); 400 to test the other reading. */
    failHttpStatus?: number
    untouchedTrack?: UntouchedTrack
    /** Refuse a customerDeliveryNo that does not start with the company code (HJ-DOCS advises the prefix; off by default). */
    requireCompanyPrefix?: boolean
    deliveryUpdatePaths?: readonly string[]
  }>

export type ResolvedOptions = Required<HepsiJetEmulatorOptions>

export function resolveOptions(o: HepsiJetEmulatorOptions = {}): ResolvedOptions {
  return withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    accounts: [DEFAULT_ACCOUNT],
    tokenTtlMs: 60 * 60_000,
    rateLimit: null,
    failHttpStatus: 200,
    untouchedTrack: UntouchedTrack.emptyDetails,
    requireCompanyPrefix: false,
    deliveryUpdatePaths: DEFAULT_DELIVERY_UPDATE_PATHS,
  })
}
