import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver'

// "A socket that survives" (as tests/integration/ws-fuzz.test.ts), for the desk's other listener: hostile bodies are refused
// with a 4xx and the receiver keeps serving; nothing a caller posts ends the process.
let receiver: WebhookReceiver
const stored: unknown[] = []

beforeAll(async () => {
  receiver = await startWebhookReceiver({
    kolaygelsin: { auth: { scheme: 'basic', username: 'kg-user', password: 'kg-pass' } },
    aras: { auth: { username: 'aras-user', password: 'aras-secret' } },
    rateLimit: null,
    onEvents: async (...args) => (stored.push(args), 'stored'),
  })
})
afterAll(() => receiver.close())

const basic = `Basic ${Buffer.from('kg-user:kg-pass').toString('base64')}`
const nested = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth)
const soap = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CargoStatusPush xmlns="http://tempuri.org/">${inner}</CargoStatusPush></soap:Body></soap:Envelope>`

async function post(path: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${receiver.url}${path}`, { method: 'POST', headers, body })
  return res.status
}

describe('webhook receiver: hostile bodies get a 4xx, never a crash', () => {
  const kg = { 'content-type': 'application/json', authorization: basic }
  const aras = { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://tempuri.org/CargoStatusPush"' }
  it.each([
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a string', '"x"'],
    ['an array of nulls', '[null, null]'],
    ['deeply nested arrays', nested(100_000, '[', ']', '1')],
    ['deeply nested objects', nested(20_000, '{"a":', '}', '1')],
    ['prototype keys', '{"__proto__":{"CargoEventType":"29"},"constructor":{"prototype":{"x":1}}}'],
    ['truncated JSON', '{"CargoEventType":"29","ShipmentId":'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('latin1')],
  ])('Kolay Gelsin: %s → 400', async (_name, body) => {
    expect(await post('/webhooks/kolaygelsin', body, kg)).toBe(400)
  })

  it.each([
    ['deeply nested elements', soap(nested(20_000, '<a>', '</a>', 'x'))],
    [
      'an entity expansion (billion laughs)',
      `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${soap('<IntegrationCode>&c;</IntegrationCode>')}`,
    ],
    ['not XML', '<<<>>>'],
    ['an empty body', ''],
  ])('Aras: %s → 4xx', async (_name, body) => {
    const status = await post('/webhooks/aras', body, aras)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
  })

  it('keeps serving afterwards, and stored nothing', async () => {
    expect(await post('/webhooks/kolaygelsin', '{}', kg)).toBe(400)
    expect(stored).toEqual([])
  })
})
