import { NO_CAPABILITIES } from './carrier-plugin'
import { CARRIERS } from './carrier-registry'
import type { CarrierCapabilities } from './carrier-capabilities.types'

export type { CarrierCapabilities } from './carrier-capabilities.types'

/** The declaration, in the order the registry lists the carriers (each carrier's own `<id>.plugin.ts`), plus the marketplace labels. */
export const CARRIER_CAPABILITIES = {
  ...(Object.fromEntries(CARRIERS.map((c) => [c.id, c.capabilities])) as Record<(typeof CARRIERS)[number]['id'], CarrierCapabilities>),
  marketplace: { ...NO_CAPABILITIES, manifest: 'desk' },
} as const satisfies Readonly<Record<string, CarrierCapabilities>>

export type DeclaredCarrierId = keyof typeof CARRIER_CAPABILITIES

/** A carrier's declaration; a carrier not declared (a test double) can do nothing beyond createShipment. */
export function capabilitiesOf(carrierId: string): CarrierCapabilities {
  return Object.hasOwn(CARRIER_CAPABILITIES, carrierId) ? CARRIER_CAPABILITIES[carrierId as DeclaredCarrierId] : NO_CAPABILITIES
}

/** The carriers whose declaration passes `test`, by id (for help texts and refusals). */
export function carriersThat(test: (c: CarrierCapabilities) => boolean): string[] {
  return Object.entries(CARRIER_CAPABILITIES)
    .filter(([, c]) => test(c))
    .map(([id]) => id)
}

export { shapeConnector } from './carrier-plugin'
