import { createHash } from 'node:crypto'
import type { LoggedHttpRequest } from '../common/http-emulator'
import type { ValidOrder, ValidPiece } from './mng.validation'
import { IssuedTokens } from '../common/issued-tokens'

/** One trackshipment event as §3 shows it. */
export type MngTrackEvent = {
  /** shipmentStatusCode the event moved the shipment to (kept for tests; not on the wire). */
  code: number
  eventStatus: string
  eventStatusEn: string
  /** "dd-MM-yyyy HH:mm:ss", Turkey time. */
  eventDateTime: string
  location: string
  description: string
}

/** A shipment createbarcode made from an order. */
export type EmulatedShipment = {
  referenceId: string
  shipmentId: string
  invoiceId: string
  customerNumber: string
  pieces: ValidPiece[]
  statusCode: number
  events: MngTrackEvent[]
  deliveredAt: number | null
  cancelled: boolean
  /** Lira, as getshipment's shipment.finalTotal. */
  finalTotal: number
  createdAt: number
}

/** An order createOrder stored, with the shipments createbarcode made from it. */
export type EmulatedOrder = {
  referenceId: string
  customerNumber: string
  orderInvoiceId: string
  orderInvoiceDetailId: string
  shipperBranchCode: string
  /** The body as received, for tests that check field mapping. */
  body: ValidOrder
  createdAt: number
  cancelled: boolean
  /** 20001 answers given so far (options.barcodeNotReady.attempts). */
  notReadyAnswers: number
  shipments: EmulatedShipment[]
}

export type MngLoggedRequest = LoggedHttpRequest & { at: number }

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url')

/** Everything the emulator remembers; deterministic ids so a failing run can be replayed. */
export class MngState {
  readonly orders: EmulatedOrder[] = []
  readonly shipments: EmulatedShipment[] = []
  readonly requests: MngLoggedRequest[] = []
  private readonly byRef = new Map<string, EmulatedOrder>()
  private readonly tokens = new IssuedTokens()
  private orderSeq = 0
  private shipmentSeq = 0

  constructor(private readonly firstShipmentId: number) {}

  /** The order under a referenceId, cancelled or not. */
  order(referenceId: string): EmulatedOrder | undefined {
    return this.byRef.get(referenceId)
  }

  /** The live (not cancelled) shipment of an order: the last one made. */
  liveShipment(o: EmulatedOrder): EmulatedShipment | undefined {
    return o.shipments.filter((s) => !s.cancelled).at(-1)
  }

  shipmentById(shipmentId: string): EmulatedShipment | undefined {
    return this.shipments.find((s) => s.shipmentId === shipmentId)
  }

  addOrder(customerNumber: string, body: ValidOrder, now: number): EmulatedOrder {
    this.orderSeq += 1
    const o: EmulatedOrder = {
      referenceId: body.order.referenceId,
      customerNumber,
      orderInvoiceId: `SP${String(700_000 + this.orderSeq)}`,
      orderInvoiceDetailId: String(9_100_000 + this.orderSeq),
      shipperBranchCode: '3401',
      body,
      createdAt: now,
      cancelled: false,
      notReadyAnswers: 0,
      shipments: [],
    }
    this.orders.push(o)
    this.byRef.set(o.referenceId, o)
    return o
  }

  addShipment(o: EmulatedOrder, pieces: ValidPiece[], finalTotal: number, now: number): EmulatedShipment {
    const s: EmulatedShipment = {
      referenceId: o.referenceId,
      // 12 digits and an FM invoice id, as the MNG-LOGEDO samples (369845765006, FM381358).
      shipmentId: String(this.firstShipmentId + this.shipmentSeq),
      invoiceId: `FM${String(381_358 + this.shipmentSeq)}`,
      customerNumber: o.customerNumber,
      pieces,
      statusCode: 1,
      events: [],
      deliveredAt: null,
      cancelled: false,
      finalTotal,
      createdAt: now,
    }
    this.shipmentSeq += 1
    o.shipments.push(s)
    this.shipments.push(s)
    return s
  }

  /** A JWT-shaped token (header.payload.signature) with an exp claim; its expiry in Turkey time goes in jwtExpireDate. */
  issueToken(customerNumber: string, now: number, ttlMs: number): { jwt: string; refreshToken: string; expiresAt: number } {
    const expiresAt = now + ttlMs
    const jwt = this.tokens.issue(customerNumber, expiresAt, (seq) => {
      const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
      const payload = b64url(JSON.stringify({ sub: customerNumber, jti: seq, exp: Math.floor(expiresAt / 1000) }))
      return `${head}.${payload}.${createHash('sha256').update(`${head}.${payload}:mng-emulator`).digest('base64url')}`
    })
    const refreshToken = createHash('sha256').update(`refresh:${jwt}`).digest('hex')
    return { jwt, refreshToken, expiresAt }
  }

  /** The customer behind a live token, or null (unknown or expired). */
  tokenCustomer(jwt: string, now: number): string | null {
    return this.tokens.ownerOf(jwt, now)
  }

  expireTokens(): void {
    this.tokens.clear()
  }
}
