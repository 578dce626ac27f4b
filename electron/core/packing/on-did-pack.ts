import type { PackingView } from '../../../shared/contract/views'
import type { Unsubscribe } from '../../../shared/emitter'

/** How many packed order ids are remembered to drop repeats (the view repeats 'packed' until the next order). */
const REMEMBERED = 50

/**
 * Calls `listener` once per packed order, from the packing service's view changes. The view says
 * 'packed' several times for one order (the finisher's stage, the end of the command, any refused
 * scan before the next order), so repeats of an order id are dropped.
 */
export function onDidPack(
  source: { onDidChange(listener: (view: PackingView) => void): Unsubscribe },
  listener: (orderId: string, view: PackingView) => void,
): Unsubscribe {
  const seen: string[] = []
  return source.onDidChange((view) => {
    const id = view.step === 'packed' ? view.order?.id : undefined
    if (!id || seen.includes(id)) return
    seen.push(id)
    if (seen.length > REMEMBERED) seen.shift()
    listener(id, view)
  })
}
