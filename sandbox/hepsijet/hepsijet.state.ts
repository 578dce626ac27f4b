import { createHash } from 'node:crypto'
import type { LoggedHttpRequest } from '../common/http-emulator'
import type { HepsiJetAccount } from './hepsijet.config'
import type { ValidDelivery } from './hepsijet.validation'
import { IssuedTokens } from '../common/issued-tokens'

/** One integration/track detail as HepsiJET sends it (docs/reference/carriers.md §6). */
export type TrackDetail = {
  transactionLocation: string
  /** ISO-8601 with +03:00, as the HJ-DOCS sample. */
  transactionDate: string
  integrationStatus: string
  deliveredPerson?: string
}

/** One delivery the emulator holds, in creation order. */
export type EmulatedDelivery = {
  customerDeliveryNo: string
  customerOrderId: string
  username: string
  companyName: string
  totalParcels: number
  /** Per parcel; a create gives one total, spread evenly until delivery-update sends the real ones. */
  desiPerParcel: number[]
  productCode: string
  receiverName: string
  receiverPhone: string
  recipient: ValidDelivery['recipient']
  senderAddressId: string
  senderXDock: string
  deliveryDateOriginal: string
  /** The body as received, for tests that check field mapping. */
  body: ValidDelivery['body']
  createdAt: string
  details: TrackDetail[]
  deleteReason: string | null
}

export type HepsiJetLoggedRequest = LoggedHttpRequest & { at: number }

export class HepsiJetState {
  readonly deliveries: EmulatedDelivery[] = []
  readonly requests: HepsiJetLoggedRequest[] = []
  private readonly byNo = new Map<string, EmulatedDelivery>()
  private readonly tokens = new IssuedTokens()

  find(customerDeliveryNo: string): EmulatedDelivery | undefined {
    return this.byNo.get(customerDeliveryNo)
  }

  add(d: EmulatedDelivery): void {
    this.deliveries.push(d)
    this.byNo.set(d.customerDeliveryNo, d)
  }

  /** Deterministic per run (sequence + account), unguessable enough for a local emulator. */
  issueToken(account: HepsiJetAccount, now: number, ttlMs: number): string {
    return this.tokens.issue(account.username, now + ttlMs, (seq) => createHash('sha256').update(`${account.username}:${seq}`).digest('hex').slice(0, 40))
  }

  /** The username behind a live token, or null (unknown or expired). */
  tokenUser(token: string, now: number): string | null {
    return this.tokens.ownerOf(token, now)
  }

  expireTokens(): void {
    this.tokens.clear()
  }
}

/** The status a delivery is in: its last detail, "OK" before any operation (docs/reference/carriers.md §6). */
export function currentStatus(d: EmulatedDelivery): string {
  return d.details.at(-1)?.integrationStatus ?? 'OK'
}
