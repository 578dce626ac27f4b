import { faultControls, listenHttp, type FaultControls } from '../common/http-emulator'
import { readProtocolFile } from '../common/soap-schema'
import { resolveOptions, type YurticiEmulatorOptions, type YurticiFault } from './yurtici.config'
import { advance, setReturn, type ReturnPatch } from './yurtici.lifecycle'
import { createYurticiHandler } from './yurtici.server'
import { YurticiState, type EmulatedShipment, type LoggedRequest, type ReturnCode } from './yurtici.state'

export type { YurticiEmulatorOptions, YurticiUser } from './yurtici.config'
export { DEFAULT_USERS, SERVICE_PATH, YkCode, YurticiFault } from './yurtici.config'
export type { EmulatedShipment, LoggedRequest, ReturnCode } from './yurtici.state'

/**
 * A local Yurtiçi ShippingOrderDispatcherServices (SOAP 1.1) on 127.0.0.1 for tests, benchmarks
 * and demo mode: one endpoint plus ?wsdl, the four operations of docs/reference/carriers.md §1, a state machine
 * driven by test hooks, injectable faults and a request log with the password redacted (§14).
 */
export type YurticiEmulator = FaultControls<YurticiFault> &
  Readonly<{
    /** The service endpoint, e.g. http://127.0.0.1:40123/KOPSWebServices/ShippingOrderDispatcherServices. */
    url: string
    /** http://127.0.0.1:port, for the /__emu/ hooks. */
    origin: string
    /** Parcels stored so far, in creation order. */
    readonly shipments: readonly EmulatedShipment[]
    /** Every request to the service, in order (wsPassword redacted). */
    readonly requests: readonly LoggedRequest[]
    readonly returnCodes: readonly ReturnCode[]
    /** Same as POST /__emu/advance/{cargoKey}: the next status, or on through the chain to `to`. */
    advance(cargoKey: string, to?: 'ISR' | 'IND' | 'DLV' | 'BI', senderCustId?: number): EmulatedShipment
    /** Same as POST /__emu/return/{cargoKey}. */
    setReturn(cargoKey: string, patch: ReturnPatch, senderCustId?: number): EmulatedShipment
    close(): Promise<void>
  }>

/** The published WSDL (protocols/yurtici/KOPSWebServices.wsdl), when it is there. */
function referenceWsdl(): string | undefined {
  try {
    return readProtocolFile('yurtici', 'KOPSWebServices.wsdl')
  } catch {
    return undefined // packaged or moved: ?wsdl then answers 404 unless options.wsdl is given
  }
}

export async function startYurticiEmulator(options: YurticiEmulatorOptions = {}): Promise<YurticiEmulator> {
  const opts = resolveOptions({ ...options, wsdl: options.wsdl ?? referenceWsdl() })
  const state = new YurticiState(opts.firstJobId, opts.firstDocId)
  let serviceUrl = ''
  const handler = createYurticiHandler({ opts, state, serviceUrl: () => serviceUrl })
  const running = await listenHttp(async (req, res) => handler(req, res), opts.port)
  const origin = running.origin
  serviceUrl = `${origin}${opts.path}`
  const find = (cargoKey: string, senderCustId?: number) => {
    const s = state.anyByCargoKey(cargoKey, senderCustId)
    if (!s) throw new Error(`no shipment with cargoKey ${cargoKey}`)
    return s
  }
  return {
    url: serviceUrl,
    origin,
    shipments: state.shipments,
    requests: state.requests,
    returnCodes: state.returnCodes,
    ...faultControls(state.faults),
    advance: (cargoKey, to, senderCustId) => {
      const s = find(cargoKey, senderCustId)
      advance(s, opts, state, to)
      return s
    },
    setReturn: (cargoKey, patch, senderCustId) => {
      const s = find(cargoKey, senderCustId)
      setReturn(s, patch, state)
      return s
    },
    close: () => running.close(),
  }
}
