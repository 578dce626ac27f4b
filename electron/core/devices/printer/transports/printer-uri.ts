import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import type { PrinterTransport } from '../printer.port'
import { FilePrinterTransport } from './file.transport'
import { MemoryPrinterTransport } from './memory.transport'
import { DEFAULT_PRINTER_PORT, TcpPrinterTransport } from './tcp.transport'

function invalid(uri: string, why: string): AppError {
  return new AppError(ErrorCode.printerAddressInvalid, `Yazıcı adresi geçersiz / Invalid printer address "${uri}": ${why} (use tcp://HOST[:PORT], file:///ABS/PATH or memory:)`, {
    meta: { uri },
  })
}

/**
 * Turns a printer address into a transport: `tcp://host[:port]` (port 9100 by default),
 * `file:///abs/path`, or `memory:`. Anything else is printer.addressInvalid, an input error.
 */
export function createTransport(uri: string, options: { timeoutMs?: number } = {}): PrinterTransport {
  const trimmed = uri.trim()
  if (trimmed === 'memory:') return new MemoryPrinterTransport()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw invalid(uri, 'not a URI')
  }
  if (url.protocol === 'tcp:') {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
    if (host === '') throw invalid(uri, 'no host')
    if (url.pathname !== '' && url.pathname !== '/') throw invalid(uri, 'a tcp address has no path')
    if (url.username || url.password || url.search || url.hash) throw invalid(uri, 'unexpected user, query or fragment')
    const port = url.port === '' ? DEFAULT_PRINTER_PORT : Number(url.port)
    // URL already rejects ports above 65535; port 0 means "any" and cannot be connected to.
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(uri, 'port must be 1–65535')
    return new TcpPrinterTransport(host, port, options.timeoutMs)
  }
  if (url.protocol === 'file:') {
    if (url.host !== '') throw invalid(uri, 'file URIs need three slashes (file:///abs/path)')
    const path = fileURLToPath(url)
    if (!isAbsolute(path) || path.endsWith('/')) throw invalid(uri, 'file path must be absolute and name a file')
    return new FilePrinterTransport(path)
  }
  throw invalid(uri, `unsupported scheme "${url.protocol}"`)
}
