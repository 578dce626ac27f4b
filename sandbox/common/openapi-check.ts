import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * JSON request bodies checked against an OpenAPI 3.0 document's schemas (protocols/<carrier>/),
 * for the tests and the REST emulators. A small subset of JSON Schema, the one Kolay Gelsin's
 * swagger.json uses: $ref to #/components/schemas, type (object, array, string, integer, number,
 * boolean), required, properties, items. Unknown properties are allowed (the documents do not set
 * additionalProperties: false), formats are not checked.
 */

export type JsonSchema = Readonly<{
  $ref?: string
  type?: string
  required?: readonly string[]
  properties?: Readonly<Record<string, JsonSchema>>
  items?: JsonSchema
}>

export type OpenApiDocument = Readonly<{
  paths: Readonly<Record<string, Readonly<Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>>>
  components?: Readonly<{ schemas?: Readonly<Record<string, JsonSchema>> }>
}>

/** Reads protocols/<carrier>/<file> as an OpenAPI document. */
export function readOpenApi(carrier: string, file: string): OpenApiDocument {
  const path = join(fileURLToPath(new URL('../../protocols/', import.meta.url)), carrier, file)
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument
}

/** The JSON request-body schema of POST `path`, or null when the document does not declare the path. */
export function requestSchemaOf(doc: OpenApiDocument, path: string): JsonSchema | null {
  return doc.paths[path]?.post?.requestBody?.content?.['application/json']?.schema ?? null
}

/** A named schema of components/schemas. */
export function componentSchema(doc: OpenApiDocument, name: string): JsonSchema {
  const s = doc.components?.schemas?.[name]
  if (!s) throw new Error(`no components/schemas/${name} in the document`)
  return s
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v)
    case 'array':
      return Array.isArray(v)
    case 'string':
      return typeof v === 'string'
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v)
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'boolean':
      return typeof v === 'boolean'
    default:
      return true
  }
}

/** Every way `value` departs from `schema`, as "path: problem" lines; empty when it conforms. */
export function checkJson(doc: OpenApiDocument, schema: JsonSchema, value: unknown, path = '$'): string[] {
  if (schema.$ref !== undefined) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1]
    if (name === undefined) throw new Error(`unsupported $ref ${schema.$ref}`)
    return checkJson(doc, componentSchema(doc, name), value, path)
  }
  if (value === null || value === undefined) return [`${path}: is ${value === null ? 'null' : 'missing'}`]
  if (schema.type !== undefined && !typeOk(schema.type, value)) return [`${path}: expected ${schema.type}, got ${JSON.stringify(value)}`]
  const errors: string[] = []
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>
    for (const r of schema.required ?? []) if (o[r] === undefined || o[r] === null) errors.push(`${path}.${r}: required`)
    for (const [k, sub] of Object.entries(schema.properties ?? {}))
      if (o[k] !== undefined && o[k] !== null) errors.push(...checkJson(doc, sub, o[k], `${path}.${k}`))
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...checkJson(doc, schema.items as JsonSchema, v, `${path}[${i}]`)))
  return errors
}
