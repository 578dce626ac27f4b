import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { CommandHandlers } from '../../../shared/contract/commands'
import type { CommandAccess } from '../../../shared/contract/dispatch'
import type { EventName, EventPayloads, WireMessage } from '../../../shared/contract/events'
import type { Unsubscribe } from '../../../shared/emitter'
import { COMMAND_SHEET_PATH } from '../../../shared/barcode/command-sheet-path'
import { commandSheetPdf } from '../printing/command-sheet'
import { readStatic } from './static-files'

const EMPTY_TOKEN_META = /<meta name="kargojet-token" content=""\s*\/?>/
import { sendText, serveConnection } from './ws-connection'

export type HeadlessServerOptions = Readonly<{
  handlers: CommandHandlers
  /** The desk session the role check reads (shared/contract/command-roles.ts). */
  access: CommandAccess
  subscribe: (listener: <E extends EventName>(name: E, payload: EventPayloads[E]) => void) => Unsubscribe
  rendererDir: string
  port: number
  /** Per-run secret the UI must present on the WebSocket; generated when omitted. */
  token?: string
  log?: (line: string) => void
}>

export type HeadlessServer = Readonly<{ url: string; port: number; token: string; close(): Promise<void> }>

const MAX_MESSAGE_BYTES = 64 * 1024
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Serves the built React UI and the command/event contract over a WebSocket, on 127.0.0.1 only.
 * The WebSocket needs the per-run token, a loopback Host and a same-origin Origin, so neither a
 * web page elsewhere nor a DNS-rebinding page can drive the desk.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const log = options.log ?? (() => undefined)
  let port = options.port
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  const http: Server = createServer((req, res) => {
    void serveHttp(req, res).catch((err) => {
      log(`http error: ${(err as Error).message}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, SECURITY_HEADERS).end('misdirected request')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end()
      return
    }
    const url = req.url ?? '/'
    if (url === '/healthz') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json' }).end('{"ok":true}')
      return
    }
    if (url === COMMAND_SHEET_PATH) {
      // The printable sheet of desk command barcodes (settings links it); the same for every desk, nothing secret.
      const pdf = Buffer.from(await commandSheetPdf())
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/pdf', 'Content-Length': pdf.length })
      res.end(req.method === 'HEAD' ? undefined : pdf)
      return
    }
    let file = await readStatic(options.rendererDir, url)
    // Client-side routes fall back to the app shell.
    if (!file && !/\.[a-z0-9]+$/i.test(url.split('?')[0] ?? '')) file = await readStatic(options.rendererDir, '/index.html')
    if (!file) {
      res.writeHead(404, SECURITY_HEADERS).end('not found')
      return
    }
    let body = file.body
    if (file.type.startsWith('text/html')) {
      // Whatever the HTML's spelling of the empty tag (`content="">` or `content="" />`, as a formatter writes it).
      body = Buffer.from(body.toString('utf8').replace(EMPTY_TOKEN_META, `<meta name="kargojet-token" content="${token}" />`))
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': body.length })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  // With noServer the ws library reports nothing here today; a listener keeps any future 'error' from ending the process.
  wss.on('error', (err) => log(`websocket server error: ${err.message}`))
  // A malformed HTTP request (bad header, oversized header) gets Node's 400 and a closed socket, logged, never a crash.
  http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    log(`http client error: ${err.code ?? err.message}`)
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    if (socket.writable && err.code !== 'ECONNRESET') socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
    else socket.destroy()
  })
  http.on('upgrade', (req, socket, head) => {
    // Node drops its own socket error handler on upgrade: a reset during the handshake must not end the process.
    const onSocketError = (err: Error) => log(`websocket handshake socket error: ${err.message}`)
    socket.on('error', onSocketError)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const origin = req.headers.origin
    const okHost = allowedHosts().has(req.headers.host ?? '')
    const okOrigin = origin === undefined || [...allowedHosts()].some((h) => origin === `http://${h}`)
    const okToken = sameSecret(url.searchParams.get('token') ?? '', token)
    if (url.pathname !== '/ws' || !okHost || !okOrigin || !okToken) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onSocketError) // from here the ws library handles the socket's errors
      wss.emit('connection', ws, req)
    })
  })

  wss.on('connection', (ws: WebSocket) => serveConnection(ws, { handlers: options.handlers, access: options.access, log }))

  const unsubscribe = options.subscribe((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies WireMessage)
    for (const ws of wss.clients) sendText(ws, text, log)
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (http.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      unsubscribe()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
