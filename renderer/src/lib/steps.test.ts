import { describe, expect, it } from 'vitest'
import type { PackingView } from '../../../shared/contract/views'
import type { Order } from '../../../shared/domain/order'
import { expectsBox, promptFor, stepIndex } from './steps'

const order = (packed: number, quantity = 2): Order => ({
  id: 'o1',
  orderNumber: 'SIP-1',
  barcode: 'KJ1',
  marketplace: null,
  status: 'packing',
  codAmountKurus: null,
  mandatedCarrierId: null,
  createdAt: '',
  updatedAt: '',
  recipient: { name: 'A', address: 'x', district: 'Kadıköy', city: 'İstanbul', postalCode: null, phone: null },
  lines: [{ id: 'l1', sku: 'S', gtin: null, name: 'N', quantity, packedQuantity: packed, unitWeightGrams: 100 }],
})
const box = { code: 'K1', name: 'Küçük', lengthMm: 200, widthMm: 150, heightMm: 100, tareGrams: 90 }
const ship = { id: 's', carrierName: 'PTT', trackingNumber: null, barcode: null, costKurus: null, status: 'purchasing' }
const problem = { code: 'packing.weightOutOfTolerance' as const, message: 'x', retryable: false, meta: {} }
const v = (p: Partial<PackingView>): PackingView => ({
  step: 'idle',
  packer: null,
  order: null,
  box: null,
  expectedGrams: null,
  measuredGrams: null,
  desi: null,
  chargeableKg: null,
  quote: null,
  chosen: null,
  shipment: null,
  problem: null,
  notice: null,
  packedCount: 0,
  ...p,
})

describe('stepIndex / promptFor', () => {
  it.each([
    { name: 'idle', view: v({}), index: 0, prompt: 'prompt.order' },
    { name: 'scanning items', view: v({ step: 'orderOpen', order: order(1) }), index: 1, prompt: 'prompt.items' },
    { name: 'items done, no box', view: v({ step: 'itemsVerified', order: order(2) }), index: 2, prompt: 'prompt.box' },
    { name: 'box chosen, weighing', view: v({ step: 'itemsVerified', order: order(2), box }), index: 3, prompt: 'prompt.weigh' },
    { name: 'label being bought', view: v({ step: 'measured', order: order(2), box, measuredGrams: 300 }), index: 4, prompt: 'prompt.label' },
    { name: 'packed', view: v({ step: 'packed', order: order(2), box }), index: 5, prompt: 'prompt.done' },
    { name: 'stuck on weight', view: v({ step: 'exception', order: order(2), box, measuredGrams: 900, problem }), index: 4, prompt: 'prompt.exception' },
    { name: 'stuck before weighing', view: v({ step: 'exception', order: order(2), box }), index: 3, prompt: 'prompt.exception' },
    { name: 'stuck on items', view: v({ step: 'exception', order: order(1) }), index: 1, prompt: 'prompt.exception' },
    { name: 'stuck with a shipment', view: v({ step: 'exception', order: order(2), box, shipment: ship }), index: 4, prompt: 'prompt.exception' },
    {
      name: 'printer back, label owed',
      view: v({ step: 'exception', order: order(2), box, shipment: ship, printPending: true }),
      index: 4,
      prompt: 'prompt.printPending',
    },
    {
      name: 'label owed, printer still out',
      view: v({ step: 'exception', order: order(2), box, shipment: ship, printPending: true, problem: { ...problem, code: 'printer.paperOut' } }),
      index: 4,
      prompt: 'prompt.exception',
    },
  ])('$name → step $index', ({ view, index, prompt }) => {
    expect(stepIndex(view)).toBe(index)
    expect(promptFor(view)).toBe(prompt)
  })
})

describe('expectsBox', () => {
  it.each([
    { view: v({ step: 'itemsVerified' }), want: true },
    { view: v({ step: 'itemsVerified', box }), want: true },
    { view: v({ step: 'orderOpen' }), want: false },
    { view: v({ step: 'exception', problem: { ...problem, code: 'packing.boxUnknown' } }), want: true },
    { view: v({ step: 'exception', problem }), want: false },
  ])('$view.step / $view.problem.code → $want', ({ view, want }) => {
    expect(expectsBox(view)).toBe(want)
  })
})
