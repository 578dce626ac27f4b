import { trNameKey } from '../../../../shared/domain/address'
import type { MeasuredPackage } from '../../../../shared/domain/box'
import { CarrierId, LabelFormat } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import type { CallOptions, CarrierConnector, CreatedShipment, PortMethods, ShipmentRequest, TrackingEvent } from '../carrier.port'
import type { CallSignal as Signal, ConnectorHttpOptions } from '../carrier-connector.options'
import { withRetry } from '../../net/retry'
import { requiredOption, tokenLoginOptionsOf } from '../http/cached-token'
import { HepsiJetClient, type HepsiJetOutcome } from './hepsijet.client'
import { classifyFail, explainFail, FailKind, hepsiJetFailToAppError, type HepsiJetFail } from './hepsijet.errors'
import { buildDeliveryOrder, checkBarcodePrefix, customerDeliveryNoFor, isCustomerDeliveryNo, parcelDesi, type HepsiJetAccountSettings } from './hepsijet.order'
import { anyDataSchema, createDataSchema, trackDataSchema, zplDataSchema, type CreateData, type ZplData } from './hepsijet.schemas'
import { VOID_STATUSES } from './hepsijet.status'
import { timelinesByBarcode } from './hepsijet.timeline'

export { HEPSIJET_LIVE_ORIGIN, HEPSIJET_TEST_ORIGIN } from './hepsijet.client'

/** Paths of docs/reference/carriers.md §6, appended to the origin. */
export const HepsiJetPaths = {
  sendDeliveryOrderEnhanced: '/rest/delivery/sendDeliveryOrderEnhanced',
  generateZplBarcode: (barcode: string, totalParcels: number) => `/rest/delivery/generateZplBarcode/${encodeURIComponent(barcode)}/${totalParcels}`,
  deleteDeliveryOrder: (barcode: string) => `/rest/delivery/deleteDeliveryOrder/${encodeURIComponent(barcode)}`,
  track: '/rest/delivery/integration/track',
  /** Not in docs/reference/carriers.md; HJ-DOCS shows /delivery-update on pages that drop the /rest other paths carry. */
  deliveryUpdate: '/rest/delivery-update',
} as const

export type HepsiJetConnectorOptions = Readonly<{
  /** HEPSIJET_LIVE_ORIGIN, HEPSIJET_TEST_ORIGIN or an emulator's http://127.0.0.1:port. */
  origin: string
  username: string
  password: string
  /** Issued by HepsiJET and sent unchanged (HJ-DOCS: "bu alanlar sabittir"). */
  company: Readonly<{ name: string; abbreviationCode: string }>
  /** senderAddress.companyAddressId HepsiJET registered for the warehouse. */
  senderAddressId: string
  /** currentXDock.abbreviationCode: the XDock that collects from the warehouse. */
  xDockCode: string
  /** Start of every customerDeliveryNo, 1-8 letters/digits. Default company.abbreviationCode. */
  barcodePrefix?: string
  /** Default 'HX_STD' (standard delivery, slot "0"). */
  productCode?: string
  /** deleteReason sent on cancel. Default 'Gönderici iptali'. */
  deleteReason?: string
  /** Default HepsiJetPaths.deliveryUpdate. */
  deliveryUpdatePath?: string
  /** Barcodes per integration/track call (HepsiJET states no limit). Default 50. */
  trackBatchSize?: number
  /** Token reuse before a new login. Default 55 min (token ≈60 min, §6). */
  tokenTtlMs?: number
}> &
  ConnectorHttpOptions

/** The port plus HepsiJET's extras: batch tracking, label re-print and the desi update. */
export type HepsiJetConnector = CarrierConnector &
  // trackMany: one integration/track call per batch; a barcode HepsiJET says it does not know is left out.
  PortMethods<'track' | 'trackMany'> &
  Readonly<{
    id: typeof CarrierId.hepsijet
    /** The customerDeliveryNo (= barcode = tracking number) createShipment uses for this key. */
    customerDeliveryNoFor(idempotencyKey: string): string
    cancelShipment(trackingNumber: string, options?: Signal & Readonly<{ reason?: string }>): Promise<void>
    /** generateZplBarcode: the parcels' labels again, one ^XA…^XZ per parcel. */
    reprintLabel(trackingNumber: string, totalParcels: number, options?: Signal): Promise<Uint8Array>
    /** delivery-update TOTAL_PARCEL: parcel count (before pickup) and per-parcel desi (until delivery). */
    updateParcels(trackingNumber: string, packages: readonly MeasuredPackage[], options?: Signal): Promise<void>
  }>

type Expected = Readonly<{ barcode: string; totalParcels: number; city: string }>

const trackingUrlOf = (barcode: string) => `https://hepsijet.com/gonderi-takibi/${encodeURIComponent(barcode)}`

const required = (value: string, field: string) => requiredOption('HepsiJET', value, field)

function checkBarcode(value: string): string {
  const v = value.trim()
  if (!isCustomerDeliveryNo(v))
    throw new AppError(ErrorCode.inputInvalid, `"${value}" is not a HepsiJET barcode (9-16 letters/digits)`, { meta: { trackingNumber: value } })
  return v
}

/** Throws what a retry may cure (HepsiJET busy or broken); other FAILs are the caller's to read. */
function throwIfTransient(fail: HepsiJetFail, operation: string, meta: Record<string, unknown>): void {
  const kind = classifyFail(fail)
  if (kind === FailKind.rateLimited || kind === FailKind.unavailable || kind === FailKind.auth) throw hepsiJetFailToAppError(fail, operation, meta)
}

/** The parcels' ZPL in parcel order, one ^XA…^XZ each; carrier ZPL passes through untouched. */
function labelBytes(zpls: readonly string[], operation: string, barcode: string): Uint8Array {
  const labels = zpls.map((z) => z.trim())
  if (labels.some((z) => !z.startsWith('^XA') || !z.endsWith('^XZ'))) {
    throw new AppError(ErrorCode.carrierBadResponse, `HepsiJET ${operation} returned a label for ${barcode} that is not one ^XA…^XZ format`, {
      retryable: true,
      meta: { operation, barcode },
    })
  }
  return new Uint8Array(Buffer.from(labels.join('\n'), 'utf8'))
}

function orderedZpl(items: ZplData): string[] {
  const n = (v: string | number | null | undefined) => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v))
  return items
    .map((item, i) => ({ item, i, parcel: n(item.parcelNo) }))
    .sort((a, b) => (a.parcel !== null && b.parcel !== null ? a.parcel - b.parcel : a.i - b.i))
    .map((x) => x.item.zplBarcode)
}

/**
 * HepsiJET (docs/reference/carriers.md §6): REST + token, create returns the ZPL. customerDeliveryNo is ours,
 * derived from the idempotency key, so creating is exactly-once: after an attempt that may have
 * reached HepsiJET (timeout, cut or garbled answer, 5xx) or a FAIL that may mean "already exists",
 * the connector re-prints that barcode (generateZplBarcode) and checks with track that it is alive
 * before it creates anything again.
 */
export function createHepsiJetConnector(options: HepsiJetConnectorOptions): HepsiJetConnector {
  const prefix = checkBarcodePrefix(options.barcodePrefix ?? options.company.abbreviationCode)
  const settings: HepsiJetAccountSettings = {
    company: { name: required(options.company.name, 'company.name'), abbreviationCode: required(options.company.abbreviationCode, 'company.abbreviationCode') },
    senderAddressId: required(options.senderAddressId, 'senderAddressId'),
    xDockCode: required(options.xDockCode, 'xDockCode'),
    productCode: options.productCode ?? 'HX_STD',
  }
  const now = options.now ?? Date.now
  const batchSize = Math.max(1, options.trackBatchSize ?? 50)
  const client = new HepsiJetClient(tokenLoginOptionsOf('HepsiJET', options))
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(() => fn(), { ...options.retry, signal })

  const generateZpl = (barcode: string, totalParcels: number, signal?: AbortSignal): Promise<HepsiJetOutcome<ZplData | null | undefined>> =>
    client.call({ operation: 'generateZplBarcode', method: 'GET', path: HepsiJetPaths.generateZplBarcode(barcode, totalParcels), data: zplDataSchema }, signal)

  const created = (barcode: string, label: Uint8Array): CreatedShipment => ({
    carrierShipmentId: barcode,
    trackingNumber: barcode,
    barcode,
    trackingUrl: trackingUrlOf(barcode),
    // HepsiJET gives ZPL only; a desk that asked for PDF still gets the carrier's ZPL.
    labelFormat: LabelFormat.zpl,
    label,
    costKurus: null,
  })

  /** The delivery already stored under our barcode, or null when HepsiJET has none. */
  async function lookup(e: Expected, signal?: AbortSignal): Promise<CreatedShipment | null> {
    const meta = { customerDeliveryNo: e.barcode }
    const z = await generateZpl(e.barcode, e.totalParcels, signal)
    if (!z.ok) {
      throwIfTransient(z.fail, 'generateZplBarcode', meta)
      if (classifyFail(z.fail) === FailKind.deleted) throw reused(e.barcode, 'was deleted')
      return null // not found (or refused for a reason only a create would explain)
    }
    const items = z.data ?? []
    if (items.length === 0) return null
    // Ours unless it goes to another il (a barcode prefix shared by two accounts or stations). The ilçe
    // is not compared: HepsiJET may spell it its own way ("Merkez", renamed districts).
    const theirCity = items[0]?.receiverCity
    if (theirCity && trNameKey(theirCity) !== trNameKey(e.city)) throw reused(e.barcode, `goes to ${theirCity}, not ${e.city}`)
    if (items.length < e.totalParcels)
      throw new AppError(ErrorCode.carrierBadResponse, `HepsiJET re-printed ${items.length} of ${e.totalParcels} labels for ${e.barcode}`, {
        retryable: true,
        meta,
      })
    const t = await client.call(
      { operation: 'track', method: 'POST', path: HepsiJetPaths.track, body: { barcodes: [e.barcode], isTrackAdded: true }, data: trackDataSchema },
      signal,
    )
    if (!t.ok) throwIfTransient(t.fail, 'track', meta)
    // A track FAIL that is not transient says nothing about deletion; the re-print already proved the delivery exists.
    const last = t.ok ? (t.data ?? []).find((x) => x.barcode === e.barcode)?.details?.at(-1)?.integrationStatus : undefined
    if (last && VOID_STATUSES.has(last.trim().toUpperCase())) throw reused(e.barcode, `is ${last}`)
    return created(e.barcode, labelBytes(orderedZpl(items).slice(0, e.totalParcels), 'generateZplBarcode', e.barcode))
  }

  function reused(barcode: string, why: string): AppError {
    return new AppError(ErrorCode.carrierDuplicateReference, `HepsiJET already has ${barcode}, but it ${why}: this shipment needs a new idempotency key`, {
      retryable: false,
      meta: { customerDeliveryNo: barcode },
    })
  }

  async function fromCreate(data: CreateData, e: Expected, signal?: AbortSignal): Promise<CreatedShipment> {
    const zpls = (data.zplBarcodeDTOList ?? []).map((x) => x.zplBarcode)
    if (zpls.length === e.totalParcels) return created(e.barcode, labelBytes(zpls, 'sendDeliveryOrderEnhanced', e.barcode))
    // Stored without (all) its labels: the re-print service gives them (HJ-DOCS barcode page).
    const again = await lookup(e, signal)
    if (again) return again
    throw new AppError(ErrorCode.carrierBadResponse, `HepsiJET created ${e.barcode} but neither the answer nor a re-print holds its labels`, {
      retryable: true,
      meta: { customerDeliveryNo: e.barcode },
    })
  }

  async function trackMany(barcodes: readonly string[], o: Signal = {}): Promise<ReadonlyMap<string, readonly TrackingEvent[]>> {
    const unique = [...new Set(barcodes.map(checkBarcode))]
    const out = new Map<string, readonly TrackingEvent[]>()
    const query = (chunk: readonly string[]) =>
      retrying(async () => {
        const r = await client.call(
          { operation: 'track', method: 'POST', path: HepsiJetPaths.track, body: { barcodes: chunk, isTrackAdded: true }, data: trackDataSchema },
          o.signal,
        )
        if (r.ok) return { ok: true as const, data: r.data ?? [] }
        throwIfTransient(r.fail, 'track', { barcodes: chunk })
        return { ok: false as const, fail: r.fail }
      }, o.signal)
    for (let i = 0; i < unique.length; i += batchSize) {
      const chunk = unique.slice(i, i + batchSize)
      const r = await query(chunk)
      if (!r.ok) {
        if (classifyFail(r.fail) !== FailKind.notFound) throw hepsiJetFailToAppError(r.fail, 'track', { barcodes: chunk })
        // One unknown barcode may sink the batch: ask one by one and leave out the ones HepsiJET does not know.
        for (const b of chunk.length > 1 ? chunk : []) {
          const one = await query([b])
          if (one.ok) out.set(b, timelinesByBarcode(one.data).get(b) ?? [])
        }
        continue
      }
      const byBarcode = timelinesByBarcode(r.data)
      // Left out of the answer: unknown or not yet operated on ("OK", §6); HepsiJET does not say which.
      for (const b of chunk) out.set(b, byBarcode.get(b) ?? [])
    }
    return out
  }

  return {
    id: CarrierId.hepsijet,
    displayName: 'HepsiJET',
    customerDeliveryNoFor: (key) => customerDeliveryNoFor(key, prefix),

    async createShipment(request: ShipmentRequest, call: CallOptions): Promise<CreatedShipment> {
      const barcode = customerDeliveryNoFor(call.idempotencyKey, prefix)
      const body = buildDeliveryOrder(request, barcode, settings, now())
      const e: Expected = { barcode, totalParcels: request.packages.length, city: request.recipient.city }
      let mayExist = false
      return retrying(async () => {
        if (mayExist) {
          const found = await lookup(e, call.signal)
          if (found) return found
        }
        const before = mayExist
        mayExist = true // from here on an attempt may have stored the delivery, whatever it throws
        const r = await client
          .call(
            { operation: 'sendDeliveryOrderEnhanced', method: 'POST', path: HepsiJetPaths.sendDeliveryOrderEnhanced, body, data: createDataSchema },
            call.signal,
          )
          .catch((err: unknown) => {
            // Refused before HepsiJET read the order (throttled, or the login failed): nothing was stored.
            if (isAppError(err) && (err.code === ErrorCode.carrierRateLimited || err.meta.operation === 'getToken')) mayExist = before
            throw err
          })
        if (r.ok) {
          // HepsiJET echoes our customerDeliveryNo (§6); anything else is a broken answer, and the retry's lookup settles it.
          if (r.data.customerDeliveryNo && r.data.customerDeliveryNo !== barcode) {
            throw new AppError(ErrorCode.carrierBadResponse, `HepsiJET answered customerDeliveryNo ${r.data.customerDeliveryNo} for ${barcode}`, {
              retryable: true,
              meta: { customerDeliveryNo: barcode },
            })
          }
          return fromCreate(r.data, e, call.signal)
        }
        // The "already exists" FAIL is not documented word for word: any FAIL we cannot place is checked the same way.
        const why = explainFail(r.fail)
        if (why.kind === FailKind.duplicate || why.by === 'nothing') {
          const found = await lookup(e, call.signal)
          if (found) return found
        }
        throw hepsiJetFailToAppError(r.fail, 'sendDeliveryOrderEnhanced', { customerDeliveryNo: barcode })
      }, call.signal)
    },

    async cancelShipment(trackingNumber: string, o: Signal & Readonly<{ reason?: string }> = {}) {
      const barcode = checkBarcode(trackingNumber)
      const deleteReason = (o.reason ?? options.deleteReason ?? 'Gönderici iptali').trim() || 'Gönderici iptali'
      await retrying(async () => {
        const r = await client.call(
          { operation: 'deleteDeliveryOrder', method: 'POST', path: HepsiJetPaths.deleteDeliveryOrder(barcode), body: { deleteReason }, data: anyDataSchema },
          o.signal,
        )
        // Already deleted (or cancelled by HepsiJET): nothing will ship, which is what the caller wants; a retry after a lost answer lands here too.
        if (r.ok || classifyFail(r.fail) === FailKind.deleted) return
        throw hepsiJetFailToAppError(r.fail, 'deleteDeliveryOrder', { customerDeliveryNo: barcode })
      }, o.signal)
    },

    async track(trackingNumber, o = {}) {
      const barcode = checkBarcode(trackingNumber)
      const byBarcode = await trackMany([barcode], o)
      const events = byBarcode.get(barcode)
      if (!events) throw new AppError(ErrorCode.carrierNotFound, `HepsiJET does not know ${barcode}`, { meta: { customerDeliveryNo: barcode } })
      return events
    },

    trackMany,

    async reprintLabel(trackingNumber, totalParcels, o = {}) {
      const barcode = checkBarcode(trackingNumber)
      if (!Number.isInteger(totalParcels) || totalParcels < 1 || totalParcels > 999) {
        throw new AppError(ErrorCode.inputInvalid, `totalParcels must be 1-999, got ${totalParcels}`, { meta: { field: 'totalParcels' } })
      }
      return retrying(async () => {
        const r = await generateZpl(barcode, totalParcels, o.signal)
        if (!r.ok) throw hepsiJetFailToAppError(r.fail, 'generateZplBarcode', { customerDeliveryNo: barcode })
        const items = r.data ?? []
        if (items.length === 0)
          throw new AppError(ErrorCode.carrierNotFound, `HepsiJET has no labels for ${barcode}`, { meta: { customerDeliveryNo: barcode } })
        return labelBytes(orderedZpl(items), 'generateZplBarcode', barcode)
      }, o.signal)
    },

    async updateParcels(trackingNumber, packages, o = {}) {
      const barcode = checkBarcode(trackingNumber)
      const desi = parcelDesi({ packages })
      const body = { deliveryUpdateType: 'TOTAL_PARCEL', customerDeliveryNo: barcode, totalParcelInfo: { totalParcel: packages.length, desi } }
      await retrying(async () => {
        const r = await client.call(
          { operation: 'deliveryUpdate', method: 'POST', path: options.deliveryUpdatePath ?? HepsiJetPaths.deliveryUpdate, body, data: anyDataSchema },
          o.signal,
        )
        if (!r.ok) throw hepsiJetFailToAppError(r.fail, 'deliveryUpdate', { customerDeliveryNo: barcode })
      }, o.signal)
    },
  }
}
