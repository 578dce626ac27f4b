import type { Server } from 'node:net'

/** Starts `server` on host:port (0 = any free port) and resolves with the port it got; rejects if it cannot listen. */
export function listenTcp(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : 0)
    })
  })
}
