import { normalizeTrPhone, type Address } from '../../../../shared/domain/address'
import { CarrierId, LabelFormat } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { kurusFromLira, liraFromKurus } from '../../../../shared/money'
import type { CallOptions, CarrierConnector, CreatedShipment, ShipmentRequest } from '../carrier.port'
import type { CarrierExchange } from '../http/carrier-http'
import { withRetry, type RetryOptions } from '../../net/retry'
import { createConsignment } from './comtohome.client'
import { consignmentRequestSchema, type ConsignmentData, type ConsignmentRequest } from './comtohome.schemas'

export type ComToHomeConnectorOptions = Readonly<{
  baseUrl: string
  apiKey: string
  /** Per HTTP call. Default 30000. */
  timeoutMs?: number
  /**
   * Seed 001 address_resolver_type. Default 2 (names first, postal code when they do not match):
   * the seed's advice for e-commerce data from many sources.
   */
  addressResolverType?: 0 | 1 | 2
  /** Seed 001 is_pickup_requested: ask ComToHome to send a courier for each shipment. Default false (drop-off or a standing pickup). */
  requestPickup?: boolean
  /** Backoff for retryable failures; the same Idempotency-Key is sent on every attempt. */
  retry?: RetryOptions
  /** Every HTTP exchange, for the support log. */
  onExchange?: (exchange: CarrierExchange) => void
}>

export type SubmitOptions = Readonly<{ idempotencyKey: string; labelFormat: LabelFormat; signal?: AbortSignal }>

// Seed 001 samples: package_type 1; post_type 4 = "Satış" (sale), the usual value for domestic e-commerce.
const PACKAGE_TYPE_DEFAULT = 1
const POST_TYPE_SALE = 4

/** serviceCode → provider choice: "provider:<id>" (or a bare id) sends provider_id + preference 0; "preference:<n>" sends preference n. */
export function providerChoice(serviceCode: string): Pick<ConsignmentRequest, 'provider_id' | 'preference'> {
  const provider = /^(?:provider:)?(\d+)$/.exec(serviceCode)
  if (provider) return { provider_id: Number(provider[1]), preference: 0 }
  const preference = /^preference:([1-9]\d*)$/.exec(serviceCode)
  if (preference) return { preference: Number(preference[1]) }
  throw new AppError(ErrorCode.inputInvalid, `ComToHome service code must be "provider:<id>" or "preference:<n>", got "${serviceCode}"`)
}

function party(a: Address, role: 'sender' | 'recipient'): ConsignmentRequest['consignor'] {
  let phone: string | undefined
  if (a.phone) {
    const digits = normalizeTrPhone(a.phone)
    if (!digits) throw new AppError(ErrorCode.inputInvalid, `${role} phone "${a.phone}" is not a Turkish phone number`, { meta: { field: `${role}.phone` } })
    phone = `+90${digits}`
  }
  return {
    name: a.name,
    country: 'TR',
    state: a.city, // il
    city: a.district, // ilçe
    address: a.address,
    ...(a.postalCode ? { postal_code: a.postalCode } : {}),
    ...(phone ? { phone_number: phone } : {}),
    ...(a.email ? { email: a.email } : {}),
  }
}

/** Builds the seed 001 request body for one shipment (units: mm → cm, g → kg, kuruş → lira). */
export function buildConsignmentBody(request: ShipmentRequest, addressResolverType: 0 | 1 | 2 = 2, requestPickup = false): ConsignmentRequest {
  const body = {
    ...providerChoice(request.serviceCode),
    address_resolver_type: addressResolverType,
    // Sent only when asked for: false is the seed's default, so the common body stays as the samples.
    ...(requestPickup ? { is_pickup_requested: true } : {}),
    reference_no: request.referenceNo,
    consignor: party(request.sender, 'sender'),
    consignee: party(request.recipient, 'recipient'),
    packages: request.packages.map((p) => ({
      package_type: PACKAGE_TYPE_DEFAULT,
      post_type: POST_TYPE_SALE,
      quantity: 1,
      weight: p.weightGrams / 1000,
      length: p.lengthMm / 10,
      width: p.widthMm / 10,
      height: p.heightMm / 10,
    })),
    ...(request.codAmountKurus !== null && request.codAmountKurus > 0
      ? { special_services: [{ service_type: 'CASH_ON_DELIVERY', details: { method: 'CASH', amount: liraFromKurus(request.codAmountKurus) } }] }
      : {}),
  }
  // Our own data checked against the seed's limits before the call: a bad order costs no request.
  const parsed = consignmentRequestSchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(ErrorCode.inputInvalid, `shipment ${request.referenceNo} cannot be sent to ComToHome: ${issue?.path.join('.')}: ${issue?.message}`, {
      meta: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    })
  }
  return parsed.data
}

function labelFormatOf(contentType: string): LabelFormat | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase()
  return type === 'application/zpl' ? LabelFormat.zpl : type === 'application/pdf' ? LabelFormat.pdf : null
}

/**
 * barcode = the provider barcode printed on the label; trackingNumber = the provider tracking code
 * (seed 001: "Kargo firması takip kodu"); both fall back to c2hBarcode, which the seed also names as
 * a tracking key. Cost is known only in TRY (the seed's currency_rate semantics are not documented).
 */
export function toCreatedShipment(data: ConsignmentData): CreatedShipment {
  const trackingNumber = data.providerTrackingCode || data.c2hBarcode
  return {
    carrierShipmentId: String(data.consignment),
    trackingNumber,
    barcode: data.barcode || trackingNumber,
    trackingUrl: data.trackingUrl || null,
    labelFormat: labelFormatOf(data.contentType),
    label: new Uint8Array(Buffer.from(data.base64label, 'base64')),
    costKurus: data.detail.currency_code === 'TRY' ? kurusFromLira(data.detail.total_cost) : null,
  }
}

/** ComToHome, the aggregator (seed 001): one connector, many providers chosen by service code. */
export class ComToHomeConnector implements CarrierConnector {
  readonly id = CarrierId.comtohome
  readonly displayName = 'ComToHome'

  constructor(private readonly options: ComToHomeConnectorOptions) {}

  createShipment(request: ShipmentRequest, options: CallOptions): Promise<CreatedShipment> {
    const body = buildConsignmentBody(request, this.options.addressResolverType ?? 2, this.options.requestPickup ?? false)
    return this.submitConsignment(body, { idempotencyKey: options.idempotencyKey, labelFormat: request.labelFormat, signal: options.signal })
  }

  /** Sends a ready seed-shaped body (the CLI's order file), retrying retryable failures under one key. */
  async submitConsignment(body: ConsignmentRequest, options: SubmitOptions): Promise<CreatedShipment> {
    const call = () =>
      createConsignment(body, {
        baseUrl: this.options.baseUrl,
        apiKey: this.options.apiKey,
        labelFormat: options.labelFormat,
        idempotencyKey: options.idempotencyKey,
        timeoutMs: this.options.timeoutMs,
        signal: options.signal,
        onExchange: this.options.onExchange,
      })
    return toCreatedShipment(await withRetry(call, { ...this.options.retry, signal: options.signal }))
  }
}
