import { createHash } from 'node:crypto'
import { LabelFormat } from '../../../shared/domain/shipment'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { ComToHomeConnector } from '../../core/carriers/comtohome/comtohome.adapter'
import { consignmentRequestSchema, type ConsignmentRequest } from '../../core/carriers/comtohome/comtohome.schemas'
import { numberFlag, parseFlags, readJsonInput, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'

const supportedCarriers = ['comtohome'] as const
const API_KEY_ENV = 'KARGOJET_COMTOHOME_API_KEY'

const flagOptions = {
  carrier: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  input: { type: 'string' },
  'label-format': { type: 'string' },
  'idempotency-key': { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const

type ShipSettings = Readonly<{
  baseUrl: string
  apiKey: string
  input: string
  labelFormat: LabelFormat
  idempotencyKey: string | undefined
  timeoutMs: number
  json: boolean
}>

function parseSettings(argv: readonly string[], env: NodeJS.ProcessEnv): ShipSettings {
  const { values } = parseFlags(argv, flagOptions)
  const carrier = requireFlag(values.carrier, 'carrier')
  if (!(supportedCarriers as readonly string[]).includes(carrier)) {
    throw new AppError(ErrorCode.inputInvalid, `carrier "${carrier}" is not supported (supported: ${supportedCarriers.join(', ')})`)
  }
  const baseUrl = requireFlag(values['base-url'], 'base-url')
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new AppError(ErrorCode.inputInvalid, `--base-url must be an http(s) URL, got "${baseUrl}"`)
  }
  const apiKey = values['api-key'] ?? env[API_KEY_ENV]
  if (!apiKey) throw new AppError(ErrorCode.inputInvalid, `missing required flag --api-key (or ${API_KEY_ENV})`)
  const labelFormat = values['label-format'] ?? LabelFormat.zpl
  if (labelFormat !== LabelFormat.zpl && labelFormat !== LabelFormat.pdf) {
    throw new AppError(ErrorCode.inputInvalid, `--label-format must be zpl or pdf, got "${labelFormat}"`)
  }
  const idempotencyKey = values['idempotency-key']
  if (idempotencyKey !== undefined && idempotencyKey.trim() === '') throw new AppError(ErrorCode.inputInvalid, '--idempotency-key must not be empty')
  return {
    baseUrl,
    apiKey,
    input: requireFlag(values.input, 'input'),
    labelFormat,
    idempotencyKey,
    timeoutMs: numberFlag(values['timeout-ms'], 'timeout-ms', { positive: true, integer: true }) ?? 30_000,
    json: values.json ?? false,
  }
}

/**
 * Same order file → same key, so running the command again replays the first purchase instead of
 * buying twice. The body is hashed after zod parsing, which rebuilds objects in schema key order,
 * so reformatting or reordering the file does not change the key.
 */
export function defaultIdempotencyKey(body: ConsignmentRequest): string {
  return `ship-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}`
}

const prefix = 'station ship: '

function reportFailure(err: unknown, io: CliIo): number {
  const error = toAppError(err)
  if (error.code === ErrorCode.inputInvalid) {
    io.stderr(`${prefix}${error.message}\n`)
    return 2
  }
  io.stderr(`${prefix}${error.message} [${error.code}]\n`)
  const fieldErrors = Array.isArray(error.meta.fieldErrors) ? (error.meta.fieldErrors as Array<{ field: string | null; message: string }>) : []
  // The message already names a single field error; a list only helps when there are several.
  if (fieldErrors.length > 1) for (const f of fieldErrors) io.stderr(`  ${f.field ?? '(request)'}: ${f.message}\n`)
  return 1
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let settings: ShipSettings
  let body: ConsignmentRequest
  try {
    settings = parseSettings(argv, process.env)
    body = await readJsonInput(settings.input, consignmentRequestSchema)
  } catch (err) {
    return reportFailure(err, io)
  }
  const idempotencyKey = settings.idempotencyKey ?? defaultIdempotencyKey(body)
  const connector = new ComToHomeConnector({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    timeoutMs: settings.timeoutMs,
    retry: {
      maxAttempts: 4,
      onRetry: ({ attempt, delayMs, error }) => io.stderr(`${prefix}${error.code} on attempt ${attempt}, retrying in ${delayMs} ms with the same Idempotency-Key\n`),
    },
  })
  try {
    const created = await connector.submitConsignment(body, { idempotencyKey, labelFormat: settings.labelFormat })
    const label = Buffer.from(created.label ?? []).toString('base64')
    if (settings.json) {
      io.stdout(`${JSON.stringify({ trackingNumber: created.trackingNumber, barcode: created.barcode, labelFormat: created.labelFormat, label, costKurus: created.costKurus })}\n`)
    } else {
      io.stdout(
        `tracking ${created.trackingNumber} · barcode ${created.barcode} · ` +
          `${created.costKurus === null ? 'cost unknown' : `cost ${(created.costKurus / 100).toFixed(2)} TL`} · ` +
          `label ${created.labelFormat ?? 'unknown format'} (${created.label?.length ?? 0} bytes; --json prints it)\n`,
      )
    }
    return 0
  } catch (err) {
    return reportFailure(err, io)
  }
}

export const shipCommand: CliCommand = {
  name: 'ship',
  summary: 'Create a shipment with a carrier',
  usage:
    'station ship --carrier comtohome --base-url URL --api-key KEY --input ORDER.json [--label-format zpl|pdf] ' +
    '[--idempotency-key K] [--timeout-ms N] [--json]\n' +
    '  ORDER.json: a ComToHome consignment body (provider_id/preference, consignor, consignee, packages, reference_no, special_services…).\n' +
    `  --api-key may come from ${API_KEY_ENV} instead. --label-format defaults to zpl, --timeout-ms to 30000 per attempt.\n` +
    '  --idempotency-key defaults to a hash of the order body: running the same file again returns the first\n' +
    '  shipment instead of buying a second one. Retryable failures are retried (4 attempts) under the same key.\n' +
    '  --json prints {"trackingNumber","barcode","labelFormat","label" (base64),"costKurus"}.\n' +
    'Exit 0 on success, 2 on bad flags or order file (nothing sent), 1 when the carrier refuses or cannot be reached.',
  run,
}
