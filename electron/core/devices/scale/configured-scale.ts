import type { StationConfig } from '../../config/config.schema'
import { createScaleDriverFactory } from './scale-driver.factory'
import { ScaleService } from './scale.service'
import { SimulatedScaleDriver } from './simulated-scale.driver'

export type ConfiguredScale = Readonly<{
  scale: ScaleService
  /** Only with the simulated driver (demo mode, tests): puts a load on it (0 lifts it off). */
  simulateWeight?: (grams: number) => void
}>

/** The scale station.json `scale` and `stability` describe: its driver and the stability rule on top of the device's own flag. */
export function createConfiguredScale(config: Pick<StationConfig, 'scale' | 'stability'>): ConfiguredScale {
  const scaleConfig = config.scale
  let simulated: SimulatedScaleDriver | null = null
  // One factory for the run, so an auto-detected protocol is remembered across reconnects.
  const createDriver =
    scaleConfig.driver === 'simulated'
      ? () => (simulated ??= new SimulatedScaleDriver({ intervalMs: scaleConfig.intervalMs })) // one simulated scale, so a placed weight survives a reconnect
      : createScaleDriverFactory(scaleConfig.driver === 'mt-sics' ? { ...scaleConfig, driver: 'serial', protocol: 'mt-sics' } : scaleConfig)
  const rule = Object.fromEntries(Object.entries(config.stability).filter(([, v]) => v !== undefined))
  return {
    scale: new ScaleService({ createDriver, rule }),
    simulateWeight:
      scaleConfig.driver === 'simulated'
        ? (grams) => (grams > 0 ? simulated?.place(grams, { settleMs: scaleConfig.settleMs, noiseGrams: 15 }) : simulated?.remove())
        : undefined,
  }
}
