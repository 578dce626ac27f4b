import type { z } from 'zod'

export type UnknownKey = Readonly<{ path: string; suggestion: string | null }>

/** The parts of a zod 4 schema definition the walk reads (`schema._zod.def`). */
type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  getter?: () => z.ZodType
  options?: z.ZodType[]
  discriminator?: string
  element?: z.ZodType
  valueType?: z.ZodType
  values?: unknown[]
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Wrappers that hold the same value shape: optional, nullable, default, prefault, readonly, catch, pipe, lazy. */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const def = defOf(schema)
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? (def.type === 'lazy' ? def.getter?.() : undefined)
    if (!next) return schema
    schema = next
  }
  return schema
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Keys in `value` that `schema` does not know, with their dotted path (`printer.urii`,
 * `carriers.yurtici.accounts.senderPay`) and the nearest known key at that level when one is a
 * near miss. zod's own objects strip unknown keys silently; this walk reads the schema's shape
 * instead, so the schema stays as written and every sub-schema (carriers, rates, webhooks) is
 * covered without being marked strict one by one. Records (`z.record`) have free keys; their
 * values are walked. Objects with a catchall (`z.looseObject`) accept anything.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown, path: readonly string[] = []): UnknownKey[] {
  const def = defOf(unwrap(schema))
  if (def.type === 'object' && isPlainObject(value)) {
    const shape = def.shape ?? {}
    const known = Object.keys(shape)
    const out: UnknownKey[] = []
    for (const [key, child] of Object.entries(value)) {
      if (key in shape) out.push(...findUnknownKeys(shape[key]!, child, [...path, key]))
      else if (!def.catchall || defOf(def.catchall).type === 'never') out.push({ path: [...path, key].join('.'), suggestion: nearest(key, known, path) })
    }
    return out
  }
  if (def.type === 'union' && isPlainObject(value)) return unionKeys(def, value, path)
  if (def.type === 'array' && Array.isArray(value) && def.element) return value.flatMap((item, i) => findUnknownKeys(def.element!, item, [...path, String(i)]))
  if (def.type === 'record' && isPlainObject(value) && def.valueType)
    return Object.entries(value).flatMap(([k, v]) => findUnknownKeys(def.valueType!, v, [...path, k]))
  return []
}

/** A discriminated union walks the option its discriminator picks; any other union, the option that knows the most keys. */
function unionKeys(def: Def, value: Record<string, unknown>, path: readonly string[]): UnknownKey[] {
  const options = (def.options ?? []).filter((o) => defOf(unwrap(o)).type === 'object')
  if (options.length === 0) return []
  if (def.discriminator && def.discriminator in value) {
    const picked = options.find((o) => {
      const tag = defOf(unwrap(o)).shape?.[def.discriminator!]
      return tag !== undefined && (defOf(unwrap(tag)).values ?? []).includes(value[def.discriminator!])
    })
    // An unknown discriminator value is zod's own error, reported by the schema itself.
    return picked ? findUnknownKeys(picked, value, path) : []
  }
  const results = options.map((o) => findUnknownKeys(o, value, path))
  return results.reduce((best, r) => (r.length < best.length ? r : best))
}

function nearest(key: string, known: readonly string[], path: readonly string[]): string | null {
  // One edit per four letters, at most two: `urii` → uri, `terminater` → terminator, but not `colour` → cloud.
  const allowed = Math.min(2, Math.max(1, Math.floor(key.length / 4)))
  let best: { name: string; d: number } | null = null
  for (const name of known) {
    const d = name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key.toLowerCase(), name.toLowerCase())
    if (d <= allowed && d < key.length && (!best || d < best.d)) best = { name, d }
  }
  return best ? [...path, best.name].join('.') : null
}

/** Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

/** One line for an error message: `printer.urii (did you mean printer.uri?), foo`. */
export function describeUnknownKeys(keys: readonly UnknownKey[]): string {
  const shown = keys.slice(0, 5).map((k) => (k.suggestion ? `${k.path} (did you mean ${k.suggestion}?)` : k.path))
  return `${shown.join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`
}
