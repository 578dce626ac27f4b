import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PackingView } from '../../shared/contract/views'
import { startDemoCloud } from '../../sandbox/cloud/demo-cloud'
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
 * ComToHome sandbox carrier and a demo cloud with orders, all on 127.0.0.1. Labels the emulator
 * prints are also written to DATA/printed-labels/ so a person can look at them.
 */
export async function startDemoEnvironment(dataDir: string, ports: { zebra?: number; comtohome?: number; cloud?: number } = {}): Promise<DemoEnvironment> {
  const zebra = await startZebraEmulator({ port: ports.zebra ?? 0 })
  const carrier = await startComToHomeEmulator({ port: ports.comtohome ?? 0 })
  const cloud = await startDemoCloud({ port: ports.cloud ?? 0 })
  const labelsDir = join(dataDir, 'printed-labels')
  mkdirSync(labelsDir, { recursive: true })
  let printed = 0
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
      cloud: { baseUrl: cloud.url, apiKey: 'demo-station-key', pullIntervalMs: 5000 },
    },
    describe: () => `demo: Zebra emulator ${zebra.uri}, ComToHome sandbox ${carrier.url}, demo cloud ${cloud.url}, labels → ${labelsDir}`,
    dispose: async () => {
      unsubscribe()
      await Promise.allSettled([zebra.close(), carrier.close(), cloud.close()])
    },
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
