/**
 * Options, defaults and codes of the Yurtiçi ShippingOrderDispatcherServices emulator.
 * Sources: the WSDL in protocols/yurtici/, and docs/reference/carriers.md §1 and §14.
 * Where the documents are silent (auth and throttle codes, message texts, what a cancel after
 * delivery says) the behaviour is an option or a constant with a comment that says it is ours.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions } from '../common/emulator-options'
import { YurticiErrCode } from '../../protocols/yurtici/yurtici.codes'

export const SERVICE_PATH = '/KOPSWebServices/ShippingOrderDispatcherServices'

/** Faults a test can inject on the SOAP endpoint; see yurtici.server.ts for exactly what each does. */
export const YurticiFault = {
  /** 500 with an HTML page (a proxy in trouble); nothing processed. */
  http500: 'http500',
  /** 503 with Retry-After; nothing processed. */
  http503: 'http503',
  /** Processed (shipments stored), then the socket is destroyed unanswered. */
  dropAfterCommit: 'dropAfterCommit',
  /** Processed, then headers and half the body are written and the socket is destroyed. */
  halfResponse: 'halfResponse',
  /** Never answered; nothing processed. */
  timeout: 'timeout',
  /** Processed, then answered with half the envelope (length matching): XML that does not parse. */
  malformedXml: 'malformedXml',
  /** Answered outFlag 2 / errCode 936 ("unexpected error") without processing. */
  unexpectedError: 'unexpectedError',
} as const
export type YurticiFault = (typeof YurticiFault)[keyof typeof YurticiFault]

/** errCodes: the documented ones (protocols/yurtici/yurtici.codes.ts, shared with the connector) and two placeholders. */
export const YkCode = {
  ...YurticiErrCode,
  /** Placeholder, not from Yurtiçi's documents: the throttle code the emulator sends (§1 names none). */
  throttled: 82521,
  /** Placeholder as well: a repeated saveReturnShipmentCode when `repeatedReturnCode` is 'error' (§1 says nothing). */
  returnCodeExists: 82522,
} as const

/**
 * Our Turkish wording: the doc gives the codes, not the texts, except "İade isteği alınmıştır"
 * (a cancel after IND) which is quoted in docs/reference/carriers.md §1.
 */
export const YkText = {
  success: 'İşlem başarılı.',
  allFailed: 'Kayıtların hiçbiri işlenemedi.',
  unexpected: 'Beklenmeyen bir hata oluştu.',
  cargoKeyMissing: 'Kargo anahtarı (cargoKey) boş olamaz.',
  cargoKeyTooLong: 'Kargo anahtarı (cargoKey) en fazla 20 karakter olabilir.',
  cargoKeyExists: 'Bu kargo anahtarı (cargoKey) daha önce kullanılmıştır.',
  invoiceKeyMissing: 'Fatura anahtarı (invoiceKey) boş olamaz.',
  invoiceKeyInvalid: 'Fatura anahtarı (invoiceKey) en fazla 20 karakter olabilir.',
  nameMissing: 'Alıcı adı boş olamaz.',
  nameInvalid: 'Alıcı adı 5-200 karakter olmalı ve en az 4 harf içermelidir.',
  addressMissing: 'Alıcı adresi boş olamaz.',
  addressInvalid: 'Alıcı adresi 10-500 karakter olmalıdır.',
  codAmountMissing: 'Tahsilatlı gönderide fatura tutarı (ttInvoiceAmount) zorunludur.',
  codAmountInvalid: 'Fatura tutarı (ttInvoiceAmount) sıfırdan büyük olmalıdır.',
  codDocumentIdMissing: 'Tahsilatlı gönderide belge numarası (ttDocumentId) zorunludur.',
  codDocumentSaveTypeMissing: 'Tahsilatlı gönderide belge kayıt tipi (ttDocumentSaveType) zorunludur.',
  installmentsMissing: 'Kredi kartı tahsilatında taksit sayısı (dcSelectedCredit) zorunludur.',
  creditRuleInvalid: 'Taksit kuralı (dcCreditRule) 0 veya 1 olmalıdır.',
  installmentsInvalid: 'Taksit sayısı 1-12 arasında olmalıdır.',
  paymentTypeMismatch: 'Ödeme tipi sözleşmenize uygun değildir.',
  collectionTypeInvalid: 'Tahsilat tipi (ttCollectionType) 0 veya 1 olmalıdır.',
  documentSaveTypeInvalid: 'Belge kayıt tipi (ttDocumentSaveType) 0 veya 1 olmalıdır.',
  emailInvalid: 'E-posta adresi geçersizdir.',
  phoneInvalid: 'Alıcı telefonu alan kodu ile birlikte 10 haneli olmalıdır.',
  formatInvalid: (field: string) => `${field} alanının formatı hatalıdır.`,
  cargoKeyNotFound: 'Kargo anahtarı bu kullanıcı için bulunamadı.',
  alreadyCancelled: 'Kargo daha önce iptal edilmiştir.',
  returnRequested: 'İade isteği alınmıştır',
  notCancellable: (status: string) => `${status} durumundaki kargo iptal edilemez.`,
  throttled: 'Aynı gönderi 1 dakika içinde tekrar sorgulanamaz.',
  authUnknownUser: 'Kullanıcı bulunamadı.',
  authWrongPassword: 'Kullanıcı adı veya şifre hatalı.',
  authNotAuthorized: 'Kullanıcının bu işlem için yetkisi yoktur.',
  returnCodeSaved: 'İade kodu kaydedildi.',
  returnCodeConflict: 'İade kodu daha önce farklı bilgilerle tanımlanmıştır.',
  returnCodeExists: 'Bu iade kodu daha önce tanımlanmıştır.',
} as const

/** A WS user. Yurtiçi issues one per payment type; shipments are scoped by the customer (senderCustId). */
export type YurticiUser = Readonly<{
  username: string
  password: string
  senderCustId: number
  /** GO sender pays, AO receiver pays, COD collects on delivery; undefined = any (like the test user). */
  paymentType?: 'GO' | 'AO' | 'COD'
  /** Answers 80265 (not authorized). */
  disabled?: boolean
}>

export type YurticiEmulatorOptions = EmulatorOptions &
  Readonly<{
    /** Default the real service path. */
    path?: string
    /** Default the public test user YKTEST/YK (docs/reference/carriers.md §1). */
    users?: readonly YurticiUser[]
    /**
     * How a bad login is answered: 'fault' (default, §14: SOAP Fault for auth problems) or 'errCode'
     * (outFlag 1 + result errCode, as [HT] saw 1625/1626/80265).
     */
    authFailure?: 'fault' | 'errCode'
    /** §1: "repeated queries within 1 minute raise an exception". Off by default; the fault code is ours. */
    queryThrottle?: Readonly<{ windowMs: number; errCode?: number }> | null
    /** First jobId issued; +1 per job. */
    firstJobId?: number
    /** First docId (12 digits); +1 per issued waybill. */
    firstDocId?: number
    /** saveReturnShipmentCode fieldNames accepted: 16 live, 53/3 test (§1 [YK-EH]). */
    returnCodeFieldNames?: readonly string[]
    /**
     * A saveReturnShipmentCode for a code the customer already has; docs/reference/carriers.md §1 does not say what
     * Yurtiçi answers. 'accept' (default): success again when dates and maxCount match, 82517 when they
     * differ. 'error': every repeat is refused with outFlag 1 + `returnCodeExistsErrCode`.
     */
    repeatedReturnCode?: 'accept' | 'error'
    /** errCode of a refused repeat in 'error' mode. Unpublished; default our placeholder 82522. */
    returnCodeExistsErrCode?: number
    /** {docId} is replaced (§1). */
    trackingUrlTemplate?: string
    /** Where the parcel leaves from (events YK). */
    departureUnit?: Readonly<{ id: string; name: string; city: string; town: string }>
    /** The WSDL text served at ?wsdl; default protocols/yurtici/KOPSWebServices.wsdl. */
    wsdl?: string
    /**
     * Refuse request bodies that break the published schema (protocols/yurtici/) with the SOAP fault
     * a JAX-WS answers, checked with xmllint (sandbox/common/soap-schema.ts). Default false: one xmllint
     * process per request costs 30-50 ms on a busy machine, too much for the fault runs; the contract tests
     * and the desk tests turn it on.
     */
    validateSchema?: boolean
  }>

export type ResolvedOptions = Omit<Required<YurticiEmulatorOptions>, 'queryThrottle' | 'wsdl'> &
  Readonly<{ queryThrottle: Readonly<{ windowMs: number; errCode: number }> | null; wsdl: string | undefined }>

export const DEFAULT_USERS: readonly YurticiUser[] = [{ username: 'YKTEST', password: 'YK', senderCustId: 903427364 }]

export function resolveOptions(o: YurticiEmulatorOptions = {}): ResolvedOptions {
  const resolved = withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    path: SERVICE_PATH,
    users: DEFAULT_USERS,
    authFailure: 'fault',
    queryThrottle: null,
    firstJobId: 71500001,
    firstDocId: 100000000001,
    returnCodeFieldNames: ['16', '53', '3'],
    repeatedReturnCode: 'accept',
    returnCodeExistsErrCode: YkCode.returnCodeExists,
    trackingUrlTemplate: 'http://selfservis.yurticikargo.com/reports/SSWDocumentDetail.aspx?DocId={docId}',
    departureUnit: { id: '1143', name: 'ŞİŞLİ', city: 'İSTANBUL', town: 'ŞİŞLİ' },
    wsdl: '',
    validateSchema: false,
  })
  const throttle = resolved.queryThrottle
  return { ...resolved, queryThrottle: throttle ? { windowMs: throttle.windowMs, errCode: throttle.errCode ?? YkCode.throttled } : null, wsdl: o.wsdl }
}
