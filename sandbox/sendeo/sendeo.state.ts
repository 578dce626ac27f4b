import { createHash } from 'node:crypto'
import type { LoggedHttpRequest } from '../common/http-emulator'
import { SENDEO_STATUSES } from './sendeo.config'
import { IssuedTokens } from '../common/issued-tokens'

/** One statusHistories entry as the emulator keeps it (time in ms, formatted on the way out). */
export type SendeoHistoryEntry = { statusId: number; atMs: number }

/** One parcel line of SETDELIVERY products[] as read (case-insensitively). */
export type SendeoProductLine = { count: number; deci: number; weigth: number; deciWeight: number; price: number }

/** One delivery (iş emri) the emulator holds, in creation order. */
export type EmulatedSendeoDelivery = {
  referenceNo: string
  trackingNumber: string
  musteri: string
  deliveryType: number
  sender: { name: string; address: string; cityId: number; districtId: number; phone: string }
  receiver: { name: string; address: string; cityId: number; districtId: number; phone: string }
  collectionType: number
  collectionPrice: number
  products: SendeoProductLine[]
  /** One per parcel (sum of products[].Count): "Count toplamı kadar barkod numarası oluşur". */
  barcodeNumbers: string[]
  customerReferenceType: string
  /** The body as received, for tests that check field mapping. */
  body: Record<string, unknown>
  createdAtMs: number
  history: SendeoHistoryEntry[]
}

export type SendeoLoggedRequest = LoggedHttpRequest & { at: number }

export class SendeoState {
  readonly deliveries: EmulatedSendeoDelivery[] = []
  readonly requests: SendeoLoggedRequest[] = []
  private readonly tokens = new IssuedTokens()
  private readonly failedLogins = new Map<string, number>()
  private readonly trackCache = new Map<string, { atMs: number; body: string }>()
  private trackingSeq = 0

  /** The newest delivery of this account under a reference or tracking number (a repeated reference may exist twice). */
  find(musteri: string | null, key: string): EmulatedSendeoDelivery | undefined {
    for (let i = this.deliveries.length - 1; i >= 0; i--) {
      const d = this.deliveries[i] as EmulatedSendeoDelivery
      if ((musteri === null || d.musteri === musteri) && (d.referenceNo === key || d.trackingNumber === key)) return d
    }
    return undefined
  }

  /** 13-digit tracking numbers like the doc's 9124356789047, in sequence. */
  nextTrackingNumber(): string {
    this.trackingSeq += 1
    return `91${String(this.trackingSeq).padStart(11, '0')}`
  }

  add(d: EmulatedSendeoDelivery): void {
    this.deliveries.push(d)
  }

  /** A JWT-looking token (the real ones are HS256 JWTs); deterministic per run. */
  issueToken(musteri: string, nowMs: number, ttlMs: number): string {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    return this.tokens.issue(musteri, nowMs + ttlMs, (seq) => {
      const sig = createHash('sha256').update(`${musteri}:${seq}`).digest('base64url').slice(0, 43)
      return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ name: musteri, seq, exp: Math.floor((nowMs + ttlMs) / 1000) })}.${sig}`
    })
  }

  tokenUser(token: string, nowMs: number): string | null {
    return this.tokens.ownerOf(token, nowMs)
  }

  expireTokens(): void {
    this.tokens.clear()
  }

  /** Counts a wrong password; returns the consecutive count. */
  loginFailed(musteri: string): number {
    const n = (this.failedLogins.get(musteri) ?? 0) + 1
    this.failedLogins.set(musteri, n)
    return n
  }

  failedLoginCount(musteri: string): number {
    return this.failedLogins.get(musteri) ?? 0
  }

  loginSucceeded(musteri: string): void {
    this.failedLogins.delete(musteri)
  }

  cachedTrack(key: string, nowMs: number, ttlMs: number): string | null {
    const c = this.trackCache.get(key)
    return c && ttlMs > 0 && nowMs - c.atMs < ttlMs ? c.body : null
  }

  cacheTrack(key: string, nowMs: number, body: string): void {
    this.trackCache.set(key, { atMs: nowMs, body })
  }
}

export function currentStatusId(d: EmulatedSendeoDelivery): number {
  return d.history.at(-1)?.statusId ?? 101
}

export function statusName(id: number): readonly [string, string] {
  return SENDEO_STATUSES[id] ?? [`Statü ${id}`, `Statü ${id}`]
}
