import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCrashDesk, type CrashDesk } from '../support/crash-desk'
import { eventually } from '../support/wait-for'
import { connectStation } from '../support/ws-client'

let desk: CrashDesk

beforeEach(async () => {
  desk = await startCrashDesk('crash')
})

afterEach(async () => {
  await desk?.dispose()
})

describe('a crash in the middle of buying a label (SIGKILL, then restart)', () => {
  it.each(['afterCarrierResponse', 'afterShipmentCommit'])(
    'killed at %s: one consignment, label printed once, order packed',
    async (checkpoint) => {
      const { zebra, carrier } = desk
      let serve = await desk.start({ KARGOJET_CRASH_AT: checkpoint })
      const c = await connectStation(serve.url, serve.token)
      await c.call('station.getSnapshot', {})
      // A fresh desk knows the badges once its first sync has pulled the packers: until then P1001 is "unknown badge".
      await eventually(
        () =>
          c.call('scan.submit', { code: 'P1001' }).then(
            () => true,
            () => false,
          ),
        (loggedIn) => loggedIn,
      )
      let v = await c.call('scan.submit', { code: 'KJ1001' })
      for (const line of v.order!.lines) for (let i = 0; i < line.quantity; i++) v = await c.call('scan.submit', { code: line.gtin! })
      v = await c.call('scan.submit', { code: 'KOLI2' })
      void c.call('scale.simulate', { grams: v.expectedGrams! }).catch(() => undefined)
      const exit = await serve.exited
      expect(exit.signal).toBe('SIGKILL')
      c.close()
      expect(carrier.consignments).toHaveLength(1)
      expect(zebra.jobs).toHaveLength(0)

      serve = await desk.start()
      await zebra.waitForJobs(1, 15_000)
      const c2 = await connectStation(serve.url, serve.token)
      await c2.call('scan.submit', { code: 'P1001' }) // orders.list needs a badge (the role table)
      const packed = await eventually(
        () => c2.call('orders.list', { status: 'packed', limit: 10 }),
        (list) => list.length > 0,
      )
      expect(packed.map((o) => o.barcode)).toEqual(['KJ1001'])
      // Let any stray second print show up before counting.
      await c2.call('station.getSnapshot', {})
      expect(zebra.jobs).toHaveLength(1)
      expect(carrier.consignments).toHaveLength(1)
      expect(zebra.jobs[0]).toContain(carrier.consignments[0]!.barcode)
      c2.close()
    },
    60_000,
  )
})
