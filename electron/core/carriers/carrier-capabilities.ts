import { AppError, ErrorCode } from '../../../shared/errors'
import type { CarrierConnector } from './carrier.port'

/**
 * What a carrier can do, declared once per carrier (docs/carriers.md "What each carrier can do"). The
 * registry builds each connector to match it (a method the declaration leaves out is not offered,
 * a declared one must exist), and the desk (offline labels, returns, cancel, pickup, the tracking
 * poller's batch choice), the CLI (`station return`, help texts) and the table in docs/carriers.md
 * read it. tests/integration/carrier-capabilities.test.ts checks each line against the carrier's
 * emulator; carrier-capabilities.test.ts checks the docs table.
 */
export type CarrierCapabilities = Readonly<{
  /**
   * The desk may print a label with its own key while the carrier is unreachable and register it
   * later (planOfflineLabel): only where the carrier's branch scans a shipper-generated key.
   */
  offlineLabels: boolean
  /** 'code': a return code the customer gives at a branch; 'shipment': a return shipment with its own label; null: none. */
  returns: 'code' | 'shipment' | null
  /**
   * How long a label can be voided (cancelShipment): 'untilPickup' (before the carrier takes the
   * parcel; later the carrier refuses or turns it into a return), 'untilDelivery' (a recall after
   * pickup too), or null (no cancel operation).
   */
  cancel: 'untilPickup' | 'untilDelivery' | null
  /** A tracking operation (track) the poller and `station track` ask. */
  tracking: boolean
  /** Many shipments in one tracking call (trackMany): the poller batches them. Implies tracking. */
  batchTracking: boolean
  /** 'request': a courier pickup request of its own (carriers.requestPickup); 'withShipment': a flag on the create call; null: none. */
  pickup: 'request' | 'withShipment' | null
  /** End-of-day manifest: 'desk' (the desk's own list, manifests.build/print); no carrier here has a manifest call. */
  manifest: 'desk' | null
  /** Status pushes the desk's receiver takes (carriers.webhooks, POST /webhooks/<id>): a JSON 'webhook' or a 'push' (SOAP/JSON/form); null: polling only. */
  pushes: 'webhook' | 'push' | null
}>

const none: CarrierCapabilities = { offlineLabels: false, returns: null, cancel: null, tracking: false, batchTracking: false, pickup: null, manifest: null, pushes: null }

/** The declaration, in the order the docs list the carriers. Facts: docs/carriers.md and the reference it cites. */
export const CARRIER_CAPABILITIES = {
  comtohome: { ...none, pickup: 'withShipment', manifest: 'desk' },
  yurtici: { ...none, offlineLabels: true, returns: 'code', cancel: 'untilPickup', tracking: true, manifest: 'desk' },
  aras: { ...none, offlineLabels: true, cancel: 'untilPickup', tracking: true, manifest: 'desk', pushes: 'push' },
  mng: { ...none, cancel: 'untilPickup', tracking: true, manifest: 'desk' },
  hepsijet: { ...none, cancel: 'untilPickup', tracking: true, batchTracking: true, manifest: 'desk' },
  ptt: { ...none, offlineLabels: true, cancel: 'untilPickup', tracking: true, pickup: 'request', manifest: 'desk' },
  surat: { ...none, returns: 'shipment', cancel: 'untilDelivery', tracking: true, manifest: 'desk' },
  // Sendeo's branches scan the barcode Sendeo issues (BarcodeNumbers), which exists only once SETDELIVERY answered (§7, §13).
  sendeo: { ...none, returns: 'shipment', cancel: 'untilPickup', tracking: true, manifest: 'desk' },
  // Kolay Gelsin prefers the shipper's CustomerBarcode (§13), but nothing documents that a parcel labelled before KG registered it is taken: no offline labels.
  kolaygelsin: { ...none, cancel: 'untilPickup', tracking: true, batchTracking: true, manifest: 'desk', pushes: 'webhook' },
  marketplace: { ...none, manifest: 'desk' },
} as const satisfies Readonly<Record<string, CarrierCapabilities>>

export type DeclaredCarrierId = keyof typeof CARRIER_CAPABILITIES

/** A carrier's declaration; a carrier not declared (a test double) can do nothing beyond createShipment. */
export function capabilitiesOf(carrierId: string): CarrierCapabilities {
  return Object.hasOwn(CARRIER_CAPABILITIES, carrierId) ? CARRIER_CAPABILITIES[carrierId as DeclaredCarrierId] : none
}

/** The carriers whose declaration passes `test`, by id (for help texts and refusals). */
export function carriersThat(test: (c: CarrierCapabilities) => boolean): string[] {
  return Object.entries(CARRIER_CAPABILITIES)
    .filter(([, c]) => test(c))
    .map(([id]) => id)
}

/** The port's optional methods each capability stands for. */
const METHODS = [
  ['planOfflineLabel', (c: CarrierCapabilities) => c.offlineLabels],
  ['createReturn', (c: CarrierCapabilities) => c.returns !== null],
  ['cancelShipment', (c: CarrierCapabilities) => c.cancel !== null],
  ['track', (c: CarrierCapabilities) => c.tracking],
  ['trackMany', (c: CarrierCapabilities) => c.batchTracking],
] as const

/**
 * The connector as declared: an optional method the declaration leaves out is removed (Sendeo and
 * Kolay Gelsin have no offline labels even though a key could be derived), and a declared one that
 * is missing is a bug, refused at build time.
 */
export function shapeConnector<C extends CarrierConnector>(connector: C, capabilities: CarrierCapabilities): C {
  const out: Record<string, unknown> = {}
  // Copy own and prototype members (YurticiConnector is a class), bound, so the result is a plain object.
  for (let o: object | null = connector; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor' || key in out) continue
      const value = (connector as unknown as Record<string, unknown>)[key]
      out[key] = typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(connector) : value
    }
  }
  for (const [method, declared] of METHODS) {
    const has = typeof out[method] === 'function'
    if (declared(capabilities) && !has) throw new AppError(ErrorCode.wrongState, `${connector.id}: declared capability needs ${method}, which the connector lacks`)
    if (!declared(capabilities)) delete out[method]
  }
  return out as C
}
