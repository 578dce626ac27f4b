/**
 * JSON of the .NET carrier services (Kolay Gelsin, Sendeo: the same company's API). Their docs, samples and
 * clients disagree on casing and ASP.NET binds keys case-insensitively, so the connectors and the emulators
 * both read a body with its keys lower-cased.
 */
export function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]))
}
