import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trackedAfterEach } from './dispose-after-each'

describe('trackedAfterEach', () => {
  const closed: string[] = []
  const track = trackedAfterEach()
  let folder = ''

  it('returns what it tracks as is', async () => {
    const emulator = { close: async () => void closed.push('emulator') }
    const desk = { dispose: async () => void closed.push('desk') }
    folder = track(mkdtempSync(join(tmpdir(), 'kj-tracked-')))
    expect(track(emulator)).toBe(emulator)
    expect(track(desk)).toBe(desk)
  })

  it('after the test, they are disposed, closed or removed newest first', () => {
    expect(closed).toEqual(['desk', 'emulator'])
    expect(existsSync(folder)).toBe(false)
  })
})
