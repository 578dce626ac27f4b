import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../../shared/errors'
import { TcpPrinterTransport } from './tcp.transport'
import { failure } from '../../../../../tests/support/app-error'

/** A bare TCP server for transport tests; `onSocket` decides how it behaves. */
async function listen(onSocket: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    serverSockets.push(socket)
    // The client side destroys sockets on timeouts; a reset here is expected, not a test failure.
    socket.on('error', () => undefined)
    onSocket(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { server, port: (server.address() as AddressInfo).port }
}

const servers: Server[] = []
const serverSockets: Socket[] = []
const transports: TcpPrinterTransport[] = []
afterEach(async () => {
  for (const t of transports.splice(0)) t.dispose()
  for (const socket of serverSockets.splice(0)) socket.destroy()
  for (const s of servers.splice(0)) {
    await new Promise<void>((resolve) => s.close(() => resolve()))
  }
})

function transport(port: number, timeoutMs = 2000): TcpPrinterTransport {
  const t = new TcpPrinterTransport('127.0.0.1', port, timeoutMs)
  transports.push(t)
  return t
}

/** A port nobody listens on: bind one, close it, reuse the number. */
async function closedPort(): Promise<number> {
  const { server, port } = await listen(() => undefined)
  servers.splice(servers.indexOf(server), 1)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const HS_REPLY = '\x02030,0,0,1200,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n'
const threeEtx = (b: Uint8Array) => b.filter((x) => x === 3).length >= 3

describe('TcpPrinterTransport.send', () => {
  it('delivers every byte of a large job and resolves after the clean end', async () => {
    const received: Buffer[] = []
    let serverSawEnd!: () => void
    const ended = new Promise<void>((resolve) => (serverSawEnd = resolve))
    const { port } = await listen((socket) => {
      socket.on('data', (chunk) => received.push(chunk))
      socket.on('end', () => serverSawEnd())
    })
    const job = Buffer.alloc(4 * 1024 * 1024, '^XA^FO10,10^FDX^FS^XZ')
    await transport(port, 10_000).send(job)
    await ended // our FIN reaches the printer: the job was closed cleanly, not cut off
    expect(Buffer.concat(received).equals(job)).toBe(true)
  })

  it('a printer that hangs up (FIN) before taking the whole job → printer.offline, delivery unknown', async () => {
    const { port } = await listen((socket) =>
      socket.once('data', () => {
        socket.pause()
        socket.end()
      }),
    )
    const err = await failure(transport(port, 5000).send(Buffer.alloc(32 * 1024 * 1024, 0x41)))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
    expect(err.meta.delivery).toBe('unknown')
  })

  it('a printer that resets the link after reading part of the job → printer.offline, not a success', async () => {
    const { port } = await listen((socket) => socket.once('data', () => socket.resetAndDestroy()))
    const err = await failure(transport(port).send(Buffer.from('^XA^FO10,10^FDbir etiket^FS^XZ')))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.meta.delivery).toBe('unknown')
  })

  it('connection refused → printer.offline, retryable', async () => {
    const err = await failure(transport(await closedPort()).send(Buffer.from('^XA^XZ')))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
    expect(err.meta.errno).toBe('ECONNREFUSED')
    expect(err.meta.delivery).toBe('none')
  })

  it('a printer that never takes the data → printer.timeout, retryable', async () => {
    // The server never reads: once the kernel buffers fill, end() cannot finish.
    const { port } = await listen((socket) => socket.pause())
    const err = await failure(transport(port, 300).send(Buffer.alloc(32 * 1024 * 1024, 0x41)))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
  })
})

describe('TcpPrinterTransport.query', () => {
  it('collects a reply split across chunks until it is complete', async () => {
    let socketRef: Socket | null = null
    const { port } = await listen((socket) => {
      socketRef = socket
      socket.once('data', () => socket.write(HS_REPLY.slice(0, 5)))
    })
    const seen: number[] = []
    const reply = await transport(port).query(Buffer.from('~HS'), (b) => {
      seen.push(b.length)
      // Each partial reply makes the server send the next piece: no timing involved.
      if (!threeEtx(b)) socketRef?.write(HS_REPLY.slice(b.length, b.length + 17))
      return threeEtx(b)
    })
    expect(Buffer.from(reply).toString('latin1')).toBe(HS_REPLY)
    expect(seen.length).toBeGreaterThan(3)
  })

  it('sends the query bytes to the printer', async () => {
    const got = new Promise<string>((resolve) => {
      void listen((socket) => socket.once('data', (c) => (resolve(c.toString()), socket.write(HS_REPLY)))).then(({ port }) =>
        transport(port).query(Buffer.from('~HS'), threeEtx),
      )
    })
    expect(await got).toBe('~HS')
  })

  it('a silent printer → printer.timeout with what arrived so far', async () => {
    const { port } = await listen((socket) => socket.once('data', () => socket.write('\x02030,1')))
    const err = await failure(transport(port, 200).query(Buffer.from('~HS'), threeEtx))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
    expect(err.meta.partialReply).toBe('\x02030,1')
  })

  it('connection refused → printer.offline', async () => {
    const err = await failure(transport(await closedPort()).query(Buffer.from('~HS'), threeEtx))
    expect(err.code).toBe(ErrorCode.printerOffline)
  })

  it('the printer hanging up before a full reply → printer.offline', async () => {
    const { port } = await listen((socket) => socket.once('data', () => socket.end('\x02030')))
    const err = await failure(transport(port).query(Buffer.from('~HS'), threeEtx))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.message).toMatch(/closed the connection before answering/)
  })
})
