import { describe, expect, it } from 'vitest'
import type { PackingView } from '../../../shared/contract/views'
import { Emitter } from '../../../shared/emitter'
import { onDidPack } from './on-did-pack'

const view = (step: PackingView['step'], orderId: string | null) => ({ step, order: orderId ? { id: orderId } : null }) as unknown as PackingView

describe('onDidPack', () => {
  it('fires once per packed order, whatever the view repeats', () => {
    const changes = new Emitter<PackingView>()
    const packed: string[] = []
    const off = onDidPack({ onDidChange: changes.event }, (id) => packed.push(id))
    for (const v of [
      view('orderOpen', 'a'),
      view('printed', 'a'),
      view('packed', 'a'),
      view('packed', 'a'),
      view('idle', null),
      view('packed', 'a'),
      view('packed', 'b'),
      view('exception', 'c'),
    ])
      changes.fire(v)
    expect(packed).toEqual(['a', 'b'])
    off()
    changes.fire(view('packed', 'd'))
    expect(packed).toEqual(['a', 'b'])
  })
})
