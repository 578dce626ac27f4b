import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PackingView } from '../../shared/contract/views'
import { stripBom } from '../core/config/config.loader'
import { markDemoFolder } from './demo-reset'
import { startDemoReferenceCloud } from '../../sandbox/cloud/reference/demo-seed'
import { startComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { startZebraEmulator } from '../../sandbox/zebra/zebra-emulator'

export type DemoEnvironment = Readonly<{
  overrides: Record<string, unknown>
  zebra: Awaited<ReturnType<typeof startZebraEmulator>>
  describe(): string
  dispose(): Promise<void>
}>

/**
 * Demo mode for a fresh clone with no hardware and no network: a Zebra emulator on TCP, the
 * ComToHome sandbox carrier and the reference cloud (the cloud contract's own implementation, faults
 * off) with the demo orders, all on 127.0.0.1. The cloud keeps its store in DATA/demo-cloud.sqlite3,
 * so a restart keeps what was packed. Labels the emulator prints are also written to
 * DATA/printed-labels/ so a person can look at them. The cloud sends its rate cards, unless the
 * data folder's station.json has its own (a demo tried with the seller's carriers): those win.
 */
export async function startDemoEnvironment(dataDir: string, ports: { zebra?: number; comtohome?: number; cloud?: number } = {}): Promise<DemoEnvironment> {
  const zebra = await startZebraEmulator({ port: ports.zebra ?? 0 })
  const carrier = await startComToHomeEmulator({ port: ports.comtohome ?? 0 })
  mkdirSync(dataDir, { recursive: true })
  markDemoFolder(dataDir)
  const config = hasOwnRateCards(dataDir) ? { rateCards: [] } : undefined
  const { cloud, station } = await startDemoReferenceCloud({ port: ports.cloud ?? 0, dbPath: join(dataDir, 'demo-cloud.sqlite3'), config }).catch(
    async (err: unknown) => {
      await Promise.allSettled([zebra.close(), carrier.close()])
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
  return {
    zebra,
    overrides: {
      demo: true,
      scale: { driver: 'simulated' },
      printer: { uri: zebra.uri },
      carriers: { comtohome: { baseUrl: carrier.url, apiKey: 'demo-key' } },
      cloud: { baseUrl: cloud.url, apiKey: station.apiKey, stationId: station.id, pullIntervalMs: 5000 },
    },
    describe: () => `demo: Zebra emulator ${zebra.uri}, ComToHome sandbox ${carrier.url}, reference cloud ${cloud.url}, labels → ${labelsDir}`,
    dispose: async () => {
      unsubscribe()
      await Promise.allSettled([zebra.close(), carrier.close(), cloud.close()])
    },
  }
}

/** True when DATA/station.json lists rate cards of its own. */
function hasOwnRateCards(dataDir: string): boolean {
  try {
    const raw = JSON.parse(stripBom(readFileSync(join(dataDir, 'station.json'), 'utf8'))) as { rateCards?: unknown } | null
    return Array.isArray(raw?.rateCards) && raw.rateCards.length > 0
  } catch {
    // No station.json (the usual demo), or one the config loader refuses next with its own message.
    return false
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
