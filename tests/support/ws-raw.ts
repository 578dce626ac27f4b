import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/** Builds one client WebSocket frame byte by byte (RFC 6455 §5.2), including the ones the RFC forbids. */
export function wsFrame(
  opcode: number,
  payload: Uint8Array,
  o: Readonly<{ fin?: boolean; rsv?: number; masked?: boolean; declaredLength?: bigint }> = {},
): Buffer {
  const fin = o.fin ?? true
  const masked = o.masked ?? true
  const len = o.declaredLength ?? BigInt(payload.length)
  const head: number[] = [(fin ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | (opcode & 0x0f)]
  const maskBit = masked ? 0x80 : 0
  if (len < 126n) head.push(maskBit | Number(len))
  else if (len < 65536n) head.push(maskBit | 126, Number(len >> 8n) & 0xff, Number(len) & 0xff)
  else {
    head.push(maskBit | 127)
    for (let i = 7; i >= 0; i--) head.push(Number((len >> BigInt(i * 8)) & 0xffn))
  }
  const body = Buffer.from(payload)
  if (!masked) return Buffer.concat([Buffer.from(head), body])
  const mask = randomBytes(4)
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ mask[i % 4]!
  return Buffer.concat([Buffer.from(head), mask, body])
}

/** A close frame payload: a 2-byte code and a reason. */
export const closePayload = (code: number, reason: Uint8Array = new Uint8Array()) =>
  Buffer.concat([Buffer.from([(code >> 8) & 0xff, code & 0xff]), Buffer.from(reason)])

export type RawOutcome = Readonly<{
  /** The HTTP status line's code of the handshake answer (101 when upgraded), or null when none came. */
  status: number | null
  /** The close code in the server's close frame, or null when the socket just ended. */
  closeCode: number | null
  /** True when the server answered with a frame, a status, or closed the socket. */
  answered: boolean
}>

/** The server's first close frame code in `bytes` after the handshake (unmasked server frames). */
function findCloseCode(bytes: Buffer): number | null {
  let at = 0
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f
    let len = bytes[at + 1]! & 0x7f
    let off = at + 2
    if (len === 126) ((len = bytes.readUInt16BE(off)), (off += 2))
    else if (len === 127) ((len = Number(bytes.readBigUInt64BE(off))), (off += 8))
    if (opcode === 0x8) return len >= 2 && off + 2 <= bytes.length ? bytes.readUInt16BE(off) : 1005
    at = off + len
  }
  return null
}

/**
 * Opens a raw TCP connection, sends `request` (a handshake or garbage), then, once upgraded,
 * `afterUpgrade` frames; optionally half-closes. Resolves when the server closes the socket or
 * sends a close frame, or after `timeoutMs` with answered=false.
 */
export function rawExchange(
  port: number,
  request: string | Buffer,
  afterUpgrade: readonly Buffer[],
  o: Readonly<{ endAfter?: boolean; resetAfter?: boolean; resetAtOnce?: boolean; timeoutMs?: number }> = {},
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1')
    let received = Buffer.alloc(0)
    let headerEnd = -1
    let status: number | null = null
    let settled = false
    const finish = (answered: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      const closeCode = headerEnd >= 0 && status === 101 ? findCloseCode(received.subarray(headerEnd)) : null
      socket.destroy()
      resolve({ status, closeCode, answered })
    }
    const timer = setTimeout(() => finish(false), o.timeoutMs ?? 20_000)
    socket.on('error', () => finish(true)) // a reset from the server is a close too
    socket.on('close', () => finish(true))
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (headerEnd < 0) {
        const end = received.indexOf('\r\n\r\n')
        if (end < 0) return
        headerEnd = end + 4
        status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received.toString('latin1'))?.[1] ?? 0)
        if (status !== 101) return finish(true)
        if (o.resetAfter) return (socket.resetAndDestroy(), finish(true))
        for (const frame of afterUpgrade) socket.write(frame)
        if (o.endAfter) socket.end()
      }
      if (findCloseCode(received.subarray(headerEnd)) !== null) finish(true)
    })
    socket.on('connect', () => {
      socket.write(request)
      // A caller gone mid-handshake: the server sees a reset while it upgrades the socket.
      if (o.resetAtOnce) (socket.resetAndDestroy(), finish(true))
    })
  })
}

/** A correct WebSocket upgrade request for the station's /ws endpoint. */
export function handshake(port: number, token: string, extraHeaders: Record<string, string> = {}): string {
  const host = `127.0.0.1:${port}`
  const headers: Record<string, string> = {
    Host: host,
    Origin: `http://${host}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    ...extraHeaders,
  }
  return `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`
}
