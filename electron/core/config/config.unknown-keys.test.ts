import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { StationConfigSchema } from './config.schema'
import { editDistance, findUnknownKeys } from './config.unknown-keys'

describe('findUnknownKeys', () => {
  it('knows every key of a whole parsed configuration (what the desk itself would write)', () => {
    expect(findUnknownKeys(StationConfigSchema, StationConfigSchema.parse({}))).toEqual([])
  })

  it('walks wrappers, arrays, records and discriminated unions; loose objects take anything', () => {
    const schema = z.object({
      a: z
        .object({ b: z.number().default(0) })
        .nullable()
        .prefault({}),
      list: z.array(z.object({ x: z.number() })).optional(),
      map: z.record(z.string(), z.object({ y: z.number() })),
      pick: z.discriminatedUnion('kind', [z.object({ kind: z.literal('p'), p: z.number() }), z.object({ kind: z.literal('q'), q: z.number() })]),
      loose: z.looseObject({ z: z.number() }),
    })
    const value = { a: { bb: 1 }, list: [{ x: 1 }, { xx: 2 }], map: { free: { y: 1, yy: 2 } }, pick: { kind: 'q', p: 1 }, loose: { anything: 1 } }
    expect(findUnknownKeys(schema, value)).toEqual([
      { path: 'a.bb', suggestion: 'a.b' },
      { path: 'list.1.xx', suggestion: 'list.1.x' },
      { path: 'map.free.yy', suggestion: 'map.free.y' },
      // The option the discriminator picks is the one checked; a one-letter key is never "near" another.
      { path: 'pick.p', suggestion: null },
    ])
  })

  it('suggests near misses only: case, one edit per four letters, swapped neighbours', () => {
    const schema = z.object({ stationName: z.string(), printer: z.object({ uri: z.string(), statusTimeoutMs: z.number() }), cloud: z.object({}) })
    expect(findUnknownKeys(schema, { stationname: 'x', printer: { urii: 'x', statusTiemoutMs: 1 }, colour: 1 })).toEqual([
      { path: 'stationname', suggestion: 'stationName' },
      { path: 'printer.urii', suggestion: 'printer.uri' },
      { path: 'printer.statusTiemoutMs', suggestion: 'printer.statusTimeoutMs' },
      { path: 'colour', suggestion: null },
    ])
  })

  it('editDistance counts a swap of neighbours as one edit', () => {
    expect(editDistance('carrier', 'carriers')).toBe(1)
    expect(editDistance('tiemout', 'timeout')).toBe(1)
    expect(editDistance('abc', 'abc')).toBe(0)
    expect(editDistance('', 'uri')).toBe(3)
  })
})
