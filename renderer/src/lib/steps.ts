import type { PackingView } from '../../../shared/contract/views'
import type { MessageKey } from '../i18n'

/** The six steps on the bar: Sipariş → Ürünler → Koli → Tartı → Etiket → Tamam. */
export const STEP_BAR = ['step.order', 'step.items', 'step.box', 'step.weigh', 'step.label', 'step.done'] as const satisfies readonly MessageKey[]
export type StepBarKey = (typeof STEP_BAR)[number]

/**
 * Where the packer is on the bar (0-based). The core's states are coarser than the bar:
 * itemsVerified covers both "pick a box" and "weigh", told apart by whether a box is chosen;
 * an exception stays on the step whose data is missing.
 */
export function stepIndex(view: Pick<PackingView, 'step' | 'order' | 'box' | 'measuredGrams' | 'shipment'>): number {
  switch (view.step) {
    case 'idle':
      return 0
    case 'orderOpen':
      return 1
    case 'itemsVerified':
      return view.box ? 3 : 2
    case 'measured':
    case 'shipmentCreated':
    case 'printed':
      return 4
    case 'packed':
      return 5
    case 'exception':
      if (!view.order) return 0
      if (view.shipment) return 4
      if (view.measuredGrams !== null) return 4
      if (view.box) return 3
      return view.order.lines.every((l) => l.packedQuantity >= l.quantity) ? 2 : 1
  }
}

/** The big instruction under the bar for the current step. */
export function promptFor(view: Pick<PackingView, 'step' | 'order' | 'box' | 'measuredGrams' | 'shipment' | 'problem' | 'printPending'>): MessageKey {
  if (!view.problem && view.printPending) return 'prompt.printPending'
  if (view.problem || view.step === 'exception') return 'prompt.exception'
  switch (view.step) {
    case 'idle':
      return 'prompt.order'
    case 'orderOpen':
      return 'prompt.items'
    case 'itemsVerified':
      return view.box ? 'prompt.weigh' : 'prompt.box'
    case 'measured':
    case 'shipmentCreated':
      return 'prompt.label'
    case 'printed':
      return 'prompt.printed'
    case 'packed':
      return 'prompt.done'
  }
}

/** True when a bare digit typed + Enter should pick a box from the on-screen list. */
export function expectsBox(view: Pick<PackingView, 'step' | 'box' | 'problem'>): boolean {
  // A box can still be changed while weighing (wrong box → re-weigh), hence no `!view.box`.
  if (view.step === 'itemsVerified') return true
  return view.problem?.code === 'packing.boxUnknown'
}
