import { afterEach, describe, expect, it } from 'vitest'
import { overrideReasonText } from '../../../shared/contract/desk-reasons'
import { ErrorCode } from '../../../shared/errors'
import { scanAllItems, startHarness, type Harness } from '../../../tests/support/station-harness'

/**
 * Scan routing lives in the core: the desk sends every scan as `scan.submit` and shows the answer.
 * These are the decisions the renderer used to make (renderer/src/hooks/use-desk.ts) before they moved here.
 */
let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
const refusal = (code: string) =>
  scan(code).then(
    () => null,
    (err: { code?: string }) => err.code ?? 'unknown',
  )

/** P1001 logs in, opens KJ1001, scans its items and the box KOLI2; the scale is left to the test. */
async function boxOnTheScale() {
  await scan('P1001')
  await scan('KJ1001')
  await scanAllItems(h!.station)
  return scan('KOLI2')
}

describe('the core routes every scan', () => {
  it('before login a scan is the badge; at the box step a digit is the nth box of the catalog', async () => {
    h = await startHarness()
    expect((await scan('P1001')).packer?.badge).toBe('P1001')
    await scan('KJ1001')
    await scanAllItems(h.station)
    const boxes = await h.station.handlers['boxes.list']({})
    // The third box (KOLI2): the second is an envelope these items do not fit, which is refused (scan-knowledge.test.ts).
    const v = await scan('3')
    expect(v.box?.code).toBe(boxes[2]!.code)
  }, 30_000)

  it('a weight mismatch: a digit picks the override reason, the supervisor badge overrides with it (audited)', async () => {
    h = await startHarness()
    const v = await boxOnTheScale()
    h.place(v.expectedGrams! + 2_000)
    await h.waitForView((x) => x.step === 'exception' && x.problem?.code === ErrorCode.weightOutOfTolerance)
    expect((await scan('3')).overrideReason).toBe(2)
    expect((await scan('9')).overrideReason).toBe(2) // no ninth reason: nothing changes
    await scan('S9001')
    await h.waitForView((x) => x.step === 'packed')
    const audit = await h.station.database.db.selectFrom('audit_log').select('detail_json').where('action', '=', 'packing.override').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.detail_json).reason).toBe(overrideReasonText(2))
  }, 30_000)

  it('KJIADE opens the return prompt for the packed order; it takes the scans until Esc closes it', async () => {
    h = await startHarness()
    const v = await boxOnTheScale()
    h.place(v.expectedGrams!)
    const packed = await h.waitForView((x) => x.step === 'packed')
    const opened = await scan('KJIADE')
    expect(opened.returnPrompt).toMatchObject({ stage: 'confirm', orderCode: packed.order!.barcode, reason: 0 })
    expect((await scan('2')).returnPrompt?.reason).toBe(1)
    expect(await refusal('P1001')).toBe(ErrorCode.supervisorRequired) // a packer's badge is not enough
    expect(h.station.packing.view().returnPrompt?.problem?.code).toBe(ErrorCode.supervisorRequired)
    expect(h.station.packing.view().step).toBe('packed')
    expect((await h.station.handlers['returns.closePrompt']({})).returnPrompt).toBeNull()
    // Closed: the next scan is work again.
    expect((await scan('KJ1002')).order?.orderNumber).toBe('SIP-1002')
  }, 30_000)

  it('without an order on screen the prompt asks for the order first; logging out closes it', async () => {
    h = await startHarness()
    await scan('P1001')
    expect((await scan('kjreturn')).returnPrompt).toMatchObject({ stage: 'order', orderCode: null })
    expect((await scan('KJ1003')).returnPrompt).toMatchObject({ stage: 'confirm', orderCode: 'KJ1003' })
    await h.station.handlers['session.logout']({})
    expect(h.station.packing.view().returnPrompt).toBeNull()
  }, 30_000)
})
