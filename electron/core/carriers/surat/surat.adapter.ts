import { CarrierId, LabelFormat, TrackingStatus } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import {
  returnShipmentOf,
  type CallOptions,
  type CarrierConnector,
  type CreatedReturn,
  type CreatedShipment,
  type ReturnRequest,
  type ShipmentRequest,
  type TrackingEvent,
} from '../carrier.port'
import type { CarrierExchange } from '../http/carrier-http'
import { withRetry, type RetryOptions } from '../../net/retry'
import { callSuratTracking, type SuratCall, type SuratCredentials } from './surat.client'
import { classifySuratText, suratTextToAppError, SuratTextKind } from './surat.errors'
import { buildGonderi, buildReturnGonderi, isSuratKey, suratKeyFor, suratReturnKeyFor, type SuratGonderiOptions } from './surat.gonderi'
import {
  createOrtakBarkod,
  createVia,
  deleteShipment,
  fetchHistory,
  fetchLabel,
  lookupShipment,
  recallShipment,
  SuratCreateMode,
  type CreateAnswer,
  type SuratLabel,
  type SuratLookup,
} from './surat.operations'
import type { SoapFields } from './surat.soap'
import { eventsFromHistory, eventsFromTracking } from './surat.tracking'

export { SuratCreateMode, type SuratLabel, type SuratLookup } from './surat.operations'
export type { SuratCredentials } from './surat.client'

/** Documented hosts (docs/reference/carriers.md §5; the test REST host api02 is HT's, L). Paths below are appended. */
export const SURAT_ORIGINS = {
  live: { soap: 'https://webservices.suratkargo.com.tr', tracking: 'https://api01.suratkargo.com.tr' },
  test: { soap: 'https://prova.suratkargo.com.tr', tracking: 'https://api02.suratkargo.com.tr' },
} as const
export const SURAT_SOAP_PATH = '/services.asmx'
export const SURAT_TRACKING_PATH = '/api/KargoTakipHareketDetayi'

export type SuratConnectorOptions = Readonly<{
  /** Which documented hosts to use when no origin is given. Default 'live'. */
  environment?: 'live' | 'test'
  /** scheme://host[:port] of the SOAP service; SURAT_SOAP_PATH is appended. */
  soapOrigin?: string
  /** scheme://host[:port] of the REST tracking API; SURAT_TRACKING_PATH is appended. */
  trackingOrigin?: string
  credentials: SuratCredentials
  /** Create operations in order of preference; 050 (no barcode permission) moves to the next. Default [siparisBarkod, ortakBarkod]. */
  createModes?: readonly SuratCreateMode[]
  /** Fetch the PDF label with KargoBarkodu after creating. Default true. */
  fetchLabel?: boolean
  /** IptalNeden for GonderiGeriCek. Default "Müşteri isteği". */
  cancelReason?: string
  /** Cancel after pickup by GonderiGeriCek (the parcel comes back: carrier.returnRequested). false → carrier.notCancellable. Default true. */
  recallInTransit?: boolean
  gonderi?: SuratGonderiOptions
  /** Per HTTP call. Default 30000. */
  timeoutMs?: number
  retry?: RetryOptions
  /** Every exchange, passwords redacted. */
  onExchange?: (exchange: CarrierExchange) => void
  /** Clock for "observed at" stamps. */
  now?: () => number
}>

export type SuratCancelOutcome = 'deleted' | 'alreadyCancelled' | 'recalled'
export type SuratCancelResult = Readonly<{ outcome: SuratCancelOutcome; ozelKargoTakipNo: string }>

/** The port plus Sürat's own operations. carrierShipmentId is always our OzelKargoTakipNo. */
export type SuratConnector = CarrierConnector &
  Readonly<{
    /** The create mode in use now (moves on after a 050). */
    readonly activeCreateMode: SuratCreateMode
    /** Our OzelKargoTakipNo for an idempotency key. */
    keyFor(idempotencyKey: string): string
    /** A return shipment with Iademi true (docs/reference/carriers.md §5); carrierShipmentId = suratReturnKeyFor(key). */
    createReturn(request: ReturnRequest, options: CallOptions): Promise<CreatedReturn>
    lookup(ozelKargoTakipNo: string, options?: { signal?: AbortSignal }): Promise<SuratLookup>
    /** KargoBarkodu: the PDF label again; null without label permission. */
    label(ozelKargoTakipNo: string, options?: { signal?: AbortSignal }): Promise<SuratLabel | null>
    cancel(ozelKargoTakipNo: string, options?: { signal?: AbortSignal; reason?: string }): Promise<SuratCancelResult>
    cancelShipment(ozelKargoTakipNo: string, options?: { signal?: AbortSignal }): Promise<void>
    track(ozelKargoTakipNo: string, options?: { signal?: AbortSignal }): Promise<readonly TrackingEvent[]>
    /** KargoTakipHareketDetayliV2: every movement, statuses from the §12 keywords. */
    trackHistory(ozelKargoTakipNo: string, options?: { signal?: AbortSignal }): Promise<readonly TrackingEvent[]>
  }>

const FINAL_CODES: ReadonlySet<number> = new Set([6, 14, 9, 13])
const PUBLIC_TRACKING = 'https://www.suratkargo.com.tr/KargoTakip/?kargotakipno='

/** Sürat Kargo (docs/reference/carriers.md §5): exactly-once create keyed by OzelKargoTakipNo, PDF label, cancel, tracking. */
export function createSuratConnector(options: SuratConnectorOptions): SuratConnector {
  const o = options
  const env = SURAT_ORIGINS[o.environment ?? 'live']
  const soapUrl = `${(o.soapOrigin ?? env.soap).replace(/\/+$/, '')}${SURAT_SOAP_PATH}`
  const trackingUrl = `${(o.trackingOrigin ?? env.tracking).replace(/\/+$/, '')}${SURAT_TRACKING_PATH}`
  const c = o.credentials
  const modes = o.createModes && o.createModes.length > 0 ? [...o.createModes] : [SuratCreateMode.siparisBarkod, SuratCreateMode.ortakBarkod]
  let modeIndex = 0
  const call = (signal?: AbortSignal): SuratCall => ({ soapUrl, trackingUrl, timeoutMs: o.timeoutMs, signal, onExchange: o.onExchange })
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(() => fn(), { ...o.retry, signal })
  const nowIso = () => new Date((o.now ?? Date.now)()).toISOString()

  const refuseTrackingNo = (key: string, operation: string) => {
    // GonderiSil, KargoBarkodu and tracking take OzelKargoTakipNo / WebSiparisKodu, never KargoTakipNo.
    if (/^\d{14}$/.test(key.trim())) {
      throw new AppError(ErrorCode.inputInvalid, `${key} looks like Sürat's KargoTakipNo; ${operation} needs our OzelKargoTakipNo (carrierShipmentId)`, {
        meta: { key, operation },
      })
    }
    if (key.trim() === '') throw new AppError(ErrorCode.inputInvalid, `${operation} needs an OzelKargoTakipNo`, { meta: { operation } })
  }
  const reusedKey = (key: string, message: string) =>
    new AppError(
      ErrorCode.carrierDuplicateReference,
      `OzelKargoTakipNo ${key} belongs to a cancelled Sürat shipment (${message}); a new idempotency key is needed`,
      { meta: { ozelKargoTakipNo: key } },
    )

  /** Tries the modes from the learned one on; 050 moves on for good (the account will not change mid-session). */
  async function createOnce(gonderi: SoapFields, key: string, signal?: AbortSignal): Promise<CreateAnswer> {
    for (let i = modeIndex; i < modes.length; i++) {
      const answer = await createVia(modes[i] as SuratCreateMode, c, gonderi, key, call(signal))
      if (answer.kind !== 'noPermission') return answer
      if (i + 1 < modes.length) modeIndex = i + 1
    }
    throw new AppError(
      ErrorCode.carrierServiceUnsupported,
      `Sürat answered 050 (no barcode permission) to every configured create operation (${modes.join(', ')})`,
      { meta: { createModes: modes } },
    )
  }

  /** Label (if wanted) and the numbers, once Sürat holds the shipment. */
  async function finish(gonderi: SoapFields, key: string, barcode: string | null, signal?: AbortSignal): Promise<CreatedShipment> {
    let label: SuratLabel | null = null
    if (o.fetchLabel ?? true) {
      label = await fetchLabel(c, key, call(signal)).catch((err: unknown) => {
        // Sürat just confirmed the shipment: "not found" here is lag, not absence. Retrying probes again.
        if (err instanceof AppError && err.code === ErrorCode.carrierNotFound)
          throw new AppError(ErrorCode.carrierBadResponse, err.message, { retryable: true, cause: err, meta: err.meta })
        // A lasting label refusal (wrong web password, unreadable answer) must not hide a shipment
        // Sürat holds: with its barcode in hand the desk prints its own label (docs/reference/carriers.md §13); the
        // refusal stays in the exchange log. Without a barcode there is nothing to print: rethrow.
        if (err instanceof AppError && !err.retryable && barcode) return null
        throw err
      })
    }
    let suratBarcode = barcode
    const mode = modes[modeIndex]
    if (!suratBarcode && !label?.kargoTakipNo && mode === SuratCreateMode.ortakBarkod) {
      // Registered by an attempt whose OrtakBarkodOlustur answer was lost: ask for the barcode again.
      const r = await createOrtakBarkod(c, gonderi, key, call(signal))
      if (r.kind === 'created') suratBarcode = r.barcode
    }
    const trackingNumber = label?.kargoTakipNo || suratBarcode
    if (!trackingNumber && mode !== SuratCreateMode.yeni) {
      throw new AppError(ErrorCode.carrierBadResponse, `Sürat holds ${key} but neither its tracking nor KargoBarkodu gives a barcode yet`, {
        retryable: false,
        meta: { ozelKargoTakipNo: key },
      })
    }
    return {
      carrierShipmentId: key,
      trackingNumber: trackingNumber || key,
      // The code on the parcel: Sürat's barcode, or (GonderiyiKargoyaGonderYeni alone) our key (docs/reference/carriers.md §13).
      barcode: suratBarcode || label?.kargoTakipNo || key,
      trackingUrl: trackingNumber ? `${PUBLIC_TRACKING}${encodeURIComponent(trackingNumber)}` : null,
      labelFormat: label ? LabelFormat.pdf : null,
      label: label?.pdf ?? null,
      costKurus: null,
    }
  }

  async function exactlyOnce(gonderi: SoapFields, key: string, signal?: AbortSignal): Promise<CreatedShipment> {
    let mayExist = false
    return retrying(async () => {
      if (mayExist) {
        // An earlier attempt may have been stored with its answer lost: ask before creating again.
        const found = await lookupShipment(c, key, call(signal))
        if (found.kind === 'cancelled') throw reusedKey(key, found.message)
        if (found.kind === 'exists') return finish(gonderi, key, found.kargoTakipNo, signal)
      }
      mayExist = true
      const created = await createOnce(gonderi, key, signal)
      if (created.kind === 'created') return finish(gonderi, key, created.barcode, signal)
      // 009: stored before (docs/reference/carriers.md §5). Confirm and reuse; never a second create.
      const found = await lookupShipment(c, key, call(signal))
      if (found.kind === 'cancelled') throw reusedKey(key, found.message)
      if (found.kind === 'notFound') {
        throw new AppError(ErrorCode.carrierBadResponse, `Sürat answered 009 for ${key} but its tracking does not know it`, {
          retryable: true,
          meta: { ozelKargoTakipNo: key },
        })
      }
      return finish(gonderi, key, found.kargoTakipNo, signal)
    }, signal)
  }

  async function cancel(key: string, opts: { signal?: AbortSignal; reason?: string } = {}): Promise<SuratCancelResult> {
    refuseTrackingNo(key, 'cancel')
    const result = (outcome: SuratCancelOutcome): SuratCancelResult => ({ outcome, ozelKargoTakipNo: key })
    const found = await retrying(() => lookupShipment(c, key, call(opts.signal)), opts.signal)
    if (found.kind === 'cancelled') return result('alreadyCancelled')
    const code = found.kind === 'exists' ? found.statusCode : null
    if (code !== null && FINAL_CODES.has(code)) {
      throw new AppError(
        ErrorCode.carrierNotCancellable,
        `Sürat shipment ${key} is ${found.kind === 'exists' ? found.statusText : ''} (${code}); it can no longer be cancelled`,
        { meta: { ozelKargoTakipNo: key, statusCode: code } },
      )
    }
    if (code === null || code === 1) {
      // Not picked up (or not visible yet): GonderiSil voids it (docs/reference/carriers.md §5).
      const answer = await retrying(() => deleteShipment(c, key, call(opts.signal)), opts.signal)
      if (answer === 'deleted' || answer === 'alreadyCancelled') return result(answer)
    }
    if (!(o.recallInTransit ?? true)) {
      throw new AppError(ErrorCode.carrierNotCancellable, `Sürat shipment ${key} is with the carrier; recalling it is switched off`, {
        meta: { ozelKargoTakipNo: key, statusCode: code },
      })
    }
    const reason = (opts.reason ?? o.cancelReason ?? 'Müşteri isteği').trim()
    if (reason === '') throw new AppError(ErrorCode.inputInvalid, 'GonderiGeriCek needs a cancel reason (IptalNeden)', { meta: { field: 'reason' } })
    const answer = await retrying(() => recallShipment(c, key, reason, call(opts.signal)), opts.signal)
    return result(answer === 'alreadyCancelled' ? 'alreadyCancelled' : 'recalled')
  }

  return {
    id: CarrierId.surat,
    displayName: 'Sürat Kargo',
    get activeCreateMode() {
      return modes[modeIndex] as SuratCreateMode
    },
    keyFor: suratKeyFor,

    async createShipment(request: ShipmentRequest, callOptions: CallOptions): Promise<CreatedShipment> {
      const key = suratKeyFor(callOptions.idempotencyKey)
      const gonderi = buildGonderi(request, key, o.gonderi)
      return exactlyOnce(gonderi, key, callOptions.signal)
    },

    /**
     * A return shipment (kind 'shipment'): the same exactly-once create and KargoBarkodu label as
     * createShipment, with Iademi true and the customer in the Gonderi (buildReturnGonderi), under
     * its own OzelKargoTakipNo (suratReturnKeyFor). No validity limit is documented: validUntil null.
     */
    async createReturn(request: ReturnRequest, callOptions: CallOptions): Promise<CreatedReturn> {
      const key = suratReturnKeyFor(callOptions.idempotencyKey)
      const gonderi = buildReturnGonderi(request, key, o.gonderi)
      const s = await exactlyOnce(gonderi, key, callOptions.signal)
      return returnShipmentOf(s)
    },

    lookup: async (key, opts = {}) => {
      refuseTrackingNo(key, 'lookup')
      return retrying(() => lookupShipment(c, key, call(opts.signal)), opts.signal)
    },

    label: async (key, opts = {}) => {
      refuseTrackingNo(key, 'KargoBarkodu')
      return retrying(() => fetchLabel(c, key, call(opts.signal)), opts.signal)
    },

    cancel,

    /** Resolves when nothing will ship; a recall of a parcel already on its way is carrier.returnRequested. */
    async cancelShipment(key: string, opts: { signal?: AbortSignal } = {}): Promise<void> {
      const r = await cancel(key, opts)
      if (r.outcome === 'recalled') {
        throw new AppError(
          ErrorCode.carrierReturnRequested,
          `Sürat had already picked up ${key}; GonderiGeriCek turned the cancel into a recall (the parcel comes back)`,
          {
            retryable: false,
            meta: { ozelKargoTakipNo: key },
          },
        )
      }
    },

    async track(key: string, opts: { signal?: AbortSignal } = {}): Promise<readonly TrackingEvent[]> {
      refuseTrackingNo(key, 'track')
      return retrying(async () => {
        const r = await callSuratTracking(c, key, call(opts.signal))
        const observedAt = nowIso()
        if (r.IsError) {
          const kind = classifySuratText(r.errorMessage)
          // HT: a cancelled shipment or one awaiting branch acceptance is told in errorMessage; no code comes with it.
          if (kind === SuratTextKind.cancelled)
            return [{ status: TrackingStatus.cancelled, rawCode: '', rawText: r.errorMessage, at: observedAt, location: null }]
          if (kind === SuratTextKind.awaitingAcceptance)
            return [{ status: TrackingStatus.created, rawCode: '', rawText: r.errorMessage, at: observedAt, location: null }]
          throw suratTextToAppError(
            kind === SuratTextKind.ok ? SuratTextKind.unknown : kind,
            r.errorMessage || 'IsError without a message',
            'KargoTakipHareketDetayi',
            { webSiparisKodu: key },
          )
        }
        const events = eventsFromTracking(r, observedAt)
        if (events.length === 0) throw new AppError(ErrorCode.carrierNotFound, `Sürat tracking knows nothing of ${key}`, { meta: { webSiparisKodu: key } })
        return events
      }, opts.signal)
    },

    async trackHistory(key: string, opts: { signal?: AbortSignal } = {}): Promise<readonly TrackingEvent[]> {
      refuseTrackingNo(key, 'trackHistory')
      const text = await retrying(() => fetchHistory(c, key, call(opts.signal)), opts.signal)
      return eventsFromHistory(text, nowIso())
    },
  }
}

export { isSuratKey, suratKeyFor, suratReturnKeyFor }
