// Rewrites the capabilities table in docs/carriers.md from the carriers' plugins (electron/core/carriers/carrier-registry.ts).
// Run: npx tsx scripts/carrier-capabilities-doc.ts (carrier-capabilities.test.ts fails while the two differ).
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withCapabilitiesTable } from '../electron/core/carriers/carrier-capabilities.doc'

const path = fileURLToPath(new URL('../docs/carriers.md', import.meta.url))
const next = withCapabilitiesTable(readFileSync(path, 'utf8'))
if (next === null) {
  console.error('docs/carriers.md has no capabilities markers')
  process.exit(1)
}
writeFileSync(path, next)
console.log('docs/carriers.md: capabilities table written')
