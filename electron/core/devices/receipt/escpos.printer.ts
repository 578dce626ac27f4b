import thermal from 'node-thermal-printer'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'

/** GS r 1: transmit paper sensor status (docs/reference/hardware.md §4). */
const PAPER_STATUS = Buffer.from([0x1d, 0x72, 0x01])
const DEFAULT_ESCPOS_TIMEOUT_MS = 3000

/** The GS r 1 answer: bits 0–1 paper near end (0x03), bits 2–3 paper end (0x0C). */
export type EscPosStatus = Readonly<{ paperNearEnd: boolean; paperOut: boolean; raw: number }>

export function parsePaperStatus(byte: number): EscPosStatus {
  return { paperNearEnd: (byte & 0x03) !== 0, paperOut: (byte & 0x0c) !== 0, raw: byte }
}

export type EscPosPrinterOptions = Readonly<{
  timeoutMs?: number
  /** Ask GS r 1 before each slip and refuse on paper-out or silence. Default true. */
  checkStatus?: boolean
}>

/** `tcp://host[:port]` only: the receipt printer on the desk's network, port 9100 by default. */
const TCP_URI = /^tcp:\/\/([^/:]+|\[[^\]]+\])(?::(\d{1,5}))?\/?$/i

/**
 * An ESC/POS receipt printer on raw TCP, through node-thermal-printer's network interface
 * (docs/reference/hardware.md §4). Its status query resolves on the first byte back; a printer that is offline
 * (often because paper ran out, §4) does not answer at all, which is printer.timeout, never "fine".
 */
export class EscPosPrinter {
  readonly uri: string
  private readonly timeoutMs: number

  constructor(
    uri: string,
    private readonly options: EscPosPrinterOptions = {},
  ) {
    const m = TCP_URI.exec(uri.trim())
    const port = m?.[2] === undefined ? 9100 : Number(m[2])
    if (!m || port < 1 || port > 65535) {
      throw new AppError(ErrorCode.printerAddressInvalid, msg('receipt.addressInvalid', { uri }), { meta: { uri } })
    }
    this.uri = `tcp://${m[1]}:${port}`
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ESCPOS_TIMEOUT_MS
  }

  /** Asks GS r 1. Silence is printer.timeout (offline, or paper out on most models). */
  async status(): Promise<EscPosStatus> {
    const p = this.connection()
    p.setBuffer(PAPER_STATUS)
    let reply: unknown
    try {
      reply = await p.execute({ waitForResponse: true })
    } catch (err) {
      throw this.mapError(err)
    }
    const bytes = Buffer.isBuffer(reply) ? reply : Buffer.from(String(reply), 'latin1')
    if (bytes.length < 1) throw this.mapError(new Error('Socket timeout'))
    // One byte is the answer; node-thermal-printer resolves on the first chunk (§7.7), so more is noise.
    return parsePaperStatus(bytes[0] as number)
  }

  /** Sends a finished slip (from buildPackingSlip). Checks paper first unless told not to. */
  async print(slip: Uint8Array): Promise<void> {
    if (this.options.checkStatus ?? true) {
      const status = await this.status()
      if (status.paperOut) {
        throw new AppError(ErrorCode.printerPaperOut, msg('receipt.paperOut'), { retryable: true, meta: { uri: this.uri, status } })
      }
    }
    try {
      await this.connection().raw(Buffer.from(slip))
    } catch (err) {
      throw this.mapError(err)
    }
  }

  private connection(): InstanceType<typeof thermal.ThermalPrinter> {
    return new thermal.ThermalPrinter({ type: thermal.PrinterTypes.EPSON, interface: this.uri, options: { timeout: this.timeoutMs } })
  }

  /** node-thermal-printer rejects with socket errors or `Error('Socket timeout')`. */
  private mapError(err: unknown): AppError {
    const code = (err as NodeJS.ErrnoException).code
    const message = err instanceof Error ? err.message : String(err)
    if (/Socket timeout/i.test(message) || code === 'ETIMEDOUT') {
      return new AppError(ErrorCode.printerTimeout, msg('receipt.noAnswer', { uri: this.uri }), {
        retryable: true,
        meta: { uri: this.uri, timeoutMs: this.timeoutMs },
        cause: err,
      })
    }
    return new AppError(ErrorCode.printerOffline, msg('receipt.offline', { uri: this.uri, detail: code ?? message }), {
      retryable: true,
      meta: { uri: this.uri, errno: code ?? null },
      cause: err,
    })
  }
}
