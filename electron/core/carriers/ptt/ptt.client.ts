import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierHttp, httpStatusError, type CarrierExchange } from '../http/carrier-http'
import { pttFaultError } from './ptt.errors'
import { etiketReturnSchema, kabulReturnSchema, siparisReturnSchema, silReturnSchema, takipReturnSchema, type EtiketReturn, type KabulReturn, type SiparisReturn, type SilReturn, type TakipReturn } from './ptt.schemas'
import {
  buildBarkodVeriSilEnvelope,
  buildEtiketGetirEnvelope,
  buildGonderiSorguEnvelope,
  buildKabulEkle2Envelope,
  buildSiparisIstekEkle2Envelope,
  parseSoapResponse,
  PttOperation,
  redactPttSecrets,
  soapActionOf,
  type KabulEkle2Input,
  type PttTrackingOperation,
  type SiparisIstekEkle2Input,
} from './ptt.soap'

/**
 * One SOAP call to PTT, no retries: transport, HTTP, fault and shape failures become carrier.*
 * AppErrors. Result codes (hataKodu, donguHataKodu, sonucKodu) are left to the adapter, which
 * knows the configured success code and what each refusal means for its operation.
 */

export const PTT_CARRIER_NAME = 'PTT Kargo'

export type PttCallOptions = Readonly<{
  /** The service endpoint: acceptance (PttVeriYukleme[Test]) or tracking (GonderiTakipV2). */
  url: string
  timeoutMs?: number
  signal?: AbortSignal
  onExchange?: (exchange: CarrierExchange) => void
}>

function badResponse(operation: string, reason: string, retryable: boolean, meta: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.carrierBadResponse, `PTT ${operation} answer is unusable: ${reason}`, { retryable, meta: { operation, ...meta } })
}

/** Posts one envelope and returns the operation's `return` element; faults and HTTP failures are thrown. */
export async function callPtt(operation: PttOperation, envelope: string, o: PttCallOptions): Promise<unknown> {
  const res = await carrierHttp(
    {
      carrierId: 'ptt',
      carrierName: PTT_CARRIER_NAME,
      operation,
      method: 'POST',
      url: o.url,
      // SOAP 1.1 on both services (§4): text/xml; SOAPAction "urn:<op>" (Axis2) or "" (Axis 1.4 tracking).
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapActionOf(operation), accept: 'text/xml' },
      body: envelope,
    },
    { timeoutMs: o.timeoutMs, signal: o.signal, redact: redactPttSecrets, onExchange: o.onExchange },
  )
  const parsed = parseSoapResponse(res.text, operation)
  // SOAP 1.1 §6.2: a fault travels with HTTP 500 and says more than the status.
  if (parsed.kind === 'fault') throw pttFaultError(parsed.fault, operation, res.status)
  const httpError = httpStatusError(PTT_CARRIER_NAME, operation, res)
  if (httpError) throw httpError
  // 404/405/415: a wrong URL or binding; repeating will not help.
  if (res.status < 200 || res.status >= 300) throw badResponse(operation, `HTTP ${res.status} (check the service URL)`, false, { httpStatus: res.status })
  // A cut or garbled answer: every PTT call is safe to repeat (the barcode is the key), so retryable.
  if (parsed.kind === 'invalid') throw badResponse(operation, parsed.reason, true, { httpStatus: res.status, bodyStart: redactPttSecrets(res.text.slice(0, 200)) })
  return parsed.body
}

function check<S extends z.ZodType>(operation: string, schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issues = r.error.issues.slice(0, 4).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  throw badResponse(operation, `does not match the service's type: ${issues}`, true)
}

export async function kabulEkle2(input: KabulEkle2Input, o: PttCallOptions): Promise<KabulReturn> {
  return check(PttOperation.kabulEkle2, kabulReturnSchema, await callPtt(PttOperation.kabulEkle2, buildKabulEkle2Envelope(input), o))
}

export async function etiketGetir(input: Readonly<{ barkodNo: string; musteriId: number; sifre: string }>, o: PttCallOptions): Promise<EtiketReturn> {
  return check(PttOperation.etiketGetir, etiketReturnSchema, await callPtt(PttOperation.etiketGetir, buildEtiketGetirEnvelope(input), o))
}

export async function barkodVeriSil(input: Readonly<{ barcode: string; dosyaAdi?: string; musteriId: number; sifre: string }>, o: PttCallOptions): Promise<SilReturn> {
  return check(PttOperation.barkodVeriSil, silReturnSchema, await callPtt(PttOperation.barkodVeriSil, buildBarkodVeriSilEnvelope(input), o))
}

export async function siparisIstekEkle2(input: SiparisIstekEkle2Input, o: PttCallOptions): Promise<SiparisReturn> {
  return check(PttOperation.siparisIstekEkle2, siparisReturnSchema, await callPtt(PttOperation.siparisIstekEkle2, buildSiparisIstekEkle2Envelope(input), o))
}

export async function gonderiSorgu(operation: PttTrackingOperation, input: Readonly<{ barkod: string; kullanici: string; sifre: string }>, o: PttCallOptions): Promise<TakipReturn> {
  return check(operation, takipReturnSchema, await callPtt(operation, buildGonderiSorguEnvelope(operation, input), o))
}
