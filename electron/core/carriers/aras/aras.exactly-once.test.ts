import { expect, it } from 'vitest'
import { startArasEmulator } from '../../../../sandbox/aras/aras.emulator'
import { sampleArasRequest } from '../../../../sandbox/aras/aras.fixtures'
import { FAULT_RUN_RETRY, itIsExactlyOnce } from '../../../../tests/support/carrier-exactly-once'
import { httpFaultSequence } from '../../../../tests/support/carrier-fault-runs'
import type { CarrierExchange } from '../http/carrier-http'
import { createArasConnector } from './aras.adapter'
import { arasOfflineKey } from './aras.keys'

const CREDS = { username: 'neodyum', password: 'nd2580' }

itIsExactlyOnce({
  title: 'exactly one order per shipment over 500 randomized runs of lost, cut, spoiled and refused answers',
  start: () => startArasEmulator({ users: [{ ...CREDS, barcodePermitted: true }] }),
  seed: 20_251_125,
  // 0–3 consecutive faults, hitting SetOrder, the lookup and GetBarcode alike; a timeout now and then (each costs timeoutMs).
  faults: (emu) => httpFaultSequence(emu.faults, { maxPerRun: 3 }),
  plan: (emu) => {
    const options = { environment: 'live', origin: emu.origin, credentials: CREDS, timeoutMs: 250, retry: FAULT_RUN_RETRY } as const
    // Every fourth run also fetches Aras's ZPL, so faults hit GetBarcode too (all of them would double the run time).
    const withLabel = createArasConnector({ ...options, barcodePermitted: true })
    const withoutLabel = createArasConnector(options)
    const mine = (key: string) => {
      const code = arasOfflineKey(key)
      return emu.shipments.filter((s) => s.integrationCode === code)
    }
    return {
      create: (run, key) =>
        (run % 4 === 0 ? withLabel : withoutLabel).createShipment(sampleArasRequest({ orderNumber: `SIP-${run}` }), { idempotencyKey: key }),
      shipmentsFor: mine,
      check: (created, { run, key }) => {
        expect(created.carrierShipmentId).toBe(arasOfflineKey(key))
        expect(created.labelFormat).toBe(run % 4 === 0 ? 'zpl' : null)
        expect(mine(key)[0]?.fields.InvoiceNumber).toBe(`SIP-${run}`)
      },
    }
  },
  minInjected: 600,
  verify: (_, emu) => {
    expect(new Set(emu.shipments.filter((s) => s.trackingNumber !== null).map((s) => s.trackingNumber)).size).toBe(125)
    expect(emu.requests.filter((r) => r.operation === 'GetOrderWithIntegrationCode').length).toBeGreaterThan(300) // and were resolved by looking
  },
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
