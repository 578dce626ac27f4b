import { appendFile } from 'node:fs/promises'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'

const OPEN_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENXIO', 'ENODEV'])

/**
 * Appends each job's bytes to a file (`file:///abs/path`): a spool file for demos and tests, or a
 * device node such as /dev/usb/lp0. It cannot read replies, so it has no `query` (no ~HS status).
 */
export class FilePrinterTransport implements PrinterTransport {
  readonly uri: string

  constructor(readonly path: string) {
    this.uri = `file://${path}`
  }

  async send(data: Uint8Array): Promise<void> {
    try {
      await appendFile(this.path, data)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN'
      throw new AppError(ErrorCode.printerOffline, msg('printer.fileWriteFailed', { path: this.path, errno: code }), {
        retryable: true,
        // These fail at open(), before a byte is written; anything else (ENOSPC, EIO) may be mid-write.
        meta: { uri: this.uri, errno: code, delivery: OPEN_ERRORS.has(code) ? 'none' : 'unknown' },
        cause: err,
      })
    }
  }
}
