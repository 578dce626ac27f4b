import { AppError, ErrorCode } from '../../../../shared/errors'
import { A12eDriver, a12eLineDefaults } from './a12e.driver'
import { CasDriver, casLineDefaults } from './cas.driver'
import { MtSicsDriver, mtSicsLineDefaults } from './mt-sics.driver'
import { NciDriver, nciLineDefaults } from './nci.driver'
import type { ScaleDriver } from './scale.port'
import type { WeightUnit } from './scale-units'
import type { SerialLineSettings } from './serial-scale.transport'
import { Toledo8217Driver, toledo8217LineDefaults } from './toledo-8217.driver'
import { ToledoContinuousDriver, toledoContinuousLineDefaults } from './toledo-continuous.driver'

/** Every serial scale protocol the desk speaks (docs/reference/hardware.md §2.2–§2.6). */
export const scaleProtocols = ['mt-sics', 'toledo-continuous', 'toledo-8217', 'cas', 'a12e', 'nci'] as const

export type ScaleProtocol = (typeof scaleProtocols)[number]

export type ScaleProtocolInfo = Readonly<{
  /** `continuous`: the scale streams frames by itself; `request`: the desk polls it. */
  mode: 'continuous' | 'request'
  /** Default line settings (§2.1; the driver files say where a default is unverified). */
  line: SerialLineSettings
  label: string
}>

export const scaleProtocolInfo: Readonly<Record<ScaleProtocol, ScaleProtocolInfo>> = {
  'mt-sics': { mode: 'request', line: mtSicsLineDefaults, label: 'Mettler Toledo MT-SICS' },
  'toledo-continuous': { mode: 'continuous', line: toledoContinuousLineDefaults, label: 'Mettler Toledo standard continuous output' },
  'toledo-8217': { mode: 'request', line: toledo8217LineDefaults, label: 'Toledo 8217 / Dialog 06 (W request)' },
  cas: { mode: 'continuous', line: casLineDefaults, label: 'CAS / Kern ST,GS lines' },
  a12e: { mode: 'continuous', line: a12eLineDefaults, label: 'Yaohua XK3190-A12E' },
  nci: { mode: 'request', line: nciLineDefaults, label: 'NCI / SCP-12 (W<CR>)' },
}

export function isScaleProtocol(value: string): value is ScaleProtocol {
  return (scaleProtocols as readonly string[]).includes(value)
}

/** One serial scale: protocol, port, line settings (defaults per protocol) and per-model options. */
export type SerialScaleConfig = Readonly<
  {
    protocol: ScaleProtocol
    path: string
    /** toledo-continuous: checksum byte after CR (default on); a12e: verify the XOR checksum (default on). */
    checksum?: boolean
    /** toledo-8217: the unit the scale is set to; its replies carry none (default kg). */
    unit?: WeightUnit
    /** cas: unit for lines whose unit field is blank (default: such lines are invalid). */
    defaultUnit?: WeightUnit
    /** nci: motion bit polarity (default `setWhenMoving`, §2.6). */
    motionBit?: 'setWhenMoving' | 'setWhenStable'
    /** mt-sics: `SI` (immediate, default) or `S` (blocks until stable). */
    command?: 'SI' | 'S'
    /** Request protocols: time between weight requests (default 200 ms). */
    pollIntervalMs?: number
    /** Request protocols: no reply this long is a disconnect (default 1500 ms). */
    replyTimeoutMs?: number
    /** Continuous protocols: no valid frame this long is a disconnect (default 1500 ms). */
    silenceTimeoutMs?: number
    /** a12e: how long a weight must hold to count as stable (default 400 ms). */
    steadyMs?: number
    now?: () => number
  } & Partial<SerialLineSettings>
>

/** The driver of each protocol; each takes the whole config and reads the options of its model. */
const serialScaleDrivers: Readonly<Record<ScaleProtocol, new (config: SerialScaleConfig) => ScaleDriver>> = {
  'mt-sics': MtSicsDriver,
  'toledo-continuous': ToledoContinuousDriver,
  'toledo-8217': Toledo8217Driver,
  cas: CasDriver,
  a12e: A12eDriver,
  nci: NciDriver,
}

/** Makes the driver for one serial scale. Throws `input.invalid` for an unknown protocol (config from disk). */
export function createSerialScaleDriver(config: SerialScaleConfig): ScaleDriver {
  if (!isScaleProtocol(config.protocol)) {
    throw new AppError(
      ErrorCode.inputInvalid,
      `unknown scale protocol ${String((config as { protocol: unknown }).protocol)} (known: ${scaleProtocols.join(', ')})`,
    )
  }
  return new serialScaleDrivers[config.protocol](config)
}
