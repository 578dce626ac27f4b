import { startCarrierEmulator, type CarrierEmulator } from '../common/http-emulator'
import { resolveOptions, SuratPath, type SuratEmulatorOptions } from './surat.config'
import { createSuratHandler, suratAdvanceHook } from './surat.server'
import { SuratState, type EmulatedSuratShipment, type SuratLoggedRequest } from './surat.state'

export type { SuratAccount, SuratEmulatorOptions } from './surat.config'
export { codeMessage, DEFAULT_ACCOUNT, DEFAULT_STATUS_CHAIN, SURAT_NS, SuratCode, SuratOp, SuratPath, SuratStatusText, SuratText } from './surat.config'
export type { EmulatedSuratShipment, SuratHistoryEvent, SuratLoggedRequest } from './surat.state'

/**
 * A local Sürat Kargo (docs/reference/carriers.md §5, §14) on 127.0.0.1 for tests, benchmarks and demo mode: the
 * SOAP ASMX operations (three creates, KargoBarkodu with a real PDF, GonderiSil, GonderiGeriCek,
 * KargoTakipHareketDetayliV2) and the REST tracking call on one origin, the documented result
 * codes, a status chain driven by `advance` (1 → 2 → 3 → 5 → 7 → 6, a recalled parcel → 9, by
 * OzelKargoTakipNo; or POST /__emu/advance/{key}?to=N), Cloudflare 403s, an optional rate limit, injectable
 * faults and a request log with passwords redacted.
 */
export type SuratEmulator = CarrierEmulator<SuratLoggedRequest, EmulatedSuratShipment, number, typeof SuratPath> &
  Readonly<{
    /** The next `times` create calls answer `code` (e.g. "038", "042"), whatever they carry. */
    forceResult(code: string, times?: number): void
    /** The next `times` requests get Cloudflare's HTTP 403 block page. */
    blockWithCloudflare(times?: number): void
  }>

export async function startSuratEmulator(options: SuratEmulatorOptions = {}): Promise<SuratEmulator> {
  const opts = resolveOptions(options)
  const state = new SuratState(opts)
  const emu = await startCarrierEmulator(
    { port: opts.port, requests: state.requests, shipments: state.shipments, advanceHook: suratAdvanceHook({ state }), paths: SuratPath },
    (faults) => createSuratHandler({ opts, state, faults }),
  )
  return {
    ...emu,
    forceResult: (code, times = 1) => {
      for (let i = 0; i < times; i++) state.forcedCodes.push(code)
    },
    blockWithCloudflare: (times = 1) => {
      state.cloudflareBlocks = times
    },
  }
}
