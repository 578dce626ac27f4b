import { describe, expect, it } from 'vitest'
import { ComToHomeFault, startComToHomeEmulator, type ComToHomeEmulatorOptions } from '../../../../sandbox/comtohome/comtohome.emulator'
import { ErrorCode } from '../../../../shared/errors'
import { mulberry32, runCarrierFaultRuns } from '../../../../tests/support/carrier-fault-runs'
import type { ShipmentRequest } from '../carrier.port'
import type { RetryOptions } from '../../net/retry'
import { buildConsignmentBody, ComToHomeConnector, providerChoice } from './comtohome.adapter'
import { inputError } from '../../../../tests/support/app-error'
import { closedAfterEach } from '../../../../tests/support/emulator-rig'

function shipment(over: Partial<ShipmentRequest> = {}): ShipmentRequest {
  return {
    orderNumber: 'SIP-1001',
    referenceNo: 'KJ-1001',
    serviceCode: 'provider:1',
    sender: { name: 'KargoJet Depo', address: 'Büyükdere Cad. No:1', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '0212 123 45 67' },
    recipient: {
      name: 'Elif Kaya',
      address: 'Cemal Gürsel Cad. No:42',
      district: 'kadikoy',
      city: 'istanbul',
      postalCode: '34710',
      phone: '+90 535 987 65 43',
      email: 'elif@example.com',
    },
    packages: [{ index: 0, boxCode: 'K2', lengthMm: 250, widthMm: 200, heightMm: 100, weightGrams: 850 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}

describe('buildConsignmentBody (ShipmentRequest → seed 001 body)', () => {
  it('maps parties, units and the reference', () => {
    expect(buildConsignmentBody(shipment())).toEqual({
      provider_id: 1,
      preference: 0,
      address_resolver_type: 2,
      reference_no: 'KJ-1001',
      consignor: {
        name: 'KargoJet Depo',
        country: 'TR',
        state: 'İstanbul',
        city: 'Şişli',
        address: 'Büyükdere Cad. No:1',
        postal_code: '34381',
        phone_number: '+902121234567',
      },
      consignee: {
        name: 'Elif Kaya',
        country: 'TR',
        state: 'istanbul',
        city: 'kadikoy',
        address: 'Cemal Gürsel Cad. No:42',
        postal_code: '34710',
        phone_number: '+905359876543',
        email: 'elif@example.com',
      },
      packages: [{ package_type: 1, post_type: 4, quantity: 1, weight: 0.85, length: 25, width: 20, height: 10 }],
    })
  })

  it.each([
    ['provider:3', { provider_id: 3, preference: 0 }],
    ['2', { provider_id: 2, preference: 0 }],
    ['preference:1', { preference: 1 }],
  ])('service code %s', (code, expected) => {
    expect(providerChoice(code)).toEqual(expected)
  })

  it.each(['fastest', 'preference:0', 'provider:', ''])('rejects service code "%s"', (code) => {
    inputError(() => providerChoice(code))
  })

  it('sends COD as CASH_ON_DELIVERY in lira', () => {
    expect(buildConsignmentBody(shipment({ codAmountKurus: 13452 })).special_services).toEqual([
      { service_type: 'CASH_ON_DELIVERY', details: { method: 'CASH', amount: 134.52 } },
    ])
    expect(buildConsignmentBody(shipment({ codAmountKurus: 0 })).special_services).toBeUndefined()
  })

  it('leaves out a missing phone and postal code, and refuses a phone that is not Turkish', () => {
    const body = buildConsignmentBody(shipment({ recipient: { ...shipment().recipient, phone: null, postalCode: null } }))
    expect(body.consignee).not.toHaveProperty('phone_number')
    expect(body.consignee).not.toHaveProperty('postal_code')
    expect(inputError(() => buildConsignmentBody(shipment({ recipient: { ...shipment().recipient, phone: '12345' } }))).message).toMatch(
      /recipient phone "12345"/,
    )
  })

  it('refuses what the seed would refuse, before any request', () => {
    expect(inputError(() => buildConsignmentBody(shipment({ recipient: { ...shipment().recipient, name: 'x'.repeat(256) } }))).message).toMatch(
      /consignee\.name/,
    )
    expect(inputError(() => buildConsignmentBody(shipment({ packages: [] }))).message).toMatch(/packages/)
    const flat = { index: 0, boxCode: null, lengthMm: 0, widthMm: 100, heightMm: 100, weightGrams: 100 }
    expect(inputError(() => buildConsignmentBody(shipment({ packages: [flat] }))).message).toMatch(/packages\.0\.length/)
  })
})

const startEmulator = closedAfterEach(startComToHomeEmulator)

async function setup(emulator: ComToHomeEmulatorOptions = {}, retry: RetryOptions = {}) {
  const emu = await startEmulator(emulator)
  const connector = new ComToHomeConnector({ baseUrl: emu.url, apiKey: 'demo-key', timeoutMs: 300, retry: { baseDelayMs: 1, maxDelayMs: 5, ...retry } })
  return { emu, connector }
}

describe('ComToHomeConnector against the emulator', () => {
  it('creates a shipment: ids, label bytes, cost in kuruş, il/ilçe corrected by resolver 2', async () => {
    const { connector } = await setup()
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'ship-1' })
    expect(created).toMatchObject({
      carrierShipmentId: '632280',
      trackingNumber: 'YK0000632280',
      barcode: 'YK0000632280',
      labelFormat: 'zpl',
      costKurus: 9640,
    })
    expect(created.trackingUrl).toContain('YK0000632280')
    const zpl = Buffer.from(created.label ?? []).toString('utf8')
    expect(zpl).toContain('Kadıköy / İstanbul 34710')
    expect(zpl).toMatch(/\^FDYK0000632280\^FS\n\^XZ$/)
  })

  it('returns PDF bytes when asked for PDF', async () => {
    const { connector } = await setup()
    const created = await connector.createShipment(shipment({ labelFormat: 'pdf' }), { idempotencyKey: 'ship-pdf' })
    expect(created.labelFormat).toBe('pdf')
    expect(
      Buffer.from(created.label ?? [])
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-')
  })

  it('buys exactly once through 50 randomized runs of lost, cut and spoiled answers', async () => {
    const { emu, connector } = await setup({}, { maxAttempts: 5 })
    const summary = await runCarrierFaultRuns({
      runs: 50,
      random: mulberry32(20241217),
      faults: {
        kind: 'sequence',
        weights: { [ComToHomeFault.dropAfterCommit]: 1, [ComToHomeFault.halfResponse]: 1, [ComToHomeFault.malformedJson]: 1, [ComToHomeFault.http500]: 1 },
        // 0–4 consecutive faults (fewer than maxAttempts), so each run ends with the queue empty.
        maxPerRun: 4,
        arm: (sequence) => emu.queueFaults(sequence),
      },
      requests: () => emu.requests,
      create: (run, key) => connector.createShipment(shipment({ referenceNo: `KJ-R${run}` }), { idempotencyKey: key }),
      shipmentsFor: (key) => emu.consignments.filter((c) => c.idempotencyKey === key),
      totalShipments: () => emu.consignments.length,
      check: (created, { key }) => expect(created.carrierShipmentId).toBe(String(emu.consignments.find((c) => c.idempotencyKey === key)?.consignment)),
    })
    expect(summary.injected).toBeGreaterThan(50) // the faults really happened
  })

  it('halfResponse then retry under the same key: one consignment, the replayed answer', async () => {
    const { emu, connector } = await setup()
    emu.queueFaults([ComToHomeFault.halfResponse, ComToHomeFault.halfResponse])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'half' })
    expect(emu.consignments).toHaveLength(1)
    expect(emu.requests.map((r) => r.replayed)).toEqual([false, true, true])
    expect(created.carrierShipmentId).toBe('632280')
  })

  it('without idempotency on the server the retry meets the duplicate reference instead', async () => {
    const { emu, connector } = await setup({ idempotency: { mode: 'off' } })
    emu.queueFaults([ComToHomeFault.dropAfterCommit])
    await expect(connector.createShipment(shipment(), { idempotencyKey: 'k' })).rejects.toMatchObject({ code: ErrorCode.carrierDuplicateReference })
    expect(emu.consignments).toHaveLength(1)
  })

  it('a timeout is retried and the next attempt succeeds', async () => {
    const { emu, connector } = await setup()
    emu.queueFaults([ComToHomeFault.timeout])
    await connector.createShipment(shipment(), { idempotencyKey: 'slow' })
    expect(emu.consignments).toHaveLength(1)
    expect(emu.requests).toHaveLength(2)
  })

  it('gives up after maxAttempts with the last retryable error', async () => {
    const { emu, connector } = await setup({}, { maxAttempts: 3 })
    emu.setFault(ComToHomeFault.http500)
    await expect(connector.createShipment(shipment(), { idempotencyKey: 'down' })).rejects.toMatchObject({
      code: ErrorCode.carrierUnavailable,
      retryable: true,
    })
    expect(emu.requests).toHaveLength(3)
  })

  it('does not retry a field error', async () => {
    const { emu, connector } = await setup()
    await expect(connector.createShipment(shipment({ serviceCode: 'provider:99' }), { idempotencyKey: 'p99' })).rejects.toMatchObject({
      code: ErrorCode.carrierProviderNotDefined,
    })
    expect(emu.requests).toHaveLength(1)
  })

  it('waits out Retry-After before retrying a 429', async () => {
    const waits: number[] = []
    const { emu, connector } = await setup({}, { sleep: async (ms) => void waits.push(ms) })
    emu.queueFaults([ComToHomeFault.http429])
    await connector.createShipment(shipment(), { idempotencyKey: 'busy' })
    expect(waits).toEqual([1000])
    expect(emu.consignments).toHaveLength(1)
  })
})
