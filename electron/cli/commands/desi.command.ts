import { AppError, ErrorCode } from '../../../shared/errors'
import { desiFromCm, round3 } from '../../../shared/desi'
import type { CliCommand } from '../cli.types'
import { PACKAGE_LIMITS, checkBounded } from '../../../shared/domain/limits'
import { numberFlag, parseFlags, requireFlag } from '../cli-args'

/** `station desi`: desi = L×W×H/3000 and chargeable = max(kg, desi) for one package. */
export const desiCommand: CliCommand = {
  name: 'desi',
  summary: 'Compute desi and chargeable weight of a package',
  usage: 'station desi --length-cm L --width-cm W --height-cm H [--weight-kg K] [--json]\n  prints {"desi": number, "chargeableKg": number}',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      'length-cm': { type: 'string' },
      'width-cm': { type: 'string' },
      'height-cm': { type: 'string' },
      'weight-kg': { type: 'string' },
      json: { type: 'boolean', default: false },
    })
    const l = boundedFlag(requireFlag(values['length-cm'], 'length-cm'), 'length-cm', PACKAGE_LIMITS.maxSideCm, 'cm')
    const w = boundedFlag(requireFlag(values['width-cm'], 'width-cm'), 'width-cm', PACKAGE_LIMITS.maxSideCm, 'cm')
    const h = boundedFlag(requireFlag(values['height-cm'], 'height-cm'), 'height-cm', PACKAGE_LIMITS.maxSideCm, 'cm')
    const rawKg = values['weight-kg']
    if (rawKg !== undefined && rawKg.trim() !== '' && Number(rawKg) < 0) throw new AppError(ErrorCode.inputInvalid, '--weight-kg must not be negative')
    const kg = rawKg === undefined || Number(rawKg) === 0 ? 0 : boundedFlag(rawKg, 'weight-kg', PACKAGE_LIMITS.maxWeightKg, 'kg')
    const desi = desiFromCm(l, w, h)
    const chargeableKg = round3(Math.max(kg, desi))
    io.stdout(values.json ? JSON.stringify({ desi, chargeableKg }) : `desi ${desi} · ücrete esas ağırlık / chargeable ${chargeableKg} kg`)
    return 0
  },
}

/** A number flag within the parcel limits (shared/domain/limits.ts): 1e308 or 5000 cm is bad input, not a result. */
function boundedFlag(value: string, flag: string, max: number, unit: string): number {
  const n = numberFlag(value, flag)!
  const checked = checkBounded(n, max, `--${flag}`, unit)
  if (!checked.ok) throw new AppError(ErrorCode.inputInvalid, checked.message)
  return checked.value
}
