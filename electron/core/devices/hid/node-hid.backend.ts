/**
 * node-hid, loaded on first use: its prebuild links libusb-1.0 and libudev at run time
 * (docs/reference/hardware.md §7.4), and a desk without them must still start with serial or wedge
 * devices. The HID scale and the HID POS scanner each see it through their own narrow backend type.
 */
export const nodeHid = {
  async devices() {
    const hid = await import('node-hid')
    return hid.devicesAsync()
  },
  async open(path: string) {
    const hid = await import('node-hid')
    return hid.HIDAsync.open(path)
  },
}
