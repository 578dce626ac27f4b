/**
 * Which HID devices are scales (pure). Facts: docs/reference/hardware.md §1.2 (VID:PID table) and
 * §1.1 quirks: not every scale reports usage page 0x8D (a Fairbanks SCB-R9000 showed 0xAE20), so a
 * device is matched by VID:PID and the usage page is only a hint for scales not in the table.
 */

export type KnownHidScale = Readonly<{ vendorId: number; productId: number; name: string }>

/** Known VID:PID pairs (§1.2). Dymo S100/S250/S400 are missing: no PID was found for them. */
export const knownHidScales: readonly KnownHidScale[] = [
  { vendorId: 0x0922, productId: 0x8003, name: 'Dymo M10' },
  { vendorId: 0x0922, productId: 0x8004, name: 'Dymo M25' },
  { vendorId: 0x0922, productId: 0x8009, name: 'Dymo S180' },
  { vendorId: 0x1446, productId: 0x6a78, name: 'Dymo Endicia 75 lb' },
  { vendorId: 0x1446, productId: 0x6a73, name: 'Stamps.com Model 510 (5 lb)' },
  { vendorId: 0x2474, productId: 0x0550, name: 'Stamps.com stainless 5 lb' },
  { vendorId: 0x2474, productId: 0x3550, name: 'Stamps.com stainless 35 lb' },
  { vendorId: 0x0eb8, productId: 0xf000, name: 'Mettler Toledo PS60' },
  { vendorId: 0x0eb8, productId: 0x2200, name: 'Mettler Toledo Ariva' },
  { vendorId: 0x0b67, productId: 0x555e, name: 'Fairbanks SCB-R9000' },
  { vendorId: 0x6096, productId: 0x0158, name: 'SANFORD/Dymo 10 lb' },
  { vendorId: 0x7b7c, productId: 0x0100, name: 'USPS/Elane PS311 UParcel 30 lb' },
  { vendorId: 0x0d8f, productId: 0x0200, name: 'Pitney Bowes 397-B' },
  // A user reported this one did not work with usbscale (erjiang/usbscale issue #15); listed so it is found.
  { vendorId: 0x04d9, productId: 0x8010, name: 'AccuPost PP-10 (Holtek)' },
]

/** HID usage page "Scales" (HID POS Usage Tables). */
export const scaleUsagePage = 0x8d

/** What node-hid's `devices()` reports, reduced to what matching needs. */
export type HidDeviceInfo = Readonly<{
  vendorId: number
  productId: number
  path?: string
  usagePage?: number
  usage?: number
  manufacturer?: string
  product?: string
  serialNumber?: string
  interface?: number
}>

export type HidScaleMatch = Readonly<{
  device: HidDeviceInfo
  /** `vidPid`: in the table; `usagePage`: unknown VID:PID on usage page 0x8D (a hint, not a promise). */
  matchedBy: 'vidPid' | 'usagePage'
  name: string
}>

export function findKnownHidScale(vendorId: number, productId: number): KnownHidScale | undefined {
  return knownHidScales.find((s) => s.vendorId === vendorId && s.productId === productId)
}

/**
 * Picks the scales from a HID device list, table matches first. A device with several HID
 * interfaces is listed once per path; entries without a path (cannot be opened) are skipped.
 */
export function matchHidScales(devices: readonly HidDeviceInfo[]): HidScaleMatch[] {
  const byPath = new Map<string, HidScaleMatch>()
  for (const device of devices) {
    if (!device.path || byPath.has(device.path)) continue
    const known = findKnownHidScale(device.vendorId, device.productId)
    if (known) byPath.set(device.path, { device, matchedBy: 'vidPid', name: known.name })
    else if (device.usagePage === scaleUsagePage) {
      const name = [device.manufacturer, device.product].filter(Boolean).join(' ') || 'HID scale'
      byPath.set(device.path, { device, matchedBy: 'usagePage', name })
    }
  }
  return [...byPath.values()].sort((a, b) => (a.matchedBy === b.matchedBy ? 0 : a.matchedBy === 'vidPid' ? -1 : 1))
}

/** `0922:8003` style, lower-case hex as in udev rules and lsusb. */
export function formatVidPid(vendorId: number, productId: number | undefined): string {
  const h = (n: number) => n.toString(16).padStart(4, '0')
  return `${h(vendorId)}:${productId === undefined ? '*' : h(productId)}`
}
