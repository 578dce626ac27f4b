import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS, withDefaults, type EmulatorOptions } from './emulator-options'

type Options = EmulatorOptions & Readonly<{ limit?: number | null; name?: string }>

describe('withDefaults', () => {
  const defaults: Required<Options> = { ...EMULATOR_DEFAULTS, limit: null, name: 'default' }

  it('keeps what is given and fills the rest, as `o.x ?? default` would', () => {
    expect(withDefaults<Options>({ port: 8080, name: 'given' }, defaults)).toEqual({ ...defaults, port: 8080, name: 'given' })
    expect(withDefaults<Options>({ limit: 0, name: '' }, defaults)).toMatchObject({ limit: 0, name: '' })
  })

  it('an option given as undefined or null takes its default', () => {
    expect(withDefaults<Options>({ port: undefined, limit: null }, defaults)).toEqual(defaults)
  })
})
