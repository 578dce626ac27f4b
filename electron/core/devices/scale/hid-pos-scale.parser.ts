import { frameInvalid } from './byte-framer'
import { gramsOf, type WeightUnit } from './scale-units'

/**
 * USB HID POS scale input report (pure). Facts: docs/reference/hardware.md §1.1 (HID Point of
 * Sale Usage Tables 1.02 as read by erjiang/usbscale and QZ Tray). Six bytes: report ID (3 =
 * scale data, 4 = scale status), status, unit, signed power-of-ten exponent, weight as unsigned
 * 16-bit little-endian. Every status is surfaced as its own frame kind; none is dropped.
 */

/** Status byte values (§1.1; 7 is calibration, 8 is re-zeroing). */
export const HidScaleStatusCode = {
  fault: 1,
  zero: 2,
  inMotion: 3,
  stable: 4,
  negative: 5,
  overload: 6,
  needsCalibration: 7,
  needsRezero: 8,
} as const

export type HidScaleStatus = keyof typeof HidScaleStatusCode

/** Unit codes, indexed as in usbscale's UNITS table (§1.1). 11 = oz and 12 = lb, not node-dymo's values. */
export const HidScaleUnitCode: Readonly<Record<number, WeightUnit>> = {
  1: 'mg',
  2: 'g',
  3: 'kg',
  4: 'ct',
  5: 'tael',
  6: 'gr',
  7: 'dwt',
  8: 't',
  9: 'ton',
  10: 'ozt',
  11: 'oz',
  12: 'lb',
}

type Header = Readonly<{ reportId: number; statusCode: number; unitCode: number; exponent: number; raw: number }>

export type HidScaleFrame =
  /** A weight the display shows: `zero` is always 0 g, `negative` is below 0 g. */
  | (Header & Readonly<{ kind: 'zero' | 'inMotion' | 'stable' | 'negative'; unit: WeightUnit | null; grams: number }>)
  /** Conditions without a usable weight; the operator has to act (§1.1: usbscale keeps waiting or stops). */
  | (Header & Readonly<{ kind: 'fault' | 'overload' | 'needsCalibration' | 'needsRezero' }>)
  /** A status value outside 1–8: reported, never taken as a weight. */
  | (Header & Readonly<{ kind: 'unknownStatus' }>)
  /** An all-zero payload, which QZ Tray discards as noise (§1.1). */
  | Readonly<{ kind: 'noise' }>

const statusByCode = new Map<number, HidScaleStatus>(Object.entries(HidScaleStatusCode).map(([name, code]) => [code, name as HidScaleStatus]))

function hex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')
}

/**
 * Parses one input report as node-hid delivers it (report ID first). Reports longer than six
 * bytes are accepted and the rest ignored (some backends pad to the endpoint size [unverified]).
 */
export function parseHidScaleReport(report: ArrayLike<number>): HidScaleFrame {
  if (report.length < 6) throw frameInvalid('HID scale', hex(report), `expected 6 bytes, got ${report.length}`)
  const [reportId = 0, statusCode = 0, unitCode = 0, exponentByte = 0, low = 0, high = 0] = Array.from(report).slice(0, 6)
  if (statusCode === 0 && unitCode === 0 && exponentByte === 0 && low === 0 && high === 0) return { kind: 'noise' }
  if (reportId !== 3 && reportId !== 4) throw frameInvalid('HID scale', hex(report), `report ID ${reportId} is not a scale report`)

  const exponent = exponentByte > 0x7f ? exponentByte - 0x100 : exponentByte // signed int8
  const raw = low | (high << 8)
  const header: Header = { reportId, statusCode, unitCode, exponent, raw }
  const status = statusByCode.get(statusCode)
  if (!status) return { ...header, kind: 'unknownStatus' }
  if (status === 'fault' || status === 'overload' || status === 'needsCalibration' || status === 'needsRezero') return { ...header, kind: status }

  const unit = HidScaleUnitCode[unitCode] ?? null
  if (status === 'zero') return { ...header, kind: status, unit, grams: 0 }
  if (!unit) throw frameInvalid('HID scale', hex(report), `unknown unit code ${unitCode}`)
  // Under zero, the field is read as a magnitude; a value above 0x7FFF is taken as two's complement
  // instead, since no scale reads 32768+ units below zero [unverified: the tables do not say].
  const magnitude = status === 'negative' && raw > 0x7fff ? 0x10000 - raw : raw
  const grams = gramsOf(magnitude * 10 ** exponent, unit)
  return { ...header, kind: status, unit, grams: status === 'negative' ? -grams || 0 : grams }
}
