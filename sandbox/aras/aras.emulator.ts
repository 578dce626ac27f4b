import { FaultPlan, listenHttp, SlidingWindow, type LoggedHttpRequest } from '../common/http-emulator'
import { ARAS_PATHS, resolveOptions, type ArasEmulatorOptions } from './aras.config'
import { advance, type AdvanceTarget } from './aras.lifecycle'
import { createArasPushSender, type ArasPushDelivery } from './aras.push-sender'
import { createArasHandler } from './aras.server'
import { ArasState, type EmulatedOrder } from './aras.state'

export type { ArasEmulatorOptions, ArasEmulatorUser, ArasPushTarget, ArasQueryUser } from './aras.config'
export type { ArasPushDelivery } from './aras.push-sender'
export { ARAS_PATHS, ArasText, DEFAULT_QUERY_USERS, DEFAULT_USERS } from './aras.config'
export type { AdvanceTarget, DevirCode } from './aras.lifecycle'
export type { EmulatedOrder, Movement, PieceRecord } from './aras.state'

export type ArasResultOperation = 'SetOrder' | 'CancelDispatch' | 'GetBarcode'

/**
 * A local Aras Kargo on 127.0.0.1 for tests, benchmarks and demo mode (docs/reference/carriers.md §2, §14): the ASMX
 * shipment service and the WCF query service at their documented test and live paths on one origin,
 * SetOrder upserts until the waybill is cut, CancelDispatch 0/405/999/-1/-2, GetBarcode (1004 for a
 * while, then ZPL + a 13-digit number), GetQueryJSON for QueryTypes 1, 9, 14, 39 (and a few more),
 * faults through a FaultPlan and an optional rate limit (HTTP 429 + Retry-After).
 */
export type ArasEmulator = Readonly<{
  /** http://127.0.0.1:port, also for the /__emu/ hooks. */
  origin: string
  urls: Readonly<{ testShipment: string; liveShipment: string; testQuery: string; liveQuery: string }>
  /** Orders stored so far, in creation order (a cancelled one stays, with cancelledAtMs set). */
  readonly shipments: readonly EmulatedOrder[]
  /** Every service request in order, passwords redacted. */
  readonly requests: readonly LoggedHttpRequest[]
  faults: FaultPlan
  /** Requests the rate limiter answered with 429. */
  readonly rateLimited: number
  /** Same as POST /__emu/advance/{key}: one step, or on through the chain to `to`. `key` = IntegrationCode or tracking no. */
  advance(key: string, to?: AdvanceTarget): EmulatedOrder
  /** The next call of `operation` answers `code` (e.g. 5000, 936, 1004) without doing anything. */
  queueResultCode(operation: ArasResultOperation, code: string, message?: string): void
  /** Every status push made (option `push`), passwords redacted, with each attempt's answer. */
  readonly pushDeliveries: readonly ArasPushDelivery[]
  /** Waits until every push has been answered or has used up its attempts. */
  flushPushes(): Promise<void>
  close(): Promise<void>
}>

export async function startArasEmulator(options: ArasEmulatorOptions = {}): Promise<ArasEmulator> {
  const opts = resolveOptions(options)
  const state = new ArasState(opts.firstTrackingNumber)
  const faults = new FaultPlan()
  const limiter = opts.rateLimit ? new SlidingWindow(opts.rateLimit.limit, opts.rateLimit.windowMs, opts.now) : null
  let rateLimited = 0
  let origin = ''
  const pusher = opts.push ? createArasPushSender(opts.push, state) : null
  const handler = createArasHandler({ opts, state, faults, limiter, onRateLimited: () => void rateLimited++, origin: () => origin })
  const running = await listenHttp(async (req, res) => {
    await handler(req, res)
    pusher?.scan() // POST /__emu/advance moved an order on: push the change
  }, opts.port)
  origin = running.origin
  return {
    origin,
    urls: {
      testShipment: origin + ARAS_PATHS.testShipment,
      liveShipment: origin + ARAS_PATHS.liveShipment,
      testQuery: origin + ARAS_PATHS.testQuery,
      liveQuery: origin + ARAS_PATHS.liveQuery,
    },
    shipments: state.orders,
    requests: state.requests,
    faults,
    get rateLimited() {
      return rateLimited
    },
    advance(key, to) {
      const order = state.find(key) ?? state.findByTracking(key)
      if (!order) throw new Error(`no Aras order ${key}`)
      advance(state, order, opts.now(), to)
      pusher?.scan()
      return order
    },
    queueResultCode: (operation, code, message = '') => state.queueResult(operation, code, message),
    get pushDeliveries() {
      return pusher?.deliveries ?? []
    },
    flushPushes: async () => pusher?.flush(),
    close: async () => {
      await pusher?.flush()
      await running.close()
    },
  }
}
