/**
 * Options, paths and wire vocabulary of the local PTT Kargo emulator (docs/reference/carriers.md §4, §14). What §4
 * states is fixed here (paths, namespaces, SOAPActions, hataKodu -1 "Kullanıcı Şifre Hatalı",
 * range barcodes with check digit, EPL labels, TESALAN); what the sources disagree on or leave open
 * is an option (the success code, tracking's return element and gateway block, the rate limit) or a
 * placeholder marked as such (every other result code and all message wording).
 */

import { PTT_AUTH_CODE, PTT_AUTH_TEXT } from '../../protocols/ptt/ptt.codes'
import { PttPath } from '../../protocols/ptt/ptt.paths'
import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'

/** §4: acceptance PttVeriYukleme (test PttVeriYuklemeTest), tracking GonderiTakipV2, as the connector calls them. */
export const PttEmuPath = PttPath

export const PttService = { acceptance: 'acceptance', tracking: 'tracking' } as const
export type PttService = (typeof PttService)[keyof typeof PttService]

/** The operations served (§4); the other documented ones (kabulEkleParcaliBarkod, referansVeriSil, getDropPointInfo…) answer a fault. */
export const ACCEPTANCE_OPERATIONS = ['kabulEkle2', 'etiketGetir', 'barkodVeriSil', 'siparisIstekEkle2'] as const

/**
 * Unsure: etiketGetir (the label download) comes from one integrator's notes (§4) and is declared
 * in neither of PTT's published WSDLs (PttVeriYukleme and GonderiTakipV2 `?wsdl`, saved in the
 * public repository okansokmen/WinTexDLL). So by default the emulator follows the WSDL and answers
 * it as Axis2 answers any undeclared operation ("Operation not found" fault); `labelOperation`
 * serves it, for a service that may declare it.
 */
export const WSDL_UNDECLARED_OPERATIONS: readonly string[] = ['etiketGetir']
export const TRACKING_OPERATIONS = ['gonderiSorgu', 'gonderiSorgu2'] as const

/**
 * Result codes the emulator sends. -1 is documented (protocols/ptt/ptt.codes.ts); every other value is a
 * placeholder, not from PTT's documents (all negative, so they never collide with either reading of success).
 * The connector does not know them: it reads these refusals by their Turkish text, as it must for PTT's real codes.
 */
export const PttCode = {
  auth: PTT_AUTH_CODE,
  missingField: '-2',
  duplicateBarcode: '-3',
  checkDigit: '-4',
  outOfRange: '-5',
  invalidField: '-6',
  address: '-7',
  notFound: '-8',
  alreadyAccepted: '-9',
  systemError: '-99',
} as const
export type PttCode = (typeof PttCode)[keyof typeof PttCode]

/** Turkish messages; only "Kullanıcı Şifre Hatalı" is PTT's documented wording. */
export const PttText = {
  auth: PTT_AUTH_TEXT,
  ok: 'İşlem Başarılı',
  duplicate: (b: string) => `${b} barkodu ile daha önce veri yüklenmiştir`,
  checkDigit: (b: string) => `${b} barkodunun kontrol hanesi hatalı`,
  outOfRange: (b: string) => `${b} barkodu müşteriye tanımlı barkod aralığında değil`,
  notFound: (b: string) => `${b} barkodlu kayıt bulunamadı`,
  alreadyAccepted: (b: string) => `${b} barkodlu gönderi kabul edildiği için silinemez`,
  deleted: (b: string) => `${b} barkodlu veri silindi`,
  address: (what: string) => `Alıcı ${what} bilgisi hatalı`,
  required: (field: string) => `${field} alanı boş olamaz`,
  invalid: (field: string, why: string) => `${field} alanı hatalı: ${why}`,
  systemError: 'Sistem hatası oluştu, lütfen tekrar deneyiniz',
  pickupTaken: 'Kurye sipariş talebiniz alınmıştır',
  trackNotFound: 'Kayıt bulunamadı',
} as const

/** One PTT customer: the ids PTT issues and the barcode ranges it assigned (12-digit bodies, both ends included). */
export type PttAccount = Readonly<{
  musteriId: number
  password: string
  /** The WS user (BX). kabulEkle2 also takes "PttWs" (HT); gonderiSorgu also the customer id (HT). */
  username: string
  barcodeRanges: readonly Readonly<{ first: string; last: string }>[]
}>

export const DEFAULT_PTT_ACCOUNT: PttAccount = {
  musteriId: 904411,
  password: 'PttTest!2024',
  username: 'kargojet',
  barcodeRanges: [{ first: '274000000001', last: '274000999999' }],
}

/** The status chain the test hook walks (docs/reference/carriers.md §12 PTT column). */
export const PttStatus = {
  uploaded: 'uploaded',
  accepted: 'accepted',
  inTransit: 'in_transit',
  outForDelivery: 'out_for_delivery',
  failedAttempt: 'failed_attempt',
  delivered: 'delivered',
  returnInTransit: 'return_in_transit',
  returned: 'returned',
  deleted: 'deleted',
} as const
export type PttStatus = (typeof PttStatus)[keyof typeof PttStatus]

export type PttEmulatorOptions = EmulatorOptions &
  Readonly<{
    accounts?: readonly PttAccount[]
    /** §4 conflict: HT and a Laravel client read 1 as success, BX reads 0. Default "1" (§4: "emulate 1=OK"). */
    successCode?: '1' | '0'
    /** Axis 1.4 names the tracking result `return` or `<op>Return`; not documented. Default "return". */
    trackingReturnElement?: 'return' | 'operationReturn'
    /** §4 [BX]: tracking answers a "Policy Falsified" fault until PTT enables it per customer. Default false. */
    trackingBlocked?: boolean
    /** Send ISAAT (time) with tracking events, as a client saw on PTT's test service; §4 lists only ITARIH. Default true. */
    includeEventTime?: boolean
    /** Require SOAPAction "urn:<op>" (tracking also takes "", Axis2 then dispatches on the body). Default true. */
    strictSoapAction?: boolean
    /** barkodVeriSil refuses a dosyaAdi that differs from the upload's (sources send it; none says it is checked). Default false. */
    checkDosyaAdi?: boolean
    /** Serve etiketGetir (EPL labels), which PTT's published WSDLs do not declare (WSDL_UNDECLARED_OPERATIONS). Default false. */
    labelOperation?: boolean
    /** PTT publishes no limit: off by default; tests set a small one. 429 + Retry-After when hit. */
    rateLimit?: RateLimitOption
    /**
     * Refuse request bodies that break the published schema (protocols/ptt/) with the SOAP fault
     * Axis2 (ADB) answers, checked with xmllint (sandbox/common/soap-schema.ts). Default false: one xmllint
     * process per request costs 30-50 ms on a busy machine, too much for the fault runs; the contract tests
     * and the desk tests turn it on.
     */
    validateSchema?: boolean
  }>

export type ResolvedPttOptions = Required<PttEmulatorOptions>

export function resolvePttOptions(o: PttEmulatorOptions = {}): ResolvedPttOptions {
  return withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    accounts: [DEFAULT_PTT_ACCOUNT],
    successCode: '1',
    trackingReturnElement: 'return',
    trackingBlocked: false,
    includeEventTime: true,
    strictSoapAction: true,
    checkDosyaAdi: false,
    labelOperation: false,
    validateSchema: false,
    rateLimit: null,
  })
}
