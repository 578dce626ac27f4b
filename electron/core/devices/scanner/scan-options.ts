import { getLayoutProfile, type LayoutProfileId } from '../../../../shared/scan/keyboard-layout'
import type { NormalizeScanOptions } from '../../../../shared/scan/normalize-scan'
import type { StationConfig } from '../../config/config.schema'

export type ScanSource = 'scanner' | 'keyboard' | 'manual'

export type ScanNormalizing = Readonly<{
  /** How a scan from `source` is normalized (AIM prefix, GS1, and the layout repair for wedge scans). */
  options(source: ScanSource): NormalizeScanOptions
  /** The wedge layout in effect; `set` applies a new one to every following scan (the settings screen's scanner self-test). */
  wedgeLayout: Readonly<{ get(): LayoutProfileId | null; set(layout: LayoutProfileId | null): void }>
}>

/**
 * Only keyboard-wedge scans are repaired for a layout mismatch: a person typing is already right. The
 * layout can change at run time, so it is read per scan.
 */
export function createScanNormalizing(scanner: Pick<StationConfig['scanner'], 'wedgeLayout' | 'fnc1' | 'gs1WithoutAim'>): ScanNormalizing {
  let layout: LayoutProfileId | null = scanner.wedgeLayout
  return {
    options: (source) => ({
      layout: source === 'scanner' && layout ? getLayoutProfile(layout) : null,
      fnc1: scanner.fnc1,
      gs1WithoutAim: scanner.gs1WithoutAim,
    }),
    wedgeLayout: {
      get: () => layout,
      set: (next) => {
        layout = next
      },
    },
  }
}
