import { afterAll, beforeAll, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { startArasEmulator, type ArasEmulator } from '../../../../sandbox/aras/aras.emulator'
import { sampleArasRequest } from '../../../../sandbox/aras/aras.fixtures'
import type { CarrierExchange } from '../http/carrier-http'
import { createArasConnector } from './aras.adapter'
import { arasOfflineKey } from './aras.keys'

const CREDS = { username: 'neodyum', password: 'nd2580' }

/** mulberry32: a seeded PRNG, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let emu: ArasEmulator
beforeAll(async () => {
  emu = await startArasEmulator({ users: [{ ...CREDS, barcodePermitted: true }] })
})
afterAll(() => emu.close())

it('exactly one order per shipment over 500 randomized runs of lost, cut, spoiled and refused answers', async () => {
  const options = { environment: 'live', origin: emu.origin, credentials: CREDS, timeoutMs: 250, retry: { maxAttempts: 8, sleep: async () => {} } } as const
  // Every fourth run also fetches Aras's ZPL, so faults hit GetBarcode too (all of them would double the run time).
  const withLabel = createArasConnector({ ...options, barcodePermitted: true })
  const withoutLabel = createArasConnector(options)
  const random = seeded(20_251_125)
  // Lost answers after commit weigh double: they are what buys twice when handled wrong.
  const faults = [HttpFault.dropAfterCommit, HttpFault.dropAfterCommit, HttpFault.halfResponse, HttpFault.malformed, HttpFault.http500, HttpFault.http503, HttpFault.http429, HttpFault.connectionReset] as const
  for (let run = 0; run < 500; run++) {
    // 0–3 consecutive faults, hitting SetOrder, the lookup and GetBarcode alike; a timeout now and then (each costs timeoutMs).
    const sequence: HttpFault[] = Array.from({ length: Math.floor(random() * 4) }, () => faults[Math.floor(random() * faults.length)] ?? HttpFault.http500)
    if (run % 100 === 7) sequence.unshift(HttpFault.timeout)
    emu.faults.queue(sequence)
    const key = `run-${run}`
    const connector = run % 4 === 0 ? withLabel : withoutLabel
    const created = await connector.createShipment(sampleArasRequest({ orderNumber: `SIP-${run}` }), { idempotencyKey: key })
    const mine = emu.shipments.filter((s) => s.integrationCode === arasOfflineKey(key))
    expect(mine, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(created.carrierShipmentId).toBe(arasOfflineKey(key))
    expect(created.labelFormat).toBe(run % 4 === 0 ? 'zpl' : null)
    expect(mine[0]?.fields.InvoiceNumber).toBe(`SIP-${run}`)
  }
  expect(emu.shipments).toHaveLength(500)
  expect(new Set(emu.shipments.map((s) => s.integrationCode)).size).toBe(500)
  expect(new Set(emu.shipments.filter((s) => s.trackingNumber !== null).map((s) => s.trackingNumber)).size).toBe(125)
  expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(600) // the faults really happened
  expect(emu.requests.filter((r) => r.operation === 'GetOrderWithIntegrationCode').length).toBeGreaterThan(300) // and were resolved by looking
})

it('429 burst: after each 429 the connector waits out Retry-After, so the limiter never refuses its retry', async () => {
  const limited = await startArasEmulator({ rateLimit: { limit: 3, windowMs: 1000 } })
  try {
    const exchanges: CarrierExchange[] = []
    const connector = createArasConnector({
      environment: 'test',
      origin: limited.origin,
      credentials: CREDS,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
      onExchange: (e) => exchanges.push(e),
    })
    for (let i = 0; i < 6; i++) await connector.createShipment(sampleArasRequest(), { idempotencyKey: `burst-${i}` })
    expect(limited.shipments).toHaveLength(6)
    // Each 429 is the first touch of a full window; the request after it waited Retry-After (1 s) and got through.
    expect(limited.rateLimited).toBeGreaterThanOrEqual(1)
    const refused = exchanges.flatMap((e, i) => (e.httpStatus === 429 ? [i] : []))
    expect(refused).toHaveLength(limited.rateLimited)
    for (const i of refused) {
      const next = exchanges[i + 1]
      expect(next?.httpStatus).toBe(200)
      expect(Date.parse(next?.at ?? '') - Date.parse(exchanges[i]?.at ?? '')).toBeGreaterThanOrEqual(990)
    }
  } finally {
    await limited.close()
  }
})
