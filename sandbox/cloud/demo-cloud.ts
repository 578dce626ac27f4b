import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CloudEvent, CloudOrder } from '../../shared/contract/cloud'
import { DEFAULT_BOXES } from '../../shared/default-boxes'
import { DEMO_PACKERS, demoOrders } from './demo-orders'

export type DemoCloud = Readonly<{
  url: string
  orders: CloudOrder[]
  events: CloudEvent[]
  cancelOrder(id: string): void
  close(): Promise<void>
}>

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * A minimal KargoJet cloud for demo mode and tests: serves orders by cursor, the station config
 * (packers, boxes) and accepts events idempotently by id. The full reference cloud is issue 5's.
 */
export async function startDemoCloud(options: { port?: number; apiKeys?: string[]; orderCount?: number } = {}): Promise<DemoCloud> {
  const apiKeys = new Set(options.apiKeys ?? ['demo-station-key'])
  const orders = demoOrders(options.orderCount ?? 12)
  const events: CloudEvent[] = []
  const seen = new Set<string>()
  let seq = orders.length
  const changeSeq = new Map(orders.map((o, i) => [o.id, i + 1]))

  const server = createServer((req, res) => {
    void (async () => {
      if (!apiKeys.has(String(req.headers.apikey ?? ''))) return json(res, 401, { status: false, errors: [{ message: 'Geçersiz API anahtarı', field: 'APIKEY' }] })
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (req.method === 'GET' && url.pathname === '/api/v1/station/config') {
        return json(res, 200, { status: true, data: { packers: DEMO_PACKERS, boxes: DEFAULT_BOXES } })
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/orders') {
        const cursor = Number(url.searchParams.get('cursor') || '0')
        const limit = Math.min(500, Number(url.searchParams.get('limit') || '100'))
        const changed = orders.filter((o) => (changeSeq.get(o.id) ?? 0) > cursor).sort((a, b) => changeSeq.get(a.id)! - changeSeq.get(b.id)!)
        const page = changed.slice(0, limit)
        const next = page.length ? changeSeq.get(page.at(-1)!.id)! : cursor
        return json(res, 200, { status: true, data: { orders: page, nextCursor: String(next), hasMore: changed.length > limit } })
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/events') {
        let body: { events?: CloudEvent[] }
        try {
          body = JSON.parse(await readBody(req)) as { events?: CloudEvent[] }
        } catch {
          return json(res, 400, { status: false, errors: [{ message: 'Geçersiz JSON', field: null }] })
        }
        const accepted: string[] = []
        for (const e of body.events ?? []) {
          if (!seen.has(e.id)) {
            seen.add(e.id)
            events.push(e)
          }
          accepted.push(e.id)
        }
        return json(res, 200, { status: true, data: { accepted } })
      }
      json(res, 404, { status: false, errors: [{ message: 'Bulunamadı', field: null }] })
    })().catch(() => json(res, 500, { status: false, errors: [{ message: 'Sunucu hatası', field: null }] }))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    orders,
    events,
    cancelOrder: (id) => {
      const o = orders.find((x) => x.id === id)
      if (!o) return
      o.status = 'cancelled'
      o.version++
      changeSeq.set(o.id, ++seq)
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}
