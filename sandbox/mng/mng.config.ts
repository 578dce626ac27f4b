import { MNG_STATUS_NAMES, MngDocumentedErrorCode, MngDocumentedMessage } from '../../protocols/mng/mng.codes'
import { MNG_BASE_PATH, MngOperations, MngProduct } from '../../protocols/mng/mng.operations'

/**
 * Options, paths and wire vocabulary of the local MNG Kargo / DHL eCommerce Türkiye "Apizone"
 * emulator (docs/reference/carriers.md §3, §12, §13, §14). What docs/reference/carriers.md states is fixed here; what it leaves
 * open (error codes other than 3002/20001, HTTP statuses of refusals, rate limit, whether a second
 * createbarcode re-issues, array or object envelopes) is an option or a placeholder, marked as such.
 */

import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions, type RateLimitOption } from '../common/emulator-options'

/** The base, the API products and the operations of §3 (method, path, product, JWT): protocols/mng/mng.operations.ts, shared with the connector. */
export { MNG_BASE_PATH, MngOperations, MngProduct }

/** Paths of §3 below MNG_BASE_PATH, by operation (cancelorder, the queries and getdistricts take /{param}). */
export const MngPath = Object.fromEntries(Object.entries(MngOperations).map(([name, o]) => [name, o.path])) as {
  readonly [K in keyof typeof MngOperations]: (typeof MngOperations)[K]['path']
}

/** shipmentStatusCode values and their eventStatus text: protocols/mng/mng.codes.ts, shared with the connector. */
export const MngStatusName: Readonly<Record<number, string>> = MNG_STATUS_NAMES

/** eventStatusEn: docs/reference/carriers.md names the field, not its values; this English wording is ours. */
export const MngStatusNameEn: Readonly<Record<number, string>> = {
  1: 'Shipment_Prepared',
  2: 'In_Transfer',
  3: 'Arrived_At_Delivery_Unit',
  4: 'Directed_To_Recipient_Address',
  5: 'Delivered',
  6: 'Not_Delivered',
  7: 'Returning',
  8: 'Support_Required',
}

/**
 * error.Code values. 3002 and 20001 (and their messages) are documented (§3); every other value is
 * an emulator placeholder: MNG publishes no list, so a connector must read the HTTP status and the
 * message, never these numbers.
 */
export const MngErrorCode = {
  ...MngDocumentedErrorCode,
  // Placeholders, not from MNG's documents:
  validation: '90400',
  loginFailed: '90401',
  tokenInvalid: '90402',
  recordNotFound: '90404',
  notCancellable: '90409',
  barcodeAlreadyCreated: '90410',
  orderHasShipment: '90411',
} as const
export type MngErrorCode = (typeof MngErrorCode)[keyof typeof MngErrorCode]

/** Messages in MNG's upper-case style; only the first two are documented wording. */
export const MngMessage = {
  ...MngDocumentedMessage,
  loginFailed: 'MÜŞTERİ NUMARASI VEYA ŞİFRE HATALI!',
  tokenInvalid: 'GEÇERSİZ VEYA SÜRESİ DOLMUŞ TOKEN!',
  recordNotFound: 'KAYIT BULUNAMADI!',
  notCancellable: 'GÖNDERİ İŞLEM GÖRDÜĞÜ İÇİN İPTAL EDİLEMEZ!',
  barcodeAlreadyCreated: 'BU SİPARİŞ İÇİN BARKOD DAHA ÖNCE OLUŞTURULMUŞ!',
  orderHasShipment: 'SİPARİŞ GÖNDERİYE DÖNÜŞTÜĞÜ İÇİN İPTAL EDİLEMEZ, GÖNDERİ İPTALİ YAPINIZ!',
  invalidJson: 'İSTEK GÖVDESİ OKUNAMADI!',
  apiVersionMissing: 'x-api-version BAŞLIĞI ZORUNLUDUR!',
} as const

/** Tracking page of §3 [HT]. */
export const trackingUrlFor = (shipmentId: string): string => `https://kargotakip.dhlecommerce.com.tr/?takipNo=${encodeURIComponent(shipmentId)}`

/** An Apizone application: the X-IBM-Client-Id / X-IBM-Client-Secret pair and its product subscriptions. */
export type MngApp = Readonly<{ clientId: string; clientSecret: string; products?: readonly MngProduct[] }>

/** An MNG customer account: what POST /token takes (identityType 1). */
export type MngAccount = Readonly<{ customerNumber: string; password: string }>

export const DEFAULT_APP: MngApp = { clientId: 'kargojet-apizone-client', clientSecret: 'kargojet-apizone-secret' }
export const DEFAULT_ACCOUNT: MngAccount = { customerNumber: '1000012345', password: 'Test.1234' }

/** What a second createbarcode for a reference that already has a shipment does (not documented). */
export const RepeatBarcode = {
  /** Refused (default): §13 [HT] says the label is not re-issued later. */
  refuse: 'refuse',
  /** A second shipment is made: the worst case, for tests that must prove a connector never asks twice. */
  newShipment: 'newShipment',
} as const
export type RepeatBarcode = (typeof RepeatBarcode)[keyof typeof RepeatBarcode]

export type MngEmulatorOptions = EmulatorOptions &
  Readonly<{
    apps?: readonly MngApp[]
    accounts?: readonly MngAccount[]
    /** JWT lifetime; not documented. Default 1 hour. */
    tokenTtlMs?: number
    /** HTTP status of {"error":{…}} refusals. The specs declare 200/400/401/500 (MNG-KUKA); default 400. */
    errorHttpStatus?: number
    /** HTTP status of "no such record" answers (not documented). Default 400; 404 to test the other reading. */
    notFoundHttpStatus?: number
    /** createbarcode answers 20001 this many times per order, and/or for this long after createOrder (§3: ~5–10 s). Default 0/0. */
    barcodeNotReady?: Readonly<{ attempts?: number; forMs?: number }>
    repeatBarcode?: RepeatBarcode
    /** createbarcode: one array element per piece (default, MNG-LOGEDO tests) or one element with every barcode. */
    barcodeElementPerPiece?: boolean
    /** getorder / getshipment / getshipmentstatus as one-element arrays (§3: "object or 1-elem array"). Default false. */
    singleObjectsAsArray?: boolean
    /** eventStatus with underscores (default) or spaces (§3: "text appears with spaces or underscores"). */
    statusTextWithSpaces?: boolean
    /** When set, requests without this x-api-version are refused (one client calls it mandatory; unverified). */
    requireApiVersion?: string | null
    /** MNG publishes no limit: off by default. 429 with Retry-After when hit. */
    rateLimit?: RateLimitOption
    /** First shipmentId handed out (12 digits, MNG-LOGEDO sample 369845765006). */
    firstShipmentId?: number
  }>

export type ResolvedOptions = Omit<Required<MngEmulatorOptions>, 'barcodeNotReady'> &
  Readonly<{ barcodeNotReady: Readonly<{ attempts: number; forMs: number }> }>

export function resolveOptions(o: MngEmulatorOptions = {}): ResolvedOptions {
  const resolved = withDefaults(o, {
    ...EMULATOR_DEFAULTS,
    apps: [DEFAULT_APP],
    accounts: [DEFAULT_ACCOUNT],
    tokenTtlMs: 60 * 60_000,
    errorHttpStatus: 400,
    notFoundHttpStatus: 400,
    barcodeNotReady: {},
    repeatBarcode: RepeatBarcode.refuse,
    barcodeElementPerPiece: true,
    singleObjectsAsArray: false,
    statusTextWithSpaces: false,
    requireApiVersion: null,
    rateLimit: null,
    firstShipmentId: 369_845_765_006,
  })
  return { ...resolved, barcodeNotReady: { attempts: o.barcodeNotReady?.attempts ?? 0, forMs: o.barcodeNotReady?.forMs ?? 0 } }
}

/** "dd.MM.yyyy HH:mm:ss" or "dd-MM-yyyy HH:mm:ss" in Turkey time (UTC+3 all year since 2016). */
export function turkeyDateTime(ms: number, separator: '.' | '-'): string {
  const d = new Date(ms + 3 * 3_600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  const date = [p(d.getUTCDate()), p(d.getUTCMonth() + 1), String(d.getUTCFullYear())].join(separator)
  return `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}
