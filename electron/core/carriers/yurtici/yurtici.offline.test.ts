import { afterEach, describe, expect, it } from 'vitest'
import { startYurticiEmulator, YurticiFault, type YurticiEmulator } from '../../../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { YurticiConnector } from './yurtici.adapter'
import { CARGO_KEY_MAX, isOwnCargoKey, planYurticiLabel, yurticiCargoKey, yurticiInvoiceKey } from './yurtici.offline'

describe('keys known before any call', () => {
  it('are pinned: a label printed offline must still match after an upgrade', () => {
    // Golden values. Changing the derivation would orphan every label printed but not yet registered.
    expect(yurticiInvoiceKey('kj-abc')).toBe('KJ88WNJ1GXW1PR7DET')
    expect(yurticiCargoKey('kj-abc')).toBe('KJ88WNJ1GXW1PR7DET01')
    expect(yurticiCargoKey('kj-abc', 1)).toBe('KJ88WNJ1GXW1PR7DET02')
    expect(yurticiCargoKey('kj-2f1c0e3a-5b7d-4e8f-9a1b-3c5d7e9f1a2b', 98)).toMatch(/^KJ[0-9A-HJKMNP-TV-Z]{16}99$/)
  })

  it('fit Yurtiçi (≤20), use only unambiguous capitals and digits, and do not collide over 20 000 keys', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 20_000; i++) {
      const key = yurticiCargoKey(`kj-${i}`)
      expect(key.length).toBeLessThanOrEqual(CARGO_KEY_MAX)
      seen.add(key)
    }
    expect(seen.size).toBe(20_000)
    expect([...seen].every((k) => /^KJ[0-9A-HJKMNP-TV-Z]{16}01$/.test(k))).toBe(true)
  })

  it.each([
    ['KJ88WNJ1GXW1PR7DET01', true],
    ['KJ88WNJ1GXW1PR7DET99', true],
    ['KJ88WNJ1GXW1PR7DET00', false],
    ['KJ88WNJ1GXW1PR7DEI01', false],
    ['SIP-1001', false],
    ['100000000001', false],
  ])('isOwnCargoKey(%j) = %s', (key, expected) => {
    expect(isOwnCargoKey(key)).toBe(expected)
  })

  it('planYurticiLabel: one key per parcel and a provisional shipment the desk can label and store', () => {
    const request = sampleShipmentRequest({ packages: [sampleShipmentRequest().packages[0]!, { ...sampleShipmentRequest().packages[0]!, index: 1 }] })
    const plan = planYurticiLabel(request, 'kj-abc')
    expect(plan).toEqual({
      idempotencyKey: 'kj-abc',
      invoiceKey: 'KJ88WNJ1GXW1PR7DET',
      cargoKeys: ['KJ88WNJ1GXW1PR7DET01', 'KJ88WNJ1GXW1PR7DET02'],
      provisional: {
        carrierShipmentId: 'KJ88WNJ1GXW1PR7DET01',
        trackingNumber: 'KJ88WNJ1GXW1PR7DET01',
        barcode: 'KJ88WNJ1GXW1PR7DET01',
        trackingUrl: null,
        labelFormat: null,
        label: null,
        costKurus: null,
      },
    })
  })

  it.each([
    ['no parcel', () => planYurticiLabel(sampleShipmentRequest({ packages: [] }), 'k')],
    [
      '100 parcels',
      () =>
        planYurticiLabel(
          sampleShipmentRequest({ packages: Array.from({ length: 100 }, (_, index) => ({ ...sampleShipmentRequest().packages[0]!, index })) }),
          'k',
        ),
    ],
    ['an empty idempotency key', () => yurticiCargoKey('  ')],
    ['parcel index 99', () => yurticiCargoKey('k', 99)],
  ])('refuses %s', (_n, fn) => {
    expect(fn).toThrow(AppError)
    try {
      fn()
    } catch (err) {
      expect((err as AppError).code).toBe(ErrorCode.inputInvalid)
    }
  })
})

/** The smallest registration queue: FIFO, an item leaves only once Yurtiçi confirmed it. */
class RegistrationQueue {
  readonly pending: Array<{ request: ShipmentRequest; idempotencyKey: string; printedBarcode: string }> = []
  readonly registered: Array<{ idempotencyKey: string; barcode: string }> = []

  constructor(private readonly connector: YurticiConnector) {}

  /** Registers in packing order; stops at the first retryable failure (the carrier is down) and keeps the rest. */
  async drain(): Promise<'empty' | 'stalled'> {
    while (this.pending.length > 0) {
      const head = this.pending[0]!
      try {
        const created = await this.connector.createShipment(head.request, { idempotencyKey: head.idempotencyKey })
        // The label already on the parcel must be the key Yurtiçi now knows.
        expect(created.barcode).toBe(head.printedBarcode)
        this.registered.push({ idempotencyKey: head.idempotencyKey, barcode: created.barcode })
        this.pending.shift()
      } catch (err) {
        if (isAppError(err) && err.retryable) return 'stalled'
        throw err
      }
    }
    return 'empty'
  }
}

let emu: YurticiEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

describe('offline labels (issue 4 acceptance)', () => {
  it('50 orders packed and labelled while Yurtiçi is down are registered when it is back: 50 shipments, none twice, in packing order', async () => {
    // Learn a free port, then take the carrier down: connections are refused.
    const probe = await startYurticiEmulator()
    const port = Number(new URL(probe.url).port)
    const url = probe.url
    await probe.close()

    const connector = new YurticiConnector({
      url,
      accounts: { senderPays: { username: 'YKTEST', password: 'YK' } },
      timeoutMs: 1000,
      retry: { maxAttempts: 3, sleep: async () => {} },
    })
    const queue = new RegistrationQueue(connector)
    const printed: string[] = []
    for (let i = 0; i < 50; i++) {
      const request = sampleShipmentRequest({ orderNumber: `SIP-${1000 + i}`, referenceNo: `KJ-${1000 + i}` })
      const idempotencyKey = `kj-offline-${i}`
      // Pure and local: the barcode is known before any network call, so the label prints now.
      const plan = planYurticiLabel(request, idempotencyKey)
      printed.push(plan.provisional.barcode)
      queue.pending.push({ request, idempotencyKey, printedBarcode: plan.provisional.barcode })
    }
    expect(await queue.drain()).toBe('stalled')
    expect(queue.pending).toHaveLength(50)

    emu = await startYurticiEmulator({ port })
    // The way back is bumpy: answers lost after commit, a cut answer, a 503, and a "crash" mid-way.
    emu.queueFaults([null, null, YurticiFault.dropAfterCommit, null, null, YurticiFault.http503, null, YurticiFault.halfResponse])
    const firstHalf = new RegistrationQueue(connector)
    firstHalf.pending.push(...queue.pending.splice(0, 25))
    expect(await firstHalf.drain()).toBe('empty')
    // The station restarts: the item in flight was stored at Yurtiçi but its answer was lost.
    emu.queueFaults([YurticiFault.dropAfterCommit, YurticiFault.dropAfterCommit, YurticiFault.dropAfterCommit])
    expect(await queue.drain()).toBe('stalled')
    expect(await queue.drain()).toBe('empty')

    const registered = [...firstHalf.registered, ...queue.registered]
    expect(registered.map((r) => r.barcode)).toEqual(printed)
    expect(emu.shipments).toHaveLength(50)
    expect(emu.shipments.map((s) => s.cargoKey)).toEqual(printed)
    expect(new Set(emu.shipments.map((s) => s.cargoKey)).size).toBe(50)
    expect(emu.shipments.map((s) => s.order.specialField1)).toEqual(printed.map((_, i) => `3$SIP-${1000 + i}#`))
    const jobIds = emu.shipments.map((s) => s.jobId)
    expect(jobIds).toEqual([...jobIds].sort((a, b) => a - b))
    expect(emu.requests.filter((r) => r.operation === 'queryShipment').length).toBeGreaterThan(0) // 60020 was met and confirmed
  })

  it('a refusal for one order does not block or reorder the others (it is set aside with its reason)', async () => {
    emu = await startYurticiEmulator()
    const connector = new YurticiConnector({ url: emu.url, accounts: { senderPays: { username: 'YKTEST', password: 'YK' } }, retry: { sleep: async () => {} } })
    const order = (i: number, email?: string) =>
      sampleShipmentRequest({ orderNumber: `SIP-${i}`, recipient: { ...sampleShipmentRequest().recipient, email: email ?? null } })
    const results: string[] = []
    for (const [i, request] of [order(1), order(2, 'broken@'), order(3)].entries()) {
      try {
        results.push((await connector.createShipment(request, { idempotencyKey: `r-${i}` })).barcode)
      } catch (err) {
        expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false, meta: { errCode: 82515 } })
        results.push('refused')
      }
    }
    expect(results).toEqual([yurticiCargoKey('r-0'), 'refused', yurticiCargoKey('r-2')])
    expect(emu.shipments.map((s) => s.cargoKey)).toEqual([yurticiCargoKey('r-0'), yurticiCargoKey('r-2')])
  })
})
