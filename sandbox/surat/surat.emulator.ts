import { FaultPlan, listenHttp, urlsOf } from '../common/http-emulator'
import { resolveOptions, SuratPath, type SuratEmulatorOptions } from './surat.config'
import { createSuratHandler } from './surat.server'
import { SuratState, type EmulatedSuratShipment, type SuratLoggedRequest } from './surat.state'

export type { SuratAccount, SuratEmulatorOptions } from './surat.config'
export { codeMessage, DEFAULT_ACCOUNT, DEFAULT_STATUS_CHAIN, SURAT_NS, SuratCode, SuratOp, SuratPath, SuratStatusText, SuratText } from './surat.config'
export type { EmulatedSuratShipment, SuratHistoryEvent, SuratLoggedRequest } from './surat.state'

/**
 * A local Sürat Kargo (docs/reference/carriers.md §5, §14) on 127.0.0.1 for tests, benchmarks and demo mode: the
 * SOAP ASMX operations (three creates, KargoBarkodu with a real PDF, GonderiSil, GonderiGeriCek,
 * KargoTakipHareketDetayliV2) and the REST tracking call on one origin, the documented result
 * codes, a status chain driven by `advance` (or POST /__emu/advance/{key}?to=N), Cloudflare 403s,
 * an optional rate limit, injectable faults and a request log with passwords redacted.
 */
export type SuratEmulator = Readonly<{
  /** http://127.0.0.1:port: both the SOAP and the tracking origin of the connector. */
  origin: string
  urls: Readonly<{ soap: string; tracking: string }>
  /** Shipments stored so far, in creation order. */
  readonly shipments: readonly EmulatedSuratShipment[]
  /** Every SOAP/REST request, in order (Sifre / WebPassword redacted). */
  readonly requests: readonly SuratLoggedRequest[]
  /** Faults for the coming SOAP/REST requests (/__emu hooks never). */
  faults: FaultPlan
  /** The next `times` create calls answer `code` (e.g. "038", "042"), whatever they carry. */
  forceResult(code: string, times?: number): void
  /** The next `times` requests get Cloudflare's HTTP 403 block page. */
  blockWithCloudflare(times?: number): void
  /** One step along 1 → 2 → 3 → 5 → 7 → 6 (a recalled parcel → 9), or straight to `toStatus`. */
  advance(ozelKargoTakipNo: string, toStatus?: number): EmulatedSuratShipment
  close(): Promise<void>
}>

export async function startSuratEmulator(options: SuratEmulatorOptions = {}): Promise<SuratEmulator> {
  const opts = resolveOptions(options)
  const state = new SuratState(opts)
  const faults = new FaultPlan()
  const running = await listenHttp(createSuratHandler({ opts, state, faults }), opts.port)
  const o = running.origin
  return {
    origin: o,
    urls: urlsOf(o, SuratPath),
    shipments: state.shipments,
    requests: state.requests,
    faults,
    forceResult: (code, times = 1) => {
      for (let i = 0; i < times; i++) state.forcedCodes.push(code)
    },
    blockWithCloudflare: (times = 1) => {
      state.cloudflareBlocks = times
    },
    advance: (key, toStatus) => {
      const s = state.find(key)
      if (!s) throw new Error(`no shipment ${key}`)
      return state.advance(s, toStatus)
    },
    close: () => running.close(),
  }
}
