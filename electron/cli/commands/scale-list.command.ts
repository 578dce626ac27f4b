import { SerialPort } from 'serialport'
import { toAppError, errorText } from '../../../shared/errors'
import { matchHidScales, type HidDeviceInfo } from '../../core/devices/scale/hid-scale.devices'
import { nodeHidBackend } from '../../core/devices/scale/hid-scale.driver'
import { parseFlags } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'

export type SerialPortEntry = Readonly<{
  path: string
  manufacturer?: string
  serialNumber?: string
  vendorId?: string
  productId?: string
}>

/** Lists serial ports; the default is `SerialPort.list()`. Injectable for tests. */
export type SerialPortLister = () => Promise<readonly SerialPortEntry[]>

/** Lists HID devices; the default is node-hid's `devicesAsync()`. Injectable for tests. */
export type HidDeviceLister = () => Promise<readonly HidDeviceInfo[]>

const listWithSerialport: SerialPortLister = () => SerialPort.list()
const listWithNodeHid: HidDeviceLister = () => nodeHidBackend.devices()

function describeListFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  // On Linux SerialPort.list() spawns `udevadm info -e`; without udev it rejects with ENOENT
  // (docs/reference/hardware.md §7.5, docs/reference/toolchain.md trap 4).
  if (e?.code === 'ENOENT') {
    return 'station scale list: cannot list serial ports: udevadm is not installed (Debian package "udev"). Pass the port path directly, e.g. --port /dev/ttyUSB0.'
  }
  return `station scale list: cannot list serial ports: ${errorText(toAppError(err))}`
}

const hex = (n: number) => n.toString(16).padStart(4, '0')

/** HID scales matched by VID:PID (docs/reference/hardware.md §1.2), plus usage-page 0x8D devices as hints. */
async function hidRows(listHid: HidDeviceLister, io: CliIo) {
  let devices: readonly HidDeviceInfo[]
  try {
    devices = await listHid()
  } catch (err) {
    // node-hid needs libusb-1.0 and libudev at run time (§7.4); serial scales still list fine.
    io.stderr(`station scale list: cannot list HID devices (${errorText(toAppError(err))}); is libusb-1.0-0 installed?\n`)
    return []
  }
  return matchHidScales(devices).map(({ device, matchedBy, name }) => ({
    kind: 'hid' as const,
    path: device.path ?? null,
    name,
    matchedBy,
    vendorId: hex(device.vendorId),
    productId: hex(device.productId),
    manufacturer: device.manufacturer ?? null,
    product: device.product ?? null,
    serialNumber: device.serialNumber ?? null,
  }))
}

export function createScaleListCommand(list: SerialPortLister = listWithSerialport, listHid: HidDeviceLister = listWithNodeHid): CliCommand {
  async function run(argv: readonly string[], io: CliIo): Promise<number> {
    let json: boolean
    try {
      json = parseFlags(argv, { json: { type: 'boolean' } }).values.json ?? false
    } catch (err) {
      io.stderr(`station scale list: ${errorText(toAppError(err))}\n`)
      return 2
    }
    let ports: readonly SerialPortEntry[]
    try {
      ports = await list()
    } catch (err) {
      io.stderr(`${describeListFailure(err)}\n`)
      return 1
    }
    const serial = ports.map((p) => ({
      kind: 'serial' as const,
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      serialNumber: p.serialNumber ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
    }))
    const hid = await hidRows(listHid, io)
    if (json) {
      io.stdout(`${JSON.stringify([...serial, ...hid])}\n`)
      return 0
    }
    if (serial.length === 0) io.stdout('no serial ports found (virtual ptys, e.g. from socat, are never listed)\n')
    for (const r of serial) {
      const ids = r.vendorId && r.productId ? ` [${r.vendorId}:${r.productId}]` : ''
      io.stdout(`${r.path}${r.manufacturer ? `  ${r.manufacturer}` : ''}${ids}\n`)
    }
    if (hid.length === 0) io.stdout('no HID scales found\n')
    for (const r of hid) {
      const hint = r.matchedBy === 'usagePage' ? ' (unknown model: usage page 0x8D only)' : ''
      io.stdout(`HID ${r.path}  ${r.name} [${r.vendorId}:${r.productId}]${hint}\n`)
    }
    return 0
  }
  return {
    name: 'scale list',
    summary: 'List serial ports and HID scales',
    usage:
      'station scale list [--json]\nSerial ports, then USB HID scales matched by VID:PID (usage page 0x8D as a hint).\n' +
      'Exit 1 when the serial ports cannot be listed (e.g. udevadm missing on Linux).',
    run,
  }
}

export const scaleListCommand: CliCommand = createScaleListCommand()
