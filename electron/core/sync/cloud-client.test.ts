import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ErrorCode } from '../../../shared/errors'
import { cloudRequest } from './cloud-client'
import { batchKey } from './outbox-pusher'

let server: Server | null = null
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

/** A cloud that answers every request with one fixed status and body, on 127.0.0.1. */
async function answering(status: number, body: unknown): Promise<string> {
  server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const post = (baseUrl: string) =>
  cloudRequest({ baseUrl, apiKey: 'k' }, 'POST', '/api/v1/orders/o-1/claim', z.object({}), { stationId: 's', leaseMs: 1000 }, { 'Idempotency-Key': 'k-1' })

describe('cloud client: what a 409 means', () => {
  it.each([
    {
      name: 'a claim conflict (the conflict body) → sync.conflict, not retryable, with the other desk',
      body: {
        status: false,
        errors: [{ message: 'claimed', field: 'orderId' }],
        conflict: { reason: 'claimedByOtherStation', stationId: 'desk-b', expiresAt: null },
      },
      code: ErrorCode.syncConflict,
      retryable: false,
    },
    {
      // Regression (found by tests/chaos/sync-chaos.test.ts): a killed desk's request still in flight at the cloud made the
      // restarted desk's retry look like "another desk has this order".
      name: 'the Idempotency-Key still in flight (plain error envelope) → sync.offline, retryable',
      body: { status: false, errors: [{ message: 'A request with this key is in flight.', field: 'Idempotency-Key' }] },
      code: ErrorCode.syncOffline,
      retryable: true,
    },
  ])('$name', async ({ body, code, retryable }) => {
    const url = await answering(409, body)
    await expect(post(url)).rejects.toMatchObject({ code, retryable, meta: { status: 409 } })
  })
})

describe('outbox batch Idempotency-Key', () => {
  it('names exactly the events of the batch: same events → same key; same first event and length but other events → another key', () => {
    expect(batchKey(['a', 'b', 'c'])).toBe(batchKey(['a', 'b', 'c']))
    expect(batchKey(['a', 'b', 'c'])).not.toBe(batchKey(['a', 'c', 'd']))
    expect(batchKey(['a', 'b'])).not.toBe(batchKey(['a', 'b', 'c']))
    expect(batchKey(Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)).length).toBeLessThanOrEqual(255)
  })
})
