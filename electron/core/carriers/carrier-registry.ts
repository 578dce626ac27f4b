import type { CarrierConnector } from './carrier.port'
import type { AnyCarrier, CarrierContext } from './carrier-plugin'
import { comtohomeCarrier } from './comtohome/comtohome.plugin'
import { yurticiCarrier } from './yurtici/yurtici.plugin'
import { hepsijetCarrier } from './hepsijet/hepsijet.plugin'
import { arasCarrier } from './aras/aras.plugin'
import { mngCarrier } from './mng/mng.plugin'
import { suratCarrier } from './surat/surat.plugin'
import { pttCarrier } from './ptt/ptt.plugin'
import { sendeoCarrier } from './sendeo/sendeo.plugin'
import { kolaygelsinCarrier } from './kolaygelsin/kolaygelsin.plugin'

export type { AnyCarrier, CarrierCliFlags, CarrierContext, PickupRequest } from './carrier-plugin'

/**
 * Every carrier KargoJet speaks to, in the order the desk lists them. Adding one: its folder with
 * `<id>.plugin.ts` (defineCarrier) and a line here; station.json's `carriers` section, the CLI's
 * `--carrier` and help, and the table in docs/carriers.md follow (docs/architecture.md).
 */
export const CARRIERS = [
  comtohomeCarrier,
  yurticiCarrier,
  hepsijetCarrier,
  arasCarrier,
  mngCarrier,
  suratCarrier,
  pttCarrier,
  sendeoCarrier,
  kolaygelsinCarrier,
] as const satisfies readonly AnyCarrier[]

export type CarrierList = readonly AnyCarrier[]

export function findCarrier(id: string, carriers: CarrierList = CARRIERS): AnyCarrier | undefined {
  return carriers.find((c) => c.id === id)
}

/** The enabled carriers of a station configuration's `carriers` section (already validated), built. */
export function createConfiguredConnectors(sections: object, ctx: CarrierContext, carriers: CarrierList = CARRIERS): Map<string, CarrierConnector> {
  const out = new Map<string, CarrierConnector>()
  for (const def of carriers) {
    const section: unknown = Object.hasOwn(sections, def.id) ? (sections as Record<string, unknown>)[def.id] : undefined
    if (isEnabled(section)) out.set(def.id, def.connect(section, ctx))
  }
  return out
}

const isEnabled = (section: unknown): boolean => typeof section === 'object' && section !== null && (section as { enabled?: unknown }).enabled === true
