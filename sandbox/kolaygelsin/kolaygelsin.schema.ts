import { checkJson, componentSchema, readOpenApi, requestSchemaOf, type JsonSchema, type OpenApiDocument } from '../common/openapi-check'
import { KgMethodName } from './kolaygelsin.config'

/**
 * Request bodies against Kolay Gelsin's published OpenAPI file (protocols/kolaygelsin/swagger.json).
 * SaveRecipient declares only EmptyRequestBody, whose description points at CorporateRecipientModel
 * (RecipientType 2) and IndividualRecipientModel (otherwise); those are checked. The undeclared
 * SaveIntegrationShipmentV2 has no schema.
 */

let doc: OpenApiDocument | null = null
export function kolayGelsinOpenApi(): OpenApiDocument {
  doc ??= readOpenApi('kolaygelsin', 'swagger.json')
  return doc
}

/** The schema a method's body must meet, or null when the published file declares none. */
export function kgRequestSchema(method: string, body: unknown): JsonSchema | null {
  const d = kolayGelsinOpenApi()
  if (method === KgMethodName.SaveRecipient) {
    const type = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).RecipientType : undefined
    return componentSchema(d, type === 2 ? 'CorporateRecipientModel' : 'IndividualRecipientModel')
  }
  return requestSchemaOf(d, `/${method}`)
}

/** Every departure of `body` from the method's published schema ("$.path: problem"); empty when it conforms. */
export function kgSchemaErrors(method: string, body: unknown): string[] {
  const schema = kgRequestSchema(method, body)
  return schema ? checkJson(kolayGelsinOpenApi(), schema, body) : []
}
