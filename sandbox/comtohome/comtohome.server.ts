import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { headersOf, HttpFault, readBody, replier } from '../common/http-emulator'
import { Msg, type FieldError } from './comtohome.checks'
import { ComToHomeFault, type ResolvedOptions } from './comtohome.config'
import { buildPdfLabel, buildZplLabel, labelContentTypeFor, LabelContentType } from './comtohome.labels'
import { packageTotals, priceLira } from './comtohome.pricing'
import type { ComToHomeState, LoggedRequest } from './comtohome.state'
import { validateConsignment, type ValidConsignment } from './comtohome.validation'

/** Seed 001: POST {{BASE_URL}}/api/v1/consignments is the only endpoint we know of. */
export const CONSIGNMENTS_PATH = '/api/v1/consignments'

// Messages the seed does not give (auth, rate limit, server error, bad JSON, idempotency): ours.
const Text = {
  notFound: 'Kaynak bulunamadı.',
  methodNotAllowed: 'Bu kaynak yalnızca POST isteklerini kabul eder.',
  apiKeyMissing: 'APIKEY header eksik.',
  apiKeyInvalid: 'API anahtarı geçersiz.',
  rateLimited: 'İstek limiti aşıldı. Retry-After süresi sonunda tekrar deneyin.',
  serverError: 'Beklenmeyen bir sunucu hatası oluştu.',
  badJson: 'İstek gövdesi geçerli bir JSON değil.',
  tooLarge: 'İstek gövdesi çok büyük.',
  idempotencyMismatch: 'Bu Idempotency-Key farklı bir istek gövdesiyle daha önce kullanılmıştır.',
} as const

function envelope(errors: readonly FieldError[]): string {
  return JSON.stringify({ status: false, errors })
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out = headersOf(req)
  return out.apikey === undefined ? out : { ...out, apikey: '[redacted]' }
}

/** JSON with sorted keys, so the same body re-serialized in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Builds the seed's success body for a validated request. */
function createConsignment(opts: ResolvedOptions, state: ComToHomeState, v: ValidConsignment, req: IncomingMessage, body: unknown): string {
  const seq = state.nextSequence()
  const consignment = opts.firstConsignmentId + seq
  const c2hBarcode = `C2H${String(opts.firstC2hSerial + seq).padStart(11, '0')}`
  const barcode = v.specificProviderBarcode ?? `${v.provider.barcodePrefix}${String(consignment).padStart(10, '0')}`
  const totals = packageTotals(v.packages)
  const totalCost = priceLira(opts.priceTable, v.provider, totals.chargeableKg)
  const cod = v.specialServices.find((s) => s.serviceType === 'CASH_ON_DELIVERY')?.details?.amount
  const contentType = labelContentTypeFor(header(req, 'x-label-format'))
  const labelData = {
    consignment,
    c2hBarcode,
    barcode,
    providerName: v.provider.name,
    referenceNo: v.referenceNo,
    consignor: v.consignor,
    consignee: v.consignee,
    totals,
    codAmountLira: typeof cod === 'number' ? cod : null,
  }
  const label = contentType === LabelContentType.zpl ? Buffer.from(buildZplLabel(labelData), 'utf8') : buildPdfLabel(labelData)
  state.record({
    consignment,
    c2hBarcode,
    barcode,
    providerId: v.provider.id,
    referenceNo: v.referenceNo,
    idempotencyKey: header(req, 'idempotency-key') ?? null,
    contentType,
    totalCost,
    body,
    createdAt: new Date(opts.now()).toISOString(),
  })
  return JSON.stringify({
    status: true,
    message: 'Consignment created successfully',
    data: {
      consignment,
      barcode,
      c2hBarcode,
      providerTrackingCode: barcode,
      trackingUrl: v.provider.trackingUrlTemplate.replace('{code}', encodeURIComponent(barcode)),
      contentType,
      base64label: label.toString('base64'),
      detail: {
        total_cost: totalCost,
        currency_code: 'TRY',
        currency_rate: 1,
        // The seed sample echoes the provider barcode here; we echo the sent reference_no, else the barcode.
        reference_no: v.referenceNo ?? barcode,
        packages: { desi: totals.desi, weight: totals.weight, quantity: totals.quantity },
      },
    },
  })
}

/** The request handler: routing, faults, auth, rate limit, idempotency, validation, creation. */
export function createComToHomeHandler(opts: ResolvedOptions, state: ComToHomeState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(opts, state, req, res).catch((err: unknown) => {
      // A bug in the emulator: answer 500 naming it so the test that hit it fails loudly.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(envelope([{ field: null, message: `emulator error: ${(err as Error).message}` }]))
    })
  }
}

async function handle(opts: ResolvedOptions, state: ComToHomeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
  const raw = await readBody(req)
  const text = raw?.toString('utf8') ?? ''
  let parsed: unknown = undefined
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    // Not JSON: logged as raw text, answered 400 below (after auth, as a real server would).
  }
  const entry: LoggedRequest = {
    method: req.method ?? '',
    path,
    headers: redactedHeaders(req),
    body: parsed !== undefined ? parsed : text === '' ? null : text,
    status: null,
    fault: null,
    replayed: false,
  }
  state.requests.push(entry)

  // dropAfterCommit, halfResponse and malformedJson let the request run, then spoil whatever answer it got.
  let fault: ComToHomeFault | null = null
  // The shared reply faults under ComToHome's names: malformedJson is a cut body with a matching length.
  const send = replier(req, res, () => (fault === ComToHomeFault.malformedJson ? HttpFault.malformed : fault), entry)
  const reply = (status: number, body: string, extra: Record<string, string> = {}) => send(status, body, 'application/json; charset=utf-8', extra)
  const fail = (status: number, field: string | null, message: string, extra: Record<string, string> = {}) =>
    reply(status, envelope([{ field, message }]), extra)

  if (path !== CONSIGNMENTS_PATH) return fail(404, null, Text.notFound)
  if (req.method !== 'POST') return fail(405, null, Text.methodNotAllowed, { allow: 'POST' })

  fault = state.faults.take()
  entry.fault = fault
  if (fault === ComToHomeFault.timeout) return // never answered; close() destroys the socket
  if (fault === ComToHomeFault.http500) return fail(500, null, Text.serverError)
  if (fault === ComToHomeFault.http429) return fail(429, null, Text.rateLimited, { 'retry-after': String(opts.retryAfterSeconds) })

  const apiKey = header(req, 'apikey')
  if (!apiKey) return fail(401, 'APIKEY', Text.apiKeyMissing)
  if (!opts.apiKeys.includes(apiKey)) return fail(401, 'APIKEY', Text.apiKeyInvalid)

  const rate = state.admit(apiKey, opts.now(), opts.rateLimit.limit, opts.rateLimit.windowMs)
  if (!rate.allowed) return fail(429, null, Text.rateLimited, { 'retry-after': String(rate.retryAfterSeconds) })
  if (raw === null) return fail(413, null, Text.tooLarge)

  const idempotencyKey = opts.idempotency.mode === 'replay' ? header(req, 'idempotency-key') : undefined
  const bodyHash = createHash('sha256')
    .update(parsed !== undefined ? canonical(parsed) : text)
    .digest('hex')
  if (idempotencyKey) {
    const prior = state.storedFor(apiKey, idempotencyKey)
    if (prior && prior.bodyHash !== bodyHash) return fail(opts.idempotency.mismatchStatus, 'Idempotency-Key', Text.idempotencyMismatch)
    if (prior) {
      entry.replayed = true
      return reply(prior.status, prior.body)
    }
  }

  if (parsed === undefined && text !== '') return fail(400, null, Text.badJson)
  if (parsed === undefined) return fail(opts.validationStatus, null, Msg.blank)
  const result = validateConsignment(parsed, {
    customerId: opts.customerId,
    providers: opts.providers,
    choosePreference: opts.choosePreference,
    priceTable: opts.priceTable,
    knownDocumentIds: opts.knownDocumentIds,
    isReferenceUsed: (ref) => state.isReferenceUsed(ref),
  })
  if (!result.ok) return reply(opts.validationStatus, envelope(result.errors))

  const body = createConsignment(opts, state, result.value, req, parsed)
  // Only successes are stored: a request that failed validation can be corrected and re-sent under its key.
  if (idempotencyKey) state.store(apiKey, idempotencyKey, { status: opts.successStatus, body, bodyHash })
  reply(opts.successStatus, body)
}
