import { AppError, ErrorCode } from '../../../shared/errors'
import { ShippingLabelInput } from '../../../shared/label'
import { buildShippingLabel, LABEL_DPIS, LABEL_SIZES, type LabelDpi, type LabelSize } from '../../core/devices/printer/zpl/shipping-label.zpl'
import { parseFlags, readJsonInput, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'
import { reportingFailures } from './printer-command.support'

const flagOptions = {
  input: { type: 'string' },
  dpi: { type: 'string' },
  size: { type: 'string' },
} as const

const prefix = 'station label render: '

function pick<T extends string | number>(value: string | undefined, allowed: readonly T[], fallback: T, flag: string): T {
  if (value === undefined) return fallback
  const found = allowed.find((a) => String(a) === value)
  if (found === undefined) throw new AppError(ErrorCode.inputInvalid, `--${flag} must be ${allowed.join(' or ')}, got "${value}"`)
  return found
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, flagOptions)
  const path = requireFlag(values.input, 'input')
  const dpi = pick<LabelDpi>(values.dpi, LABEL_DPIS, 203, 'dpi')
  const size = pick<LabelSize>(values.size, LABEL_SIZES, '100x150', 'size')
  const input = await readJsonInput(path, ShippingLabelInput)
  io.stdout(buildShippingLabel(input, { dpi, size }))
  return 0
}

export const labelRenderCommand: CliCommand = {
  name: 'label render',
  summary: 'Render a shipping label to ZPL',
  usage:
    'station label render --input FILE.json [--dpi 203|300] [--size 100x150|100x100]\n' +
    'Prints the ZPL (UTF-8, ^CI28) on stdout. FILE.json has the ShippingLabelInput shape (shared/label.ts).\n' +
    'Exit 0 ok, 2 on a missing or invalid input file or bad flags.',
  run: reportingFailures(prefix, run),
}
