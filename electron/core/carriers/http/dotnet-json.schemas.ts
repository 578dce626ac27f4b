import { z } from 'zod'

/**
 * Pieces for reading the JSON of a .NET carrier service (Kolay Gelsin, Sendeo: the same company's API). Their docs,
 * samples and clients disagree on casing, so keys are lower-cased before a schema reads them (lowerKeys, shared
 * with the emulators), and numbers may arrive as strings (or strings as numbers).
 */
export { lowerKeys } from '../../../../protocols/json/dotnet-json'

/** A number, or a decimal string read as one. */
export const looseNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

/** A string, or a number read as its text. */
export const looseText = z.union([z.string(), z.number().transform(String)])
