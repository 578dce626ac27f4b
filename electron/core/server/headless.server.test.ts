import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { startHarness, type Harness } from '../../../tests/support/station-harness'
import { connectStation } from '../../../tests/support/ws-client'
import { startHeadlessServer, type HeadlessServer } from './headless.server'

let h: Harness
let server: HeadlessServer
let rendererDir: string

beforeAll(async () => {
  h = await startHarness()
  rendererDir = mkdtempSync(join(tmpdir(), 'kj-ui-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta name="kargojet-token" content=""></head><body>ok</body></html>')
  server = await startHeadlessServer({ handlers: h.station.handlers, access: h.station.access, subscribe: h.station.subscribe, rendererDir, port: 0 })
})
afterAll(async () => {
  await server.close()
  await h.dispose()
  rmSync(rendererDir, { recursive: true, force: true })
})

function get(path: string, host = `127.0.0.1:${server.port}`, port = server.port): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function wsStatus(query: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, origin ? { headers: { Origin: origin } } : {})
    ws.once('open', () => (ws.close(), resolve(101)))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', () => resolve(-1))
  })
}

describe('headless server', () => {
  it('binds to loopback and injects the per-run token into the page', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain(`content="${server.token}"`)
  })

  it("injects the token into the renderer's own index.html, however a formatter spells the empty tag", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kj-ui-real-'))
    writeFileSync(join(dir, 'index.html'), readFileSync(join(__dirname, '../../../renderer/index.html')))
    const own = await startHeadlessServer({ handlers: h.station.handlers, access: h.station.access, subscribe: h.station.subscribe, rendererDir: dir, port: 0 })
    try {
      const page = (await get('/', `127.0.0.1:${own.port}`, own.port)).body
      expect(page).toContain(`<meta name="kargojet-token" content="${own.token}" />`)
    } finally {
      await own.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a foreign Host (DNS rebinding) and paths outside the UI folder', async () => {
    expect((await get('/', 'evil.example:80')).status).toBe(421)
    // Traversal attempts resolve inside the UI folder: at most the app shell comes back, never the file.
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%E0%A4%A']) {
      const r = await get(path)
      expect(r.body).not.toContain('root:')
      expect([200, 404]).toContain(r.status)
    }
    expect((await get('/missing.js')).status).toBe(404)
  })

  it('opens the WebSocket only with the token and a same-origin Origin', async () => {
    expect(await wsStatus(`?token=${server.token}`, `http://127.0.0.1:${server.port}`)).toBe(101)
    expect(await wsStatus('?token=wrong', `http://127.0.0.1:${server.port}`)).toBe(403)
    expect(await wsStatus('')).toBe(403)
    expect(await wsStatus(`?token=${server.token}`, 'http://evil.example')).toBe(403)
  })

  it('answers malformed messages and bad input with error envelopes, and keeps serving', async () => {
    const c = await connectStation(server.url, server.token)
    const bad = await c.raw('scan.submit', { code: 42 })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error.code).toBe(ErrorCode.inputInvalid)
    const unknown = await c.raw('orders.drop', {})
    expect(!unknown.ok && unknown.error.code).toBe(ErrorCode.unknownCommand)
    const snap = await c.call('station.getSnapshot', {})
    expect(snap.boxes.length).toBeGreaterThan(0)
    c.close()
  })

  it('pushes packing events to the browser', async () => {
    const c = await connectStation(server.url, server.token)
    const seen = c.waitForEvent((name, p) => name === 'packing.changed' && p.packer?.badge === 'P1001')
    await c.call('scan.submit', { code: 'P1001' })
    await seen
    c.close()
  })
})
