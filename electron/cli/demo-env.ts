import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PackingView } from '../../shared/contract/views'
import { stripBom } from '../core/config/config.loader'
import { markDemoFolder } from './demo-reset'
import { startDemoReferenceCloud } from '../../sandbox/cloud/reference/demo-seed'
import { defaultCloudConfig } from '../../sandbox/cloud/reference/cloud-defaults'
import { startComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { startYurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { startZebraEmulator } from '../../sandbox/zebra/zebra-emulator'

export type DemoEnvironment = Readonly<{
  overrides: Record<string, unknown>
  zebra: Awaited<ReturnType<typeof startZebraEmulator>>
  /** The demo's Yurtiçi emulator (returns and voids), or null when DATA/station.json configures Yurtiçi itself. */
  yurtici: Awaited<ReturnType<typeof startYurticiEmulator>> | null
  describe(): string
  dispose(): Promise<void>
}>

/**
 * The demo's Yurtiçi card, on the seller's own contract beside ComToHome's platform cards: ComToHome's cheapest
 * card (PTT, platform +10%) stays cheapest for every demo order without cash on delivery, and Yurtiçi's low COD
 * fee makes it the cheapest for the COD ones (KJ1003, KJ1006, …), from 1 to 30 kg (demo-env.test.ts). So the demo
 * ships with a carrier that makes returns (a Yurtiçi return code) and voids until pickup, and the comparison of
 * the other orders has a second carrier to change to.
 */
export const DEMO_YURTICI_CARD = {
  carrierId: 'yurtici',
  serviceCode: 'GO',
  name: 'Yurtiçi Kargo',
  contract: 'own',
  commissionBp: 0,
  transitDays: 2,
  supportsCod: true,
  codFeeKurus: 1000,
  fuelSurchargeBp: 0,
  maxChargeableKg: 30,
  bands: [1, 2, 3, 5, 10, 15, 20, 30].map((upToKg, i) => ({ upToKg, priceKurus: 9300 + i * 1750 })),
  extraKgKurus: 0,
} as const

/**
 * Demo mode for a fresh clone with no hardware and no network: a Zebra emulator on TCP, the
 * ComToHome sandbox carrier, the Yurtiçi emulator (DEMO_YURTICI_CARD) and the reference cloud (the
 * cloud contract's own implementation, faults off) with the demo orders, all on 127.0.0.1. The cloud
 * keeps its store in DATA/demo-cloud.sqlite3, so a restart keeps what was packed. Labels the emulator prints are also written to
 * DATA/printed-labels/ so a person can look at them. The cloud sends its rate cards, unless the
 * data folder's station.json has its own (a demo tried with the seller's carriers): those win.
 */
export async function startDemoEnvironment(
  dataDir: string,
  ports: { zebra?: number; comtohome?: number; yurtici?: number; cloud?: number } = {},
): Promise<DemoEnvironment> {
  const zebra = await startZebraEmulator({ port: ports.zebra ?? 0 })
  const carrier = await startComToHomeEmulator({ port: ports.comtohome ?? 0 })
  const own = ownStationJson(dataDir)
  // A station.json that configures Yurtiçi (a test with its own emulator, a seller's account) keeps it.
  const yurtici = own.yurtici ? null : await startYurticiEmulator({ port: ports.yurtici ?? 0 })
  const closeCarriers = () => Promise.allSettled([zebra.close(), carrier.close(), yurtici?.close()])
  mkdirSync(dataDir, { recursive: true })
  markDemoFolder(dataDir)
  const defaults = defaultCloudConfig()
  // The Yurtiçi card is priced from whichever Yurtiçi the desk is configured with: the demo's emulator, or station.json's.
  const config = own.rateCards
    ? { rateCards: [] }
    : {
        rateCards: [...defaults.rateCards, DEMO_YURTICI_CARD],
        carriers: [...defaults.carriers, { id: 'yurtici', name: 'Yurtiçi Kargo', enabled: true, services: [{ serviceCode: 'GO', name: 'Standart' }] }],
      }
  const { cloud, station } = await startDemoReferenceCloud({ port: ports.cloud ?? 0, dbPath: join(dataDir, 'demo-cloud.sqlite3'), config }).catch(
    async (err: unknown) => {
      await closeCarriers()
      throw err
    },
  )
  const labelsDir = join(dataDir, 'printed-labels')
  mkdirSync(labelsDir, { recursive: true })
  // After a restart the numbering goes on, so the labels printed before stay on disk.
  let printed = readdirSync(labelsDir).length
  const unsubscribe = zebra.onDidPrintJob((zpl: string) => {
    printed++
    writeFileSync(join(labelsDir, `label-${String(printed).padStart(4, '0')}.zpl`), zpl)
  })
  // One WS user for the sender-pays and the cash-on-delivery shipments (the emulator's test user).
  const ykUser = { username: 'YKTEST', password: 'YK' }
  return {
    zebra,
    yurtici,
    overrides: {
      demo: true,
      scale: { driver: 'simulated' },
      printer: { uri: zebra.uri },
      carriers: {
        comtohome: { baseUrl: carrier.url, apiKey: 'demo-key' },
        ...(yurtici ? { yurtici: { enabled: true, url: yurtici.url, accounts: { senderPays: ykUser, codCash: ykUser } } } : {}),
      },
      cloud: { baseUrl: cloud.url, apiKey: station.apiKey, stationId: station.id, pullIntervalMs: 5000 },
    },
    describe: () =>
      `demo: Zebra emulator ${zebra.uri}, ComToHome sandbox ${carrier.url}${yurtici ? `, Yurtiçi emulator ${yurtici.url}` : ''}, reference cloud ${cloud.url}, labels → ${labelsDir}`,
    dispose: async () => {
      unsubscribe()
      await Promise.allSettled([closeCarriers(), cloud.close()])
    },
  }
}

/** What DATA/station.json brings of its own: rate cards, a Yurtiçi section. */
function ownStationJson(dataDir: string): { rateCards: boolean; yurtici: boolean } {
  try {
    const raw = JSON.parse(stripBom(readFileSync(join(dataDir, 'station.json'), 'utf8'))) as { rateCards?: unknown; carriers?: { yurtici?: unknown } } | null
    return { rateCards: Array.isArray(raw?.rateCards) && raw.rateCards.length > 0, yurtici: raw?.carriers?.yurtici !== undefined }
  } catch {
    // No station.json (the usual demo), or one the config loader refuses next with its own message.
    return { rateCards: false, yurtici: false }
  }
}

/**
 * Demo only: puts the expected weight (items + box, with a little noise inside tolerance) on the
 * simulated scale once a box is chosen, as a packer would put the box on the scale.
 */
export function autoWeigh(view: PackingView, place: (grams: number) => void): void {
  if (view.step === 'itemsVerified' && view.box && view.expectedGrams !== null && view.measuredGrams === null && !view.problem) {
    place(view.expectedGrams + Math.round((Math.random() - 0.5) * 40))
  }
}
