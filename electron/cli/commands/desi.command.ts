import { AppError, ErrorCode } from '../../../shared/errors'
import { desiFromCm, round3 } from '../../../shared/desi'
import type { CliCommand } from '../cli.types'
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
    const l = numberFlag(requireFlag(values['length-cm'], 'length-cm'), 'length-cm', { positive: true })!
    const w = numberFlag(requireFlag(values['width-cm'], 'width-cm'), 'width-cm', { positive: true })!
    const h = numberFlag(requireFlag(values['height-cm'], 'height-cm'), 'height-cm', { positive: true })!
    const kg = numberFlag(values['weight-kg'], 'weight-kg') ?? 0
    if (kg < 0) throw new AppError(ErrorCode.inputInvalid, '--weight-kg must not be negative')
    const desi = desiFromCm(l, w, h)
    const chargeableKg = round3(Math.max(kg, desi))
    io.stdout(values.json ? JSON.stringify({ desi, chargeableKg }) : `desi ${desi} · ücrete esas ağırlık / chargeable ${chargeableKg} kg`)
    return 0
  },
}
