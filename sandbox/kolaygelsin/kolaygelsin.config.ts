/**
 * Options, paths and wire vocabulary of the local Kolay Gelsin emulator (docs/reference/carriers.md §7, §14;
 * messages, fields and event types from Kolay Gelsin's integration doc [KG]). What the doc leaves
 * open is an option, marked so: the HTTP status of errors, the status payload's shape, which
 * events the "Webhook Ayarlar" tab reports, whether a repeated CustomerSpecificCode is refused.
 */

import { KG_EVENT_TYPES } from '../../protocols/kolaygelsin/kolaygelsin.codes'
import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'

/** POST {origin}/api/request/{Method} (test https://apibeta.klyglsn.com, live https://api.kolaygelsin.com). */
export const KG_REQUEST_PATH = '/api/request'

export const KgMethodName = {
  SaveRecipient: 'SaveRecipient',
  SaveIntegrationShipment: 'SaveIntegrationShipment',
  /** Not in the published swagger.json: served only with the option serveUndeclaredV2. */
  SaveIntegrationShipmentV2: 'SaveIntegrationShipmentV2',
  CancelPickupAndDelivery: 'CancelPickupAndDelivery',
  GetCorporateShipmentsStatus: 'GetCorporateShipmentsStatus',
  GetCorporateCustomerCargoEventTypes: 'GetCorporateCustomerCargoEventTypes',
} as const
export type KgMethodName = (typeof KgMethodName)[keyof typeof KgMethodName]

/** ResultMessage texts of [KG]; the last three are the emulator's own words for cases the doc does not cover. */
export const KgMessage = {
  customerNotFound: 'CustomerNotFound',
  addressNotOwned: 'Adres müşteriye ait değil',
  noContactsFound: 'NoContactsFound',
  errorSavingReceiver: 'ErrorSavingReceiver',
  identityRequired: 'IdentityNumberEntryIsRequired',
  identityNotValid: 'IdentityNumberNotValid',
  taxRequired: 'TaxIdentificationNumberInputIsRequired',
  taxNotValid: 'TaxIdentificationNumberNotValid',
  identityBadChars: 'Alici kimlik numarasinda gecersiz karakterler bulunuyor',
  taxBadChars: 'Alici vergi kimlik numarasinda gecersiz karakterler bulunuyor',
  cityNotFound: 'CityNotFound',
  geoCodeFail: 'GeoCodeFail',
  outOfCoverage: 'Bu kordinatta kurye çalışma alanı bulunamamıştır.',
  orderNotSaved: 'Sipariş kaydedilemedi. Hata detayı: Object reference not set to an instance of an object.',
  somethingWentWrong: 'SomethingWentWrong',
  moveOptionNotFound: 'MoveOptionNotFound',
  codNotAllowed: 'Tahsilatlı kargo yapılamaz.',
  allListsEmpty: 'Parametrelerin hepsi boş olamaz',
  shipmentNotFound: 'ShipmentNotFound',
  alreadyDelivered: 'ShipmentAlreadyDelivered',
  duplicateCode: 'CustomerSpecificCodeAlreadyExists',
} as const

/** ResultCode of each refusal: 404.1 for the sender address ([KG]), 500.0 for everything else. */
export const resultCodeOf = (message: string): string => (message === KgMessage.addressNotOwned ? '404.1' : '500.0')

/** CargoEventType descriptions of the webhook table [KG]: protocols/kolaygelsin/kolaygelsin.codes.ts, shared with the connector. */
export { KG_EVENT_TYPES }

/** One Kolay Gelsin customer: the token and ids Kolay Gelsin issues ([KG] "Token, müşteri numaranız ve Adres ID niz"). */
export type KgAccount = Readonly<{
  token: string
  /** Envelope "Username". */
  username: string
  customerId: number
  addressIds: readonly number[]
  /** The contract allows cash-on-delivery. Default true. */
  codAllowed?: boolean
  /** The customer has a webhook definition; without one the status query answers CustomerNotFound ([KG]). Default true. */
  webhookIntegrated?: boolean
  /** Plate codes inside the courier area; null = all 81. */
  coveredCityIds?: readonly number[] | null
}>

export const DEFAULT_KG_ACCOUNT: KgAccount = { token: 'kg-test-token-7f3a9c', username: 'kargojet.api', customerId: 20, addressIds: [28] }

/** How the emulator's webhook sender authenticates (the merchant's choice in [KG]: Basic, or a hash header with No Auth). */
export type KgWebhookAuth =
  | Readonly<{ scheme: 'basic'; username: string; password: string }>
  | Readonly<{ scheme: 'hash'; value: string; headerName?: string }>
  | Readonly<{ scheme: 'none' }>

export type KolayGelsinEmulatorOptions = EmulatorOptions &
  Readonly<{
    accounts?: readonly KgAccount[]
    /** HTTP status of refusals: 200 (the doc: errors travel in ResultCode) or 500 (the swagger's "500: İşlem başarısız"). Default 200. */
    errorHttpStatus?: 200 | 500
    /** Payload of GetCorporateShipmentsStatus: the bare array as the published swagger.json, or {ShipmentModelList:[…]} as the integration doc. Default "array". */
    statusPayloadShape?: 'object' | 'array'
    /** Events the "Webhook Ayarlar" tab selected; only these are reported by the status query and webhook. Default: all. */
    reportedEvents?: readonly number[] | null
    /** The doc is silent on a repeated CustomerSpecificCode; default false stores a second shipment (the worst case for a client). */
    rejectDuplicateCode?: boolean
    /** What the status query answers when no shipment matches; not documented. `emptyList` (default) or a refusal "ShipmentNotFound". */
    unknownKeyAnswer?: 'emptyList' | 'notFound'
    /** Kolay Gelsin publishes no limit: off by default. 429 + Retry-After when hit. */
    rateLimit?: RateLimitOption
    /** Where every new event is POSTed (flat webhook body of [KG]), one post per parcel. */
    webhook?: Readonly<{ url: string; auth: KgWebhookAuth }> | null
    /**
     * Serve SaveIntegrationShipmentV2 (recipient inline). The published swagger.json does not declare it;
     * older integrations mention it. Default false: the route answers 404 like any undeclared one.
     */
    serveUndeclaredV2?: boolean
    /**
     * Refuse request bodies that break the published schemas (protocols/kolaygelsin/swagger.json) with
     * ASP.NET Web API's model-validation answer: 400 {Message, ModelState}. Default true.
     */
    validateSchema?: boolean
  }>

export type ResolvedOptions = Omit<Required<KolayGelsinEmulatorOptions>, 'reportedEvents'> & Readonly<{ reportedEvents: ReadonlySet<number> | null }>

export function resolveOptions(o: KolayGelsinEmulatorOptions = {}): ResolvedOptions {
  const resolved = withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    accounts: [DEFAULT_KG_ACCOUNT],
    errorHttpStatus: 200,
    statusPayloadShape: 'array',
    reportedEvents: null,
    rejectDuplicateCode: false,
    unknownKeyAnswer: 'emptyList',
    rateLimit: null,
    webhook: null,
    serveUndeclaredV2: false,
    validateSchema: true,
  })
  return { ...resolved, reportedEvents: resolved.reportedEvents ? new Set(resolved.reportedEvents) : null }
}
