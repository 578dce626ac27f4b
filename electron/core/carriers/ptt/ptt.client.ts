import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { checkSoapBody, soapBadResponse, soapCall, type SoapCallOptions, type SoapCarrier } from '../http/soap-call'
import { pttFaultError } from './ptt.errors'
import {
  etiketReturnSchema,
  kabulReturnSchema,
  siparisReturnSchema,
  silReturnSchema,
  takipReturnSchema,
  type EtiketReturn,
  type KabulReturn,
  type SiparisReturn,
  type SilReturn,
  type TakipReturn,
} from './ptt.schemas'
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

/** `url` is the service endpoint: acceptance (PttVeriYukleme[Test]) or tracking (GonderiTakipV2). */
export type PttCallOptions = SoapCallOptions

const SOAP: SoapCarrier<PttOperation, Parameters<typeof pttFaultError>[0]> = {
  carrierId: 'ptt',
  carrierName: PTT_CARRIER_NAME,
  label: 'PTT',
  soapAction: (operation) => soapActionOf(operation),
  parse: parseSoapResponse,
  faultError: pttFaultError,
  redact: redactPttSecrets,
}

const badResponse = (operation: string, reason: string, retryable: boolean, meta: Record<string, unknown> = {}) =>
  soapBadResponse('PTT', operation, reason, retryable, meta)
const check = <S extends z.ZodType>(operation: string, schema: S, value: unknown): z.output<S> => checkSoapBody('PTT', operation, schema, value)

/** Posts one envelope and returns the operation's response element (http/soap-call.ts); faults and HTTP failures are thrown. */
export function callPtt(operation: PttOperation, envelope: string, o: PttCallOptions): Promise<unknown> {
  return soapCall(SOAP, operation, envelope, o)
}

export async function kabulEkle2(input: KabulEkle2Input, o: PttCallOptions): Promise<KabulReturn> {
  return check(PttOperation.kabulEkle2, kabulReturnSchema, await callPtt(PttOperation.kabulEkle2, buildKabulEkle2Envelope(input), o))
}

export async function etiketGetir(input: Readonly<{ barkodNo: string; musteriId: number; sifre: string }>, o: PttCallOptions): Promise<EtiketReturn> {
  return check(PttOperation.etiketGetir, etiketReturnSchema, await callPtt(PttOperation.etiketGetir, buildEtiketGetirEnvelope(input), o))
}

export async function barkodVeriSil(
  input: Readonly<{ barcode: string; dosyaAdi?: string; musteriId: number; sifre: string }>,
  o: PttCallOptions,
): Promise<SilReturn> {
  return check(PttOperation.barkodVeriSil, silReturnSchema, await callPtt(PttOperation.barkodVeriSil, buildBarkodVeriSilEnvelope(input), o))
}

export async function siparisIstekEkle2(input: SiparisIstekEkle2Input, o: PttCallOptions): Promise<SiparisReturn> {
  return check(PttOperation.siparisIstekEkle2, siparisReturnSchema, await callPtt(PttOperation.siparisIstekEkle2, buildSiparisIstekEkle2Envelope(input), o))
}

export async function gonderiSorgu(
  operation: PttTrackingOperation,
  input: Readonly<{ barkod: string; kullanici: string; sifre: string }>,
  o: PttCallOptions,
): Promise<TakipReturn> {
  return check(operation, takipReturnSchema, await callPtt(operation, buildGonderiSorguEnvelope(operation, input), o))
}
