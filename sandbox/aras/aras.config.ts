/**
 * Options, defaults and codes of the Aras Kargo emulator (published files: protocols/aras/;
 * behaviour: docs/reference/carriers.md §2, §14, the project's carrier notes, not yet in this repository).
 * Where the documents are silent (the code for "no barcode permission", what the lookups and the
 * query service do with wrong credentials, a rate limit) the behaviour is an option with a comment.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'

/** Documented paths (docs/reference/carriers.md §2); the emulator serves all four on one origin. */
export const ARAS_PATHS = {
  testShipment: '/arascargoservice/arascargoservice.asmx',
  liveShipment: '/arascargoservice.asmx',
  testQuery: '/ArasCargoIntegrationService.svc',
  liveQuery: '/ArasCargoCustomerIntegrationService/ArasCargoIntegrationService.svc',
} as const

export const SHIPMENT_OPERATIONS = ['SetOrder', 'GetOrder', 'GetOrderWithIntegrationCode', 'CancelDispatch', 'GetBarcode'] as const
export type ShipmentOperation = (typeof SHIPMENT_OPERATIONS)[number]
/** "test user … only SetOrder, GetOrder, GetOrderWithIntegrationCode, CancelDispatch" (§2). */
export const TEST_PATH_OPERATIONS: readonly string[] = ['SetOrder', 'GetOrder', 'GetOrderWithIntegrationCode', 'CancelDispatch']
export const QUERY_ACTION_PREFIX = 'http://tempuri.org/IArasCargoIntegrationService/'

export type ArasEmulatorUser = Readonly<{
  username: string
  password: string
  /** May call GetBarcode (docs/reference/carriers.md §2: "accounts with barcode permission only"). */
  barcodePermitted?: boolean
  /** Answer every SetOrder with this account-setup code (1002 integration info, 1003 no branch, 1006 no dispatch address). */
  accountProblem?: '1002' | '1003' | '1006'
}>

export type ArasQueryUser = Readonly<{ username: string; password: string; customerCode: string }>

export type ArasEmulatorOptions = EmulatorOptions &
  Readonly<{
    /** Shipment-service users. Default: the documented test user neodyum/nd2580 (no barcode permission). */
    users?: readonly ArasEmulatorUser[]
    /** Query-service users. Default: neodyum/nd2580, CustomerCode 1932448851342 (§2). */
    queryUsers?: readonly ArasQueryUser[]
    /** Test-scenario rules: IntegrationCode and BarcodeNumber digits only, ≥6 characters (935/70022). Default true. */
    testScenarioRules?: boolean
    /** 'documented': GetBarcode is not offered on the test path (§2); 'all' offers it there too. Default 'documented'. */
    testPathOperations?: 'documented' | 'all'
    /** GetBarcode answers 1004 until this long after the order was first stored. Default 0. */
    barcodeReadyAfterMs?: number
    /** ResultCode for GetBarcode without permission: not documented, so configurable. Default '1001'. */
    barcodeDeniedCode?: string
    /** CancelDispatch success: 0 (docs/reference/carriers.md) or 1 ("[kod] Başarılı bir şekilde silindi", SetOrder doc). Default '0'. */
    cancelSuccessCode?: '0' | '1'
    /** "Bir siparişe ait bilgiler en fazla 20 kez gönderilebilir" (935). Default 20. */
    maxSends?: number
    /** Refuse pieces without VolumetricWeight (70023) / Weight (70024). The doc marks both optional. Default false. */
    pieceMeasuresRequired?: boolean
    /** Wrong credentials on GetOrder/GetOrderWithIntegrationCode (undocumented): a soap:Server fault or an empty list. Default 'fault'. */
    lookupAuthFailure?: 'fault' | 'empty'
    /** Wrong LoginInfo on GetQueryJSON (undocumented): a fault, or JSON {"QueryResult":{"Error":…}}. Default 'fault'. */
    queryAuthFailure?: 'fault' | 'json'
    /** Movement column names: clients read ISLEM_TARIHI…; §2 writes İŞLEM TARİHİ…. Default 'ascii'. */
    movementKeys?: 'ascii' | 'turkish'
    /** Not documented for Aras; null = unlimited. Over the limit: HTTP 429 + Retry-After (seconds). */
    rateLimit?: RateLimitOption
    /** First 13-digit tracking number handed out (then +1 each). */
    firstTrackingNumber?: number
    /** Push each status change to a customer service ("Push option", docs/reference/carriers.md §2). Default null (off). */
    push?: ArasPushTarget | null
    /**
     * Refuse request bodies that break the published schema (protocols/aras/) with the SOAP fault
     * ASMX and WCF answers, checked with xmllint (sandbox/common/soap-schema.ts). Default false: one xmllint
     * process per request costs 30-50 ms on a busy machine, too much for the fault runs; the contract tests
     * and the desk tests turn it on.
     */
    validateSchema?: boolean
  }>

/**
 * Where and how the emulator pushes status changes. docs/reference/carriers.md §2 names only the fields
 * (`IntegrationCode, CargoStatus, ProcessDate, Description, UserName, Password` → `Result,
 * ErrorDescription`); everything else is undocumented and so configurable.
 */
export type ArasPushTarget = Readonly<{
  url: string
  /** The UserName/Password the customer gave Aras for its service. */
  username: string
  password: string
  /** Wire format. Default 'soap11'. */
  format?: 'soap11' | 'soap12' | 'json' | 'form'
  /** SOAP operation element (SOAPAction = namespace + operation). Default 'CargoStatusPush'. */
  operation?: string
  /** SOAP operation namespace. Default http://tempuri.org/ (Aras's own services). */
  namespace?: string
  /** ProcessDate as 'turkish' "dd.MM.yyyy HH:mm:ss" in Turkish time (default, as Aras's query dates) or 'iso'. */
  dateFormat?: 'turkish' | 'iso'
  /** Tries per push, the first included, on a non-2xx answer, Result false or a network error. Default 3. */
  attempts?: number
  /** Pause between tries. Default 100. */
  retryDelayMs?: number
}>

export type ResolvedOptions = Required<ArasEmulatorOptions>

export const DEFAULT_USERS: readonly ArasEmulatorUser[] = [{ username: 'neodyum', password: 'nd2580' }]
export const DEFAULT_QUERY_USERS: readonly ArasQueryUser[] = [{ username: 'neodyum', password: 'nd2580', customerCode: '1932448851342' }]

export function resolveOptions(o: ArasEmulatorOptions): ResolvedOptions {
  return withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    users: DEFAULT_USERS,
    queryUsers: DEFAULT_QUERY_USERS,
    testScenarioRules: true,
    testPathOperations: 'documented',
    barcodeReadyAfterMs: 0,
    barcodeDeniedCode: '1001',
    cancelSuccessCode: '0',
    maxSends: 20,
    pieceMeasuresRequired: false,
    lookupAuthFailure: 'fault',
    queryAuthFailure: 'fault',
    movementKeys: 'ascii',
    rateLimit: null,
    firstTrackingNumber: 3_400_000_000_001,
    push: null,
    validateSchema: false,
  })
}

/** ResultMessages as the SetOrder / CancelDispatch docs word them. */
export const ArasText = {
  ok: 'Başarılı',
  nameTooLong: 'Alıcı Adı En Fazla 100 Karakter Uzunluğunda Olmalıdır.',
  integrationCode: 'IntegrationCode alanı boş olamaz veya uzunluk hatası (2-32 karakter).',
  tooManySends: 'Bir siparişe ait bilgiler en fazla 20 kez gönderilebilir.',
  phone: 'ReceiverPhone1 alanı zorunludur veya sadece sayılardan oluşmalıdır.',
  nameAddress: 'Alıcı Adresi/Adı girilmeli veya Argo kelime içermemelidir.',
  cityTown: 'Şehir/İlçe adı girilmeli (Maks 32 karakter).',
  payorCod: 'PayorTypeCode sadece 1 veya 2 olabilir. IsCod sadece 0 veya 1 olabilir.',
  codCollection: 'CodCollectionType sadece 0 veya 1 olabilir.',
  receiverPaysCod: 'Alıcı Ödemeli Tahsilatlı Kargo Gönderisi Yapılamamaktadır.',
  auth: 'Kullanıcı Adı ve Şifre yanlış.',
  integrationInfo: 'Entegrasyon bilgi hatası.',
  noBranch: 'Aras Şube Bilgisi Tanımlı Değil.',
  noDispatchAddress: 'Sevk adresi bulunamadı / Aktif değil.',
  generic: 'Bir hata oluştu.',
  notSaved: 'Kayıt Yapılamadı.',
  noOrder: 'En az bir adet sipariş bilgisi göndermeniz gerekmektedir.',
  waybillCut: 'İrsaliyesi kesildiği için bilgiler güncellenemez.',
  addressTooLong: 'ReceiverAddress en fazla 250 karakter olabilir.',
  invoiceTooLong: 'InvoiceNumber en fazla 20 karakter olabilir.',
  pieceCount: "Koli sayısı 0'dan büyük olmalı / Toplam parça sayısı gönderilmeli.",
  pieceBarcodeMissing: 'Parça bilgilerinde barcode bilgisi eksik.',
  volumeMissing: 'Parça bilgilerinde desi bilgisi eksik.',
  weightMissing: 'Parça bilgilerinde kg bilgisi eksik.',
  volumeNotDecimal: 'Volume değeri decimal olmalı.',
  barcodeSentBefore: 'Barkod daha önce gönderilmiş.',
  codRange: 'CodAmount değeri 5 ile 5000 TL arasında olmalıdır.',
  weightNotDecimal: 'Weight değeri decimal olmalı.',
  duplicatePieceBarcodes: 'Parçaların barkod numaraları aynı olamaz.',
  waybillTooLong: 'TradingWaybillNumber 16 karakterden fazla olamaz.',
  waybillMissing: 'TradingWaybillNumber boş olamaz.', // code 70121 for "missing" is our choice: the doc gives none
  cancelCut: 'İrsaliyesi Kesilmiş Sipariş İptal Edilemez.',
  cancelError: 'Hata oluştu',
  notFound: 'Kayıt bulunamadı',
  cancelAuth: 'Kullanıcı adı ve Şifreniz hatalıdır.',
  barcodeNotReady: 'Barkod henüz hazır değil, birkaç saniye sonra tekrar deneyiniz.',
  barcodeDenied: 'Barkod yetkiniz bulunmamaktadır.',
  lookupAuth: 'Server was unable to process request. ---> Kullanıcı adı veya şifre hatalı.',
  queryAuth: 'Kullanıcı adı, şifre veya müşteri kodu hatalı.',
} as const
