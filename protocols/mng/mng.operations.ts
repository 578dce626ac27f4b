/** Every path hangs under this base on both hosts (testapi. / api.mngkargo.com.tr, docs/reference/carriers.md §3). */
export const MNG_BASE_PATH = '/mngapi/api'

/** API products of the IBM API Connect portal; an app is subscribed to each separately (§3). */
export const MngProduct = {
  identity: 'identity',
  standardCommand: 'standardCommand',
  barcodeCommand: 'barcodeCommand',
  standardQuery: 'standardQuery',
  cbsInfo: 'cbsInfo',
} as const
export type MngProduct = (typeof MngProduct)[keyof typeof MngProduct]

/** One operation: its name on the wire, method, path below MNG_BASE_PATH, product, whether it needs the JWT of POST /token, and whether /{param} follows. */
export type MngOperation = Readonly<{ operation: string; method: 'GET' | 'POST' | 'PUT'; path: string; product: MngProduct; jwt: boolean; param: boolean }>

const { identity, standardCommand, barcodeCommand, standardQuery, cbsInfo } = MngProduct

/**
 * The operations of §3, spelled as the spec spells them (createOrder vs updateorder, cancelorder/{refrenceId}: the typo
 * is the spec's). The connector (electron/core/carriers/mng) calls them; the emulator (sandbox/mng) routes them.
 */
export const MngOperations = {
  token: { operation: 'token', method: 'POST', path: '/token', product: identity, jwt: false, param: false },
  createOrder: { operation: 'createOrder', method: 'POST', path: '/standardcmdapi/createOrder', product: standardCommand, jwt: true, param: false },
  updateOrder: { operation: 'updateorder', method: 'PUT', path: '/standardcmdapi/updateorder', product: standardCommand, jwt: true, param: false },
  cancelOrder: { operation: 'cancelorder', method: 'PUT', path: '/standardcmdapi/cancelorder', product: standardCommand, jwt: true, param: true },
  createBarcode: { operation: 'createbarcode', method: 'POST', path: '/barcodecmdapi/createbarcode', product: barcodeCommand, jwt: true, param: false },
  updateShipment: { operation: 'updateshipment', method: 'PUT', path: '/barcodecmdapi/updateshipment', product: barcodeCommand, jwt: true, param: false },
  cancelShipment: { operation: 'cancelshipment', method: 'PUT', path: '/barcodecmdapi/cancelshipment', product: barcodeCommand, jwt: true, param: false },
  getOrder: { operation: 'getorder', method: 'GET', path: '/standardqueryapi/getorder', product: standardQuery, jwt: true, param: true },
  getShipment: { operation: 'getshipment', method: 'GET', path: '/standardqueryapi/getshipment', product: standardQuery, jwt: true, param: true },
  getShipmentStatus: {
    operation: 'getshipmentstatus',
    method: 'GET',
    path: '/standardqueryapi/getshipmentstatus',
    product: standardQuery,
    jwt: true,
    param: true,
  },
  trackShipment: { operation: 'trackshipment', method: 'GET', path: '/standardqueryapi/trackshipment', product: standardQuery, jwt: true, param: true },
  trackShipmentByShipmentId: {
    operation: 'trackshipmentByShipmentId',
    method: 'GET',
    path: '/standardqueryapi/trackshipmentByShipmentId',
    product: standardQuery,
    jwt: true,
    param: true,
  },
  calculate: { operation: 'calculate', method: 'POST', path: '/standardqueryapi/calculate', product: standardQuery, jwt: true, param: false },
  // §3: "no JWT needed" for the CBS lists; the app keys still are.
  getCities: { operation: 'getcities', method: 'GET', path: '/cbsinfoapi/getcities', product: cbsInfo, jwt: false, param: false },
  getDistricts: { operation: 'getdistricts', method: 'GET', path: '/cbsinfoapi/getdistricts', product: cbsInfo, jwt: false, param: true },
} as const satisfies Record<string, MngOperation>
