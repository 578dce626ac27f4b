import { SerialPort } from 'serialport'
import { toAppError } from '../../../shared/errors'
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

const listWithSerialport: SerialPortLister = () => SerialPort.list()

function describeListFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  // On Linux SerialPort.list() spawns `udevadm info -e`; without udev it rejects with ENOENT
  // (hardware.md §7.5, toolchain.md trap 4).
  if (e?.code === 'ENOENT') {
    return 'station scale list: cannot list serial ports: udevadm is not installed (Debian package "udev"). Pass the port path directly, e.g. --port /dev/ttyUSB0.'
  }
  return `station scale list: cannot list serial ports: ${toAppError(err).message}`
}

export function createScaleListCommand(list: SerialPortLister = listWithSerialport): CliCommand {
  async function run(argv: readonly string[], io: CliIo): Promise<number> {
    let json: boolean
    try {
      json = parseFlags(argv, { json: { type: 'boolean' } }).values.json ?? false
    } catch (err) {
      io.stderr(`station scale list: ${toAppError(err).message}\n`)
      return 2
    }
    let ports: readonly SerialPortEntry[]
    try {
      ports = await list()
    } catch (err) {
      io.stderr(`${describeListFailure(err)}\n`)
      return 1
    }
    const rows = ports.map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      serialNumber: p.serialNumber ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
    }))
    if (json) {
      io.stdout(`${JSON.stringify(rows)}\n`)
      return 0
    }
    if (rows.length === 0) {
      io.stdout('no serial ports found (virtual ptys, e.g. from socat, are never listed)\n')
      return 0
    }
    for (const r of rows) {
      const ids = r.vendorId && r.productId ? ` [${r.vendorId}:${r.productId}]` : ''
      io.stdout(`${r.path}${r.manufacturer ? `  ${r.manufacturer}` : ''}${ids}\n`)
    }
    return 0
  }
  return {
    name: 'scale list',
    summary: 'List serial ports a scale could be on',
    usage: 'station scale list [--json]\nExit 1 when the ports cannot be listed (e.g. udevadm missing on Linux).',
    run,
  }
}

export const scaleListCommand: CliCommand = createScaleListCommand()
