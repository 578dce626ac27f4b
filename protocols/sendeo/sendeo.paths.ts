/**
 * Paths of Sendeo's API (docs/reference/carriers.md §7), on https://api.sendeo.com.tr (one origin for test and live) or
 * an emulator's origin. The connector (electron/core/carriers/sendeo) calls them and the emulator (sandbox/sendeo)
 * serves them; ASP.NET routes them case-insensitively.
 */
export const SendeoPath = {
  login: '/api/Token/LoginAES',
  setDelivery: '/api/Cargo/SETDELIVERY',
  cancelDelivery: '/api/Cargo/CANCELDELIVERY',
  trackDelivery: '/api/Cargo/TRACKDELIVERY',
  getBarcode: '/api/Cargo/GETBARCODE',
} as const
