import { CARRIER_CAPABILITIES, type CarrierCapabilities } from './carrier-capabilities'
import { CARRIERS, type CarrierList } from './carrier-registry'

/** The markers around the generated table in docs/carriers.md. */
export const CAPABILITIES_DOC_START =
  '<!-- capabilities:start (generated from the carrier plugins in carrier-registry.ts by `npx tsx scripts/carrier-capabilities-doc.ts`) -->'
export const CAPABILITIES_DOC_END = '<!-- capabilities:end -->'

const dash = '—'
const CELLS: readonly (readonly [string, (c: CarrierCapabilities) => string])[] = [
  ['offline label', (c) => (c.offlineLabels ? 'yes' : dash)],
  ['returns', (c) => c.returns ?? dash],
  ['cancel', (c) => (c.cancel === 'untilPickup' ? 'until pickup' : c.cancel === 'untilDelivery' ? 'until delivery (recall after pickup)' : dash)],
  ['tracking', (c) => (c.batchTracking ? 'batch' : c.tracking ? 'one at a time' : dash)],
  ['pickup', (c) => (c.pickup === 'request' ? 'courier request' : c.pickup === 'withShipment' ? 'flag on the create call' : dash)],
  ['manifest', (c) => (c.manifest === 'desk' ? "desk's list" : dash)],
  ['pushes', (c) => c.pushes ?? dash],
  ['parcels per shipment', (c) => (c.pieces > 1 ? `up to ${c.pieces}` : '1')],
]

/** A carrier's row of the table: its id and what it can do. */
export function capabilitiesRow(id: string, c: CarrierCapabilities): string {
  return `| \`${id}\` | ${CELLS.map(([, cell]) => cell(c)).join(' | ')} |`
}

/**
 * The declarations of a list of carriers (the registry's by default), and the marketplace labels,
 * as the markdown table docs/carriers.md carries (markers included).
 */
export function renderCapabilitiesTable(carriers: CarrierList = CARRIERS): string {
  const head = `| id | ${CELLS.map(([h]) => h).join(' | ')} |`
  const rule = `|---|${CELLS.map(() => '---').join('|')}|`
  const rows = [...carriers.map((c) => capabilitiesRow(c.id, c.capabilities)), capabilitiesRow('marketplace', CARRIER_CAPABILITIES.marketplace)]
  return [CAPABILITIES_DOC_START, head, rule, ...rows, CAPABILITIES_DOC_END].join('\n')
}

/** `doc` with its generated table replaced by the current one; null when the markers are missing. */
export function withCapabilitiesTable(doc: string): string | null {
  // Any start marker, so a reworded one is replaced too.
  const start = doc.indexOf('<!-- capabilities:start')
  const end = doc.indexOf(CAPABILITIES_DOC_END)
  if (start < 0 || end < start) return null
  return doc.slice(0, start) + renderCapabilitiesTable() + doc.slice(end + CAPABILITIES_DOC_END.length)
}
