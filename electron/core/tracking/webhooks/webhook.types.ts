import type { ArasPushAuth, ArasPushReplyOptions } from '../../carriers/aras/aras.push'
import type { TrackingEvent } from '../../carriers/carrier.port'
import type { KolayGelsinWebhookAuth } from '../../carriers/kolaygelsin/kolaygelsin.webhook'

/** The carriers that push status to the desk, and the path each posts to (POST /webhooks/{id}). */
export const WebhookCarrier = { kolaygelsin: 'kolaygelsin', aras: 'aras' } as const
export type WebhookCarrier = (typeof WebhookCarrier)[keyof typeof WebhookCarrier]

/** What a push names its shipment by; each present key is tried against our shipments (findTrackableByKeys). */
export type WebhookShipmentKeys = Readonly<{ carrierShipmentId?: string; trackingNumber?: string; referenceNo?: string }>

/**
 * Stores one shipment's pushed events. 'unknown' = no shipment of ours has these keys: the receiver
 * still answers 200 (a carrier must not retry that forever) and logs it. A throw answers 500, so the
 * carrier tries again later.
 */
export type WebhookEventsCallback = (carrierId: string, keys: WebhookShipmentKeys, events: readonly TrackingEvent[]) => Promise<'stored' | 'unknown'>

/**
 * A generic HMAC-SHA256 over the raw body, in a header (seed 003 "HMAC imza doğrulama"). Neither
 * carrier documents one; it is for a relay or proxy in front of the desk that signs what it forwards.
 */
export type WebhookSignatureOptions = Readonly<{
  /** Header that carries the signature, any case (e.g. "x-signature"). */
  headerName: string
  secret: string
  /** How the digest is written: 'hex', 'base64', or 'either' (default). */
  encoding?: 'hex' | 'base64' | 'either'
  /** A scheme prefix stripped before comparing, e.g. "sha256=". Default none. */
  prefix?: string
}>

export type KolayGelsinWebhookRoute = Readonly<{
  /** [KG] "WEBHOOK": Basic auth or a hash header; 'none' only behind the IP allow-list or a signature. */
  auth: KolayGelsinWebhookAuth
  /** When set, every post must carry this signature. */
  signature?: WebhookSignatureOptions
}>

export type ArasPushRoute = Readonly<{
  /** The UserName/Password the desk gave Aras for its push (docs/reference/carriers.md §2). */
  auth: ArasPushAuth
  signature?: WebhookSignatureOptions
  /** Shape of the SOAP reply (undocumented; aras.push.ts). Default 'wrapped'. */
  reply?: ArasPushReplyOptions
}>

export type WebhookReceiverOptions = Readonly<{
  /** Default 127.0.0.1. Bind wider only with `allowIps` set. */
  host?: string
  /** Default 0 (an ephemeral port; tests). */
  port?: number
  /**
   * Callers allowed in: exact IPv4/IPv6 addresses or CIDR ranges ("95.0.169.14", "10.0.0.0/8",
   * "2001:db8::/32"). Empty or absent = everyone. IPv4-mapped IPv6 (::ffff:127.0.0.1) counts as IPv4.
   */
  allowIps?: readonly string[]
  /** The Kolay Gelsin route; absent or null = POST /webhooks/kolaygelsin answers 404. */
  kolaygelsin?: KolayGelsinWebhookRoute | null
  /** The Aras push route; absent or null = POST /webhooks/aras answers 404. */
  aras?: ArasPushRoute | null
  /** Larger bodies are refused with 413. Default 256 KiB. */
  maxBodyBytes?: number
  /** Per caller IP, sliding window; over it → 429 + Retry-After. Default 120 per 60 s; null = off. */
  rateLimit?: Readonly<{ limit: number; windowMs: number }> | null
  /** An identical body to the same route within this long is answered 200 without storing again. Default 10 minutes. */
  replayWindowMs?: number
  onEvents: WebhookEventsCallback
  /** Every request's outcome, for the station log; bodies are redacted and headers never included. */
  onLog?: (entry: WebhookLogEntry) => void
  now?: () => number
}>

export const WebhookRefusal = {
  ipNotAllowed: 'ipNotAllowed',
  rateLimited: 'rateLimited',
  notFound: 'notFound',
  methodNotAllowed: 'methodNotAllowed',
  tooLarge: 'tooLarge',
  badSignature: 'badSignature',
  unauthorized: 'unauthorized',
  badBody: 'badBody',
} as const
export type WebhookRefusal = (typeof WebhookRefusal)[keyof typeof WebhookRefusal]

export type WebhookStats = Readonly<{
  /** Requests seen, refused ones included. */
  received: number
  /** Shipments whose events were stored (one post may carry several shipments). */
  stored: number
  /** Shipments no row of ours matched (answered 200, logged). */
  unknown: number
  /** Posts answered from the replay window, not stored again. */
  duplicates: number
  /** Posts the callback failed on (answered 500; the carrier retries). */
  failed: number
  refused: Readonly<Record<WebhookRefusal, number>>
}>

export type WebhookLogEntry = Readonly<{
  at: string
  carrierId: WebhookCarrier | null
  ip: string
  status: number
  outcome: 'stored' | 'unknown' | 'duplicate' | 'failed' | WebhookRefusal
  message: string
  /** The start of a body that was refused or matched no shipment, secrets redacted. */
  bodyExcerpt?: string
}>

export type WebhookReceiver = Readonly<{
  /** http://host:port */
  url: string
  port: number
  /** A snapshot of the counters. */
  readonly stats: WebhookStats
  close(): Promise<void>
}>
