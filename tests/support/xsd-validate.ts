import { expect } from 'vitest'
import { createSoapSchemaChecker, xmllintAvailable, type SoapSchemaChecker, type SoapSchemaSet } from '../../sandbox/common/soap-schema'

/**
 * Test support: request bodies checked against the carriers' published schemas (protocols/).
 * SOAP: `xmllint --schema` on the envelope, the Body's content strictly against the XSD in the
 * WSDL's <types> (sandbox/common/soap-schema.ts). The checkers are built once per set and removed
 * with disposeSchemaCheckers().
 */

export { SoapSchemaSet, xmllintAvailable } from '../../sandbox/common/soap-schema'

const checkers = new Map<SoapSchemaSet, SoapSchemaChecker>()

export function schemaChecker(set: SoapSchemaSet): SoapSchemaChecker {
  let c = checkers.get(set)
  if (!c) {
    c = createSoapSchemaChecker(set)
    checkers.set(set, c)
  }
  return c
}

export function disposeSchemaCheckers(): void {
  for (const c of checkers.values()) c.dispose()
  checkers.clear()
}

/** The operation (first Body child's local name) of a SOAP envelope. */
export function bodyOperation(envelope: string): string | null {
  const m = /<(?:[\w-]+:)?Body\b[^>]*>\s*<(?:[\w-]+:)?([\w-]+)/.exec(envelope)
  return m?.[1] ?? null
}

/** Asserts the envelope's Body is valid against the set; the message names the operation and xmllint's errors. */
export function expectSchemaValid(set: SoapSchemaSet, envelope: string): void {
  const verdict = schemaChecker(set).validate(envelope)
  expect(verdict.errors, `${bodyOperation(envelope)} against ${set}`).toBe('')
  expect(verdict.valid).toBe(true)
}
