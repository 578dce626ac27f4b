import { describe, expect, it } from 'vitest'
import { insideCancelWindow } from './cancel-window.rules'

describe('insideCancelWindow', () => {
  it.each([
    ['untilPickup', null, true],
    ['untilPickup', 'created', true],
    ['untilPickup', 'picked_up', false],
    ['untilPickup', 'in_transit', false],
    ['untilDelivery', 'in_transit', true],
    ['untilDelivery', 'out_for_delivery', true],
    ['untilDelivery', 'delivered', false],
    ['untilDelivery', 'return_in_transit', false],
    [null, null, false],
    [null, 'created', false],
  ] as const)('cancel %s, tracking %s → %s', (cancel, status, inside) => {
    expect(insideCancelWindow(cancel, status)).toBe(inside)
  })
})
