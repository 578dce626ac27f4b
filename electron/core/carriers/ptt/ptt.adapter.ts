import { CarrierId } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import type { CallOptions, CarrierConnector, CreatedShipment, PortMethods, ShipmentRequest, TrackingEvent } from '../carrier.port'
import type { CallSignal as Signal, ConnectorHttpOptions } from '../carrier-connector.options'
import { withRetry } from '../../net/retry'
import { allocateParcelBarcodes, parseBarcodeList, type PttBarcodeAllocator } from './ptt.barcode'
import { barkodVeriSil, etiketGetir, gonderiSorgu, kabulEkle2, siparisIstekEkle2, type PttCallOptions } from './ptt.client'
import { eplToZpl } from './ptt.epl-to-zpl'
import { classifyPttRefusal, PttErrorKind, pttRefusalError } from './ptt.errors'
import type { KabulDonguResult, TakipReturn } from './ptt.schemas'
import {
  buildDongu,
  buildPickupInput,
  createdShipment as created,
  dosyaAdiOf,
  validatePttRequest,
  type DonguOptions,
  type PttPickupRequest,
} from './ptt.shipment'
import { PttOperation, PttPath, type PttTrackingOperation } from './ptt.soap'
import { hasTrackingData, pttTimeline } from './ptt.timeline'

export { PTT_LIVE_ORIGIN, PttPath } from './ptt.soap'
export type { PttPickupRequest } from './ptt.shipment'

export type PttCredentials = Readonly<{
  /** musteriId PTT issued (xs:int). */
  customerId: number
  /** Web service password (sifre). */
  password: string
  /**
   * The WS user, if PTT issued one. kabulEkle2's kullanici is "PttWs" or the user (§4: HT sends
   * "PttWs", BX the user); gonderiSorgu's is the user (BX) or the customer id (HT). Without it the
   * connector sends "PttWs" and the customer id respectively.
   */
  username?: string
}>

export type PttConnectorOptions = Readonly<{
  /** https://pttws.ptt.gov.tr (PTT_LIVE_ORIGIN) or an emulator's http://127.0.0.1:port. */
  origin: string
  /** "test" uses PttVeriYuklemeTest for acceptance (§4); tracking has one path. Default "live". */
  environment?: 'live' | 'test'
  credentials: PttCredentials
  /** Hands out the range barcodes, one per idempotency key (ptt.barcode.ts); the desk backs it with SQLite. */
  allocator: PttBarcodeAllocator
  /** hataKodu/donguHataKodu/sonucKodu of success: "1" (HT, default as §4 advises) or "0" (BX). */
  successCode?: '1' | '0'
  /** gonderiSorgu (BX) or gonderiSorgu2 (HT); same answer shape. Default gonderiSorgu. */
  trackingOperation?: PttTrackingOperation
  /** kabulEkle2 gonderiTip / gonderiTur (§4: "NORMAL" / "KARGO"). */
  gonderiTip?: string
  gonderiTur?: string
  /** teslim_tip and whether gondericibilgi is sent (ptt.shipment.ts). */
  dongu?: DonguOptions
  /** siparisIstekEkle2 fixed fields (a WooCommerce client sends "admin" and 0). */
  pickup?: Readonly<{ musteriKullanici?: string; isyeriId?: number }>
}> &
  // onExchange: every SOAP exchange, sifre redacted. The connector reads no clock, so no `now`.
  Omit<ConnectorHttpOptions, 'now'>

export type PttPickupResult = Readonly<{ siparisId: string; message: string }>

export type PttTrackDetails = Readonly<{
  barcode: string
  /** False until the branch accepts the parcel: PTT's tracking knows nothing before (§12 "no BARNO yet"). */
  known: boolean
  receiver: string | null
  sender: string | null
  weightGrams: number | null
  destinationOffice: string | null
  deliveredTo: string | null
  events: readonly TrackingEvent[]
}>

/** The port plus PTT's extras: range barcodes (offline labels), label re-print, courier pickup, tracking details. */
export type PttConnector = CarrierConnector &
  PortMethods<'planOfflineLabel' | 'cancelShipment' | 'track'> &
  Readonly<{
    id: typeof CarrierId.ptt
    trackDetails(barcode: string, options?: Signal): Promise<PttTrackDetails>
    /** etiketGetir again, as ZPL; `trackingNumber` may be "b1,b2" for every parcel. */
    reprintLabel(trackingNumber: string, options?: Signal): Promise<Uint8Array>
    /** siparisIstekEkle2: a courier collects from the sender's address. */
    requestPickup(input: PttPickupRequest, options?: Signal): Promise<PttPickupResult>
  }>

/**
 * PTT Kargo (docs/reference/carriers.md §4): two SOAP services. The barcode is ours (a range barcode from the
 * allocator, the same for the same idempotency key), so creating is exactly-once: after an attempt
 * that may have reached PTT, the connector asks gonderiSorgu whether the branch already holds the
 * parcel, and otherwise sends kabulEkle2 again, where PTT's "already exists" answer for our barcode
 * confirms the earlier attempt. The label is PTT's EPL (etiketGetir) converted to ZPL where PTT
 * serves it, else null: the desk prints its own label with the range barcode.
 */
export function createPttConnector(options: PttConnectorOptions): PttConnector {
  const { credentials: c, allocator } = options
  if (!Number.isSafeInteger(c.customerId) || c.customerId <= 0) {
    throw new AppError(ErrorCode.inputInvalid, `PTT customerId must be a positive whole number, got ${c.customerId}`, {
      meta: { field: 'credentials.customerId' },
    })
  }
  if (c.password === '') throw new AppError(ErrorCode.inputInvalid, 'PTT password is empty', { meta: { field: 'credentials.password' } })
  const origin = options.origin.replace(/\/+$/, '')
  const acceptanceUrl = origin + (options.environment === 'test' ? PttPath.acceptanceTest : PttPath.acceptance)
  const trackingUrl = origin + PttPath.tracking
  const success = options.successCode ?? '1'
  const trackingOp = options.trackingOperation ?? PttOperation.gonderiSorgu
  const call = (url: string, signal?: AbortSignal): PttCallOptions => ({ url, timeoutMs: options.timeoutMs, signal, onExchange: options.onExchange })
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(() => fn(), { ...options.retry, signal })
  const auth = { musteriId: c.customerId, sifre: c.password }

  const rowOk = (row: KabulDonguResult) =>
    (row.donguHataKodu === success || (row.donguHataKodu === '' && row.donguSonuc === 'true')) && row.donguSonuc !== 'false'

  async function query(barcode: string, signal?: AbortSignal): Promise<TakipReturn> {
    const r = await gonderiSorgu(trackingOp, { barkod: barcode, kullanici: c.username ?? String(c.customerId), sifre: c.password }, call(trackingUrl, signal))
    // sonucKodu is unreliable (a client saw 10 for success on the test service): data decides, then the text.
    if (hasTrackingData(r)) return r
    const { kind } = classifyPttRefusal(r.sonucKodu === success ? '' : r.sonucKodu, r.sonucAciklama)
    if (kind === PttErrorKind.auth || kind === PttErrorKind.server || kind === PttErrorKind.barcode)
      throw pttRefusalError(trackingOp, r.sonucKodu, r.sonucAciklama, { barcode })
    return r // nothing known yet: not accepted at a branch, or not uploaded (PTT cannot tell them apart)
  }

  /**
   * PTT's label for a registered shipment, or null: etiketGetir is declared in neither published
   * WSDL (the reference's README), so when it is missing, refused or fails, the parcel (already
   * registered) gets the desk's own PTT label with the range barcode, as the public WooCommerce
   * integrations print it. A passing failure (timeout, 5xx, 429) is passed on, so the retry asks
   * again (the parcel is found registered, never sent twice); so is an abort.
   */
  async function labelOrDesk(barcodes: readonly string[], signal?: AbortSignal): Promise<Uint8Array | null> {
    try {
      return await labelOf(barcodes, signal)
    } catch (err) {
      if (signal?.aborted || !isAppError(err) || (err.retryable && err.meta.emptyLabel !== true)) throw err
      return null
    }
  }

  async function labelOf(barcodes: readonly string[], signal?: AbortSignal): Promise<Uint8Array> {
    const zpl: string[] = []
    for (const barkodNo of barcodes) {
      const r = await etiketGetir({ barkodNo, ...auth }, call(acceptanceUrl, signal))
      if (r.hataKodu !== success) throw pttRefusalError(PttOperation.etiketGetir, r.hataKodu, r.aciklama, { barcode: barkodNo })
      if (!r.epl_format || r.epl_format.trim() === '') {
        throw new AppError(ErrorCode.carrierBadResponse, `PTT etiketGetir returned no epl_format for ${barkodNo}`, {
          retryable: true,
          meta: { operation: PttOperation.etiketGetir, barcode: barkodNo, emptyLabel: true },
        })
      }
      zpl.push(eplToZpl(r.epl_format))
    }
    return new Uint8Array(Buffer.from(zpl.join('\n'), 'utf8'))
  }

  async function register(request: ShipmentRequest, barcodes: readonly string[], signal?: AbortSignal): Promise<void> {
    const r = await kabulEkle2(
      {
        kullanici: c.username ?? 'PttWs',
        sifre: c.password,
        musteriId: c.customerId,
        dosyaAdi: dosyaAdiOf(barcodes[0] as string),
        gonderiTip: options.gonderiTip ?? 'NORMAL',
        gonderiTur: options.gonderiTur ?? 'KARGO',
        dongu: buildDongu(request, barcodes, options.dongu),
      },
      call(acceptanceUrl, signal),
    )
    const meta = { barcodes }
    if (r.hataKodu !== success && r.dongu.length === 0) {
      // A batch-level refusal; "already exists" at this level confirms like a parcel's would.
      if (classifyPttRefusal(r.hataKodu, r.aciklama).kind === PttErrorKind.duplicate) return
      throw pttRefusalError(PttOperation.kabulEkle2, r.hataKodu, r.aciklama, meta)
    }
    for (const [i, barcode] of barcodes.entries()) {
      const row = r.dongu.find((d) => d.barkod === barcode) ?? (r.dongu.length === barcodes.length && r.dongu[i]?.barkod === '' ? r.dongu[i] : undefined)
      // Retrying is safe: parcels that were stored answer "already exists" next time.
      if (!row) throw new AppError(ErrorCode.carrierBadResponse, `PTT kabulEkle2 answered without a row for ${barcode}`, { retryable: true, meta })
      if (rowOk(row)) continue
      const { kind, known } = classifyPttRefusal(row.donguHataKodu, row.donguAciklama)
      // §4 "already exists" = an earlier attempt stored this barcode: confirmed. The barcode is ours alone (allocator).
      if (kind === PttErrorKind.duplicate) continue
      // A refusal we cannot read may be PTT's own wording of "exists": the label proves it.
      if (!known && (await labelExists(barcode, signal))) continue
      throw pttRefusalError(PttOperation.kabulEkle2, row.donguHataKodu, row.donguAciklama, { ...meta, barcode })
    }
  }

  async function labelExists(barcode: string, signal?: AbortSignal): Promise<boolean> {
    try {
      const r = await etiketGetir({ barkodNo: barcode, ...auth }, call(acceptanceUrl, signal))
      return r.hataKodu === success && Boolean(r.epl_format?.trim())
    } catch (err) {
      // Without etiketGetir nothing proves it: the refusal stands.
      if (isAppError(err) && err.meta.operationMissing === true) return false
      throw err
    }
  }

  async function trackDetails(barcode: string, o: Signal = {}): Promise<PttTrackDetails> {
    const [b] = parseBarcodeList(barcode)
    const r = await retrying(() => query(b as string, o.signal), o.signal)
    const grams = Number(r.GR)
    return {
      barcode: b as string,
      known: hasTrackingData(r),
      receiver: r.ALICI || null,
      sender: r.GONDEREN || null,
      weightGrams: r.GR !== '' && Number.isFinite(grams) ? Math.round(grams) : null,
      destinationOffice: r.VMERK || null,
      deliveredTo: r.TESALAN || null,
      events: pttTimeline(r, b as string),
    }
  }

  return {
    id: CarrierId.ptt,
    displayName: 'PTT Kargo',

    /** Not pure: the allocator hands out (once) the barcodes a later createShipment with the same key registers. */
    planOfflineLabel(request, idempotencyKey) {
      validatePttRequest(request)
      return created(allocateParcelBarcodes(allocator, idempotencyKey, request.packages.length), null)
    },

    async createShipment(request: ShipmentRequest, o: CallOptions): Promise<CreatedShipment> {
      validatePttRequest(request)
      const barcodes = allocateParcelBarcodes(allocator, o.idempotencyKey, request.packages.length)
      let mayExist = false
      return retrying(async () => {
        if (mayExist) {
          // Exactly-once: the branch may already hold an earlier attempt's parcel; then it is reused as is.
          const known = await query(barcodes[0] as string, o.signal).then(hasTrackingData, (err: unknown) => {
            // Tracking is opened per customer (§4 "Policy Falsified"): without it the re-send below still dedupes.
            if (isAppError(err) && !err.retryable) return false
            throw err
          })
          if (known) return created(barcodes, await labelOrDesk(barcodes, o.signal))
        }
        mayExist = true // from here on an attempt may have stored the data, whatever it throws
        await register(request, barcodes, o.signal)
        return created(barcodes, await labelOrDesk(barcodes, o.signal))
      }, o.signal)
    },

    async cancelShipment(trackingNumber, o = {}) {
      const barcodes = parseBarcodeList(trackingNumber)
      const dosyaAdi = dosyaAdiOf(barcodes[0] as string)
      for (const barcode of barcodes) {
        let sent = false
        await retrying(async () => {
          const again = sent
          sent = true
          const r = await barkodVeriSil({ barcode, dosyaAdi, ...auth }, call(acceptanceUrl, o.signal))
          if (r.hataKodu === success) return
          const { kind } = classifyPttRefusal(r.hataKodu, r.aciklama)
          // Gone after a repeat: the earlier attempt deleted it and its answer was lost.
          if (kind === PttErrorKind.notFound && again) return
          throw pttRefusalError(PttOperation.barkodVeriSil, r.hataKodu, r.aciklama, { barcode })
        }, o.signal)
      }
    },

    async track(trackingNumber, o = {}) {
      return (await trackDetails(trackingNumber, o)).events
    },

    trackDetails,

    async reprintLabel(trackingNumber, o = {}) {
      const barcodes = parseBarcodeList(trackingNumber)
      return retrying(() => labelOf(barcodes, o.signal), o.signal)
    },

    async requestPickup(input, o = {}) {
      const body = buildPickupInput(input, {
        customerId: c.customerId,
        password: c.password,
        gonderiTip: options.gonderiTip,
        gonderiTur: options.gonderiTur,
        musteriKullanici: options.pickup?.musteriKullanici,
        isyeriId: options.pickup?.isyeriId,
      })
      // No key makes a pickup request idempotent: only answers that prove nothing was stored are retried.
      const r = await withRetry(
        async () => {
          try {
            return await siparisIstekEkle2(body, call(acceptanceUrl, o.signal))
          } catch (err) {
            const status = isAppError(err) ? err.meta.httpStatus : undefined
            if (isAppError(err) && err.retryable && status !== 429 && status !== 503 && err.meta.networkCode !== 'ECONNREFUSED') {
              throw new AppError(err.code, `${err.message}; PTT may have taken the pickup request: check before asking again`, {
                retryable: false,
                cause: err,
                meta: { ...err.meta, outcomeUnknown: true },
              })
            }
            throw err
          }
        },
        { ...options.retry, signal: o.signal },
      )
      if (r.sonucKodu === success || (r.siparisId !== '' && r.siparisId !== '0')) return { siparisId: r.siparisId, message: r.sonucAciklama }
      throw pttRefusalError(PttOperation.siparisIstekEkle2, r.sonucKodu, r.sonucAciklama)
    },
  }
}
