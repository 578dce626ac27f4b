import type { z } from 'zod'
import { redactXmlElements } from '../../../../protocols/soap/xml-text'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierHttp, httpStatusError, parseJsonBody, type CarrierExchange, type CarrierHttpResponse } from '../http/carrier-http'
import { checkSoapBody, soapCall, type SoapCarrier } from '../http/soap-call'
import {
  buildSuratEnvelope,
  parseSuratSoap,
  soapActionOf,
  trackingResponseSchema,
  type SoapFault,
  type SoapFields,
  type SuratOperation,
  type SuratTrackingResponse,
} from './surat.soap'

/** Cari Kodu + Cari Şifre (create, GonderiGeriCek) + Web Servis Şifresi (label, GonderiSil, tracking) (docs/reference/carriers.md §5). */
export type SuratCredentials = Readonly<{ cariKodu: string; sifre: string; webPassword: string }>

export type SuratCall = Readonly<{
  /** Full SOAP endpoint, …/services.asmx. */
  soapUrl: string
  /** Full REST tracking URL, …/api/KargoTakipHareketDetayi. */
  trackingUrl: string
  timeoutMs?: number
  signal?: AbortSignal
  onExchange?: (exchange: CarrierExchange) => void
}>

const CARRIER = { carrierId: 'surat', carrierName: 'Sürat Kargo' } as const

/** Removes Sifre / WebPassword from envelopes, URLs and JSON before anything is logged. */
export function redactSurat(text: string): string {
  return redactXmlElements(text, ['Sifre', 'WebPassword'])
    .replace(/([?&](?:Sifre|WebPassword)=)[^&#\s]*/gi, '$1[redacted]')
    .replace(/("(?:Sifre|WebPassword)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"')
}

/**
 * Sürat sits behind Cloudflare (docs/reference/carriers.md §5): its block page is a 403 that says nothing about
 * credentials. Told apart so the operator asks Sürat to allow the station's IP instead of retyping passwords.
 */
function cloudflareBlock(operation: string, r: CarrierHttpResponse): AppError | null {
  if (r.status !== 403) return null
  const byHeader = /cloudflare/i.test(r.headers.server ?? '') || r.headers['cf-ray'] !== undefined
  if (!byHeader && !/cloudflare/i.test(r.text)) return null
  return new AppError(ErrorCode.carrierAuth, "Sürat's firewall (Cloudflare) blocked the request: ask Sürat's integration team to allow this station's IP", {
    retryable: false,
    meta: { operation, httpStatus: 403, cloudflare: true, cfRay: r.headers['cf-ray'] ?? null },
  })
}

/**
 * A fault with soap:Server is Sürat's trouble (retryable); soap:Client means it could not read our
 * envelope (not retryable: the same envelope will fail again).
 */
function suratFaultError(fault: SoapFault, operation: string, httpStatus: number): AppError {
  const server = /server/i.test(fault.faultcode)
  return new AppError(
    server ? ErrorCode.carrierUnavailable : ErrorCode.carrierBadResponse,
    `Sürat ${server ? 'failed' : 'could not read'} ${operation}: ${fault.faultstring}`,
    {
      retryable: server,
      meta: { operation, httpStatus, faultcode: fault.faultcode, faultstring: fault.faultstring },
    },
  )
}

const SOAP: SoapCarrier<SuratOperation, SoapFault> = {
  ...CARRIER,
  label: 'Sürat',
  soapAction: soapActionOf,
  parse: parseSuratSoap,
  faultError: suratFaultError,
  redact: redactSurat,
  refusal: cloudflareBlock,
}

/** One SOAP call, no retries (http/soap-call.ts): returns the `<OpResult>` content validated by `schema`. */
export async function callSuratSoap<S extends z.ZodType>(operation: SuratOperation, fields: SoapFields, schema: S, call: SuratCall): Promise<z.output<S>> {
  const result = await soapCall(SOAP, operation, buildSuratEnvelope(operation, fields), {
    url: call.soapUrl,
    timeoutMs: call.timeoutMs,
    signal: call.signal,
    onExchange: call.onExchange,
  })
  return checkSoapBody('Sürat', operation, schema, result)
}

/** REST POST KargoTakipHareketDetayi?CariKodu=&Sifre=&WebSiparisKodu= (Sifre = web service password). */
export async function callSuratTracking(c: SuratCredentials, webSiparisKodu: string, call: SuratCall): Promise<SuratTrackingResponse> {
  const operation = 'KargoTakipHareketDetayi'
  const url = new URL(call.trackingUrl)
  url.searchParams.set('CariKodu', c.cariKodu)
  url.searchParams.set('Sifre', c.webPassword)
  url.searchParams.set('WebSiparisKodu', webSiparisKodu)
  const r = await carrierHttp(
    { ...CARRIER, operation, method: 'POST', url: url.toString(), headers: { accept: 'application/json' }, body: '' },
    { timeoutMs: call.timeoutMs, signal: call.signal, redact: redactSurat, onExchange: call.onExchange },
  )
  const blocked = cloudflareBlock(operation, r)
  if (blocked) throw blocked
  const byStatus = httpStatusError(CARRIER.carrierName, operation, r)
  if (byStatus) throw byStatus
  if (r.status < 200 || r.status >= 300) {
    throw new AppError(ErrorCode.carrierBadResponse, `Sürat answered HTTP ${r.status} to ${operation} (check the tracking URL)`, {
      retryable: false,
      meta: { operation, httpStatus: r.status },
    })
  }
  const json = parseJsonBody(CARRIER.carrierName, operation, r)
  // HT: some gateways hand the JSON over as a JSON string; accept that once.
  const value = typeof json === 'string' ? parseJsonBody(CARRIER.carrierName, operation, { ...r, text: json }) : json
  const parsed = trackingResponseSchema.safeParse(value)
  if (!parsed.success) {
    throw new AppError(ErrorCode.carrierBadResponse, `Sürat ${operation} answer has an unexpected shape`, {
      retryable: true,
      meta: { operation, bodyStart: r.text.slice(0, 200) },
    })
  }
  return parsed.data
}
