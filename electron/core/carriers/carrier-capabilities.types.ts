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
  /**
   * The most parcels one shipment may carry (multi-package orders, issue 12): ComToHome's packages[], Aras's pieces.
   * 1: one parcel per shipment; the desk does not offer such a carrier for an order of more parcels.
   */
  pieces: number
}>
