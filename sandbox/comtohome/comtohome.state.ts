import { FaultPlan, type LoggedHttpRequest } from '../common/http-emulator'
import type { ComToHomeFault } from './comtohome.config'
import type { LabelContentType } from './comtohome.labels'

/** A consignment the emulator created, with what was sent for it. */
export type EmulatedConsignment = Readonly<{
  consignment: number
  c2hBarcode: string
  barcode: string
  providerId: number
  referenceNo: string | null
  idempotencyKey: string | null
  contentType: LabelContentType
  totalCost: number
  /** The request body as received (parsed JSON). */
  body: unknown
  createdAt: string
}>

/**
 * One request as the emulator saw it: the APIKEY header redacted, the body parsed (the raw text when it was not
 * JSON, null when empty); `replayed` when the answer was a stored Idempotency-Key replay.
 */
export type LoggedRequest = Omit<LoggedHttpRequest<ComToHomeFault>, 'body' | 'operation'> & { readonly body: unknown; replayed: boolean }

/** A stored answer for an Idempotency-Key: replayed byte for byte. */
export type StoredResponse = Readonly<{ status: number; body: string; bodyHash: string }>

export type RateDecision = Readonly<{ allowed: true }> | Readonly<{ allowed: false; retryAfterSeconds: number }>

/** All mutable state of one emulator instance (nothing is module-level). */
export class ComToHomeState {
  readonly consignments: EmulatedConsignment[] = []
  readonly requests: LoggedRequest[] = []
  private readonly references = new Set<string>()
  private readonly stored = new Map<string, StoredResponse>()
  private readonly hits = new Map<string, number[]>()
  /** Faults for the coming requests (the shared plan of sandbox/common/http-emulator.ts). */
  readonly faults = new FaultPlan<ComToHomeFault>()
  private sequence = 0

  /** Sliding-window log per API key (seed 001: 300 requests / 1 minute, sliding window). */
  admit(apiKey: string, nowMs: number, limit: number, windowMs: number): RateDecision {
    const log = (this.hits.get(apiKey) ?? []).filter((t) => t > nowMs - windowMs)
    this.hits.set(apiKey, log)
    if (log.length >= limit) {
      const oldest = log[0] ?? nowMs
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000)) }
    }
    log.push(nowMs)
    return { allowed: true }
  }

  isReferenceUsed(referenceNo: string): boolean {
    return this.references.has(referenceNo)
  }

  /** The next sequence number (0, 1, 2 …) from which ids and barcodes are derived. */
  nextSequence(): number {
    return this.sequence++
  }

  record(c: EmulatedConsignment): void {
    this.consignments.push(c)
    if (c.referenceNo) this.references.add(c.referenceNo)
  }

  storedFor(scope: string, key: string): StoredResponse | undefined {
    return this.stored.get(`${scope}\n${key}`)
  }

  store(scope: string, key: string, response: StoredResponse): void {
    this.stored.set(`${scope}\n${key}`, response)
  }
}
