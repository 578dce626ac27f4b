import { createHash } from 'node:crypto'
import { LabelFormat } from '../../../shared/domain/shipment'
import { AppError, ErrorCode, toAppError, errorText } from '../../../shared/errors'
import { ComToHomeConnector } from '../../core/carriers/comtohome/comtohome.adapter'
import { consignmentRequestSchema, type ConsignmentRequest } from '../../core/carriers/comtohome/comtohome.schemas'
import { z } from 'zod'
import { CARRIERS, type AnyCarrier, type CarrierList } from '../../core/carriers/carrier-registry'
import { formatZodIssues, numberFlag, parseFlags, readJsonInput, requireFlag } from '../cli-args'
import { carrierFlagOptions, carrierFlagsUsage, cliConnector, requireCarrier, requireEndpoint } from '../carrier-flags'
import { consignmentLimitsSchema, orderIdempotencyKey, orderInputSchema, toShipmentRequest } from '../order-input'
import { labelJson, renderLabel } from './ship-label'
import type { CliCommand, CliIo } from '../cli.types'

const API_KEY_ENV = 'KARGOJET_COMTOHOME_API_KEY'

const flagOptions = {
  ...carrierFlagOptions,
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

function parseSettings(values: ReturnType<typeof parseFlags<typeof flagOptions>>['values'], env: NodeJS.ProcessEnv): ShipSettings {
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
    io.stderr(`${prefix}${errorText(error)}\n`)
    return 2
  }
  io.stderr(`${prefix}${errorText(error)} [${error.code}]\n`)
  const fieldErrors = Array.isArray(error.meta.fieldErrors) ? (error.meta.fieldErrors as Array<{ field: string | null; message: string }>) : []
  // The message already names a single field error; a list only helps when there are several.
  if (fieldErrors.length > 1) for (const f of fieldErrors) io.stderr(`  ${f.field ?? '(request)'}: ${f.message}\n`)
  return 1
}

async function run(argv: readonly string[], io: CliIo, carriers: CarrierList): Promise<number> {
  let values: ReturnType<typeof parseFlags<typeof flagOptions>>['values']
  let def: AnyCarrier
  try {
    values = parseFlags(argv, flagOptions).values
    def = requireCarrier(values.carrier, carriers)
    // ComToHome also takes its own seed-shaped body (seed 001) as the order file.
    if (def.id !== 'comtohome' || !(await isConsignmentBody(requireFlag(values.input, 'input')))) return await shipGeneric(def, values, io)
  } catch (err) {
    return reportFailure(err, io)
  }
  let settings: ShipSettings
  let body: ConsignmentRequest
  try {
    settings = parseSettings(values, process.env)
    body = await readJsonInput(settings.input, consignmentRequestSchema)
    const limits = consignmentLimitsSchema.safeParse(body)
    if (!limits.success) throw new AppError(ErrorCode.inputInvalid, `${settings.input}: ${formatZodIssues(limits.error)}`)
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
      onRetry: ({ attempt, delayMs, error }) =>
        io.stderr(`${prefix}${error.code} on attempt ${attempt}, retrying in ${delayMs} ms with the same Idempotency-Key\n`),
    },
  })
  try {
    const created = await connector.submitConsignment(body, { idempotencyKey, labelFormat: settings.labelFormat })
    const label = Buffer.from(created.label ?? []).toString('base64')
    if (settings.json) {
      io.stdout(
        `${JSON.stringify({ trackingNumber: created.trackingNumber, barcode: created.barcode, labelFormat: created.labelFormat, label, costKurus: created.costKurus })}\n`,
      )
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

/** Whether the order file is a ComToHome consignment body (has its snake_case keys) rather than a carrier-neutral order. */
async function isConsignmentBody(path: string): Promise<boolean> {
  const raw = await readJsonInput(path, z.unknown())
  return typeof raw === 'object' && raw !== null && ('consignor' in raw || 'consignee' in raw || 'reference_no' in raw)
}

/** Every carrier: a carrier-neutral order file (cli/order-input.ts) through the carrier's connector. */
async function shipGeneric(def: AnyCarrier, values: ReturnType<typeof parseFlags<typeof flagOptions>>['values'], io: CliIo): Promise<number> {
  const input = requireFlag(values.input, 'input')
  requireEndpoint(values)
  const labelFormat = values['label-format'] ?? LabelFormat.zpl
  if (labelFormat !== LabelFormat.zpl && labelFormat !== LabelFormat.pdf)
    throw new AppError(ErrorCode.inputInvalid, `--label-format must be zpl or pdf, got "${labelFormat}"`)
  const order = await readJsonInput(input, orderInputSchema)
  const idempotencyKey = values['idempotency-key'] ?? orderIdempotencyKey(def.id, order)
  if (idempotencyKey.trim() === '') throw new AppError(ErrorCode.inputInvalid, '--idempotency-key must not be empty')
  const { connector, dispose } = await cliConnector(def, values, io, prefix, { maxAttempts: 4, sameKey: true })
  const request = toShipmentRequest(order, { serviceCode: def.defaultServiceCode, labelFormat })
  try {
    const created = await connector.createShipment(request, { idempotencyKey })
    const label = await renderLabel(def.displayName, order, request, created)
    if (values.json) {
      io.stdout(
        `${JSON.stringify({
          trackingNumber: created.trackingNumber,
          barcode: created.barcode,
          ...labelJson(label),
          costKurus: created.costKurus,
          // What the carrier's cancel/track take (Sürat, Sendeo, MNG: our own key, not the tracking number).
          carrierShipmentId: created.carrierShipmentId,
          // "carrier": the carrier's own label; "desk": the desk's label with the carrier's barcode (Yurtiçi, Kolay Gelsin, PTT without etiketGetir).
          labelSource: label.source,
        })}\n`,
      )
    } else {
      io.stdout(
        `${def.displayName}: tracking ${created.trackingNumber} · barcode ${created.barcode} · ` +
          `${created.costKurus === null ? 'cost unknown' : `cost ${(created.costKurus / 100).toFixed(2)} TL`} · ` +
          `label ${label.format} from ${label.source} (${label.bytes.length} bytes; --json prints it)\n`,
      )
    }
    return 0
  } catch (err) {
    return reportFailure(err, io)
  } finally {
    await dispose()
  }
}

/** `station ship` over a list of carriers: the registry's, or a test's list with a carrier added. */
export const shipCommandFor = (carriers: CarrierList): CliCommand => ({
  name: 'ship',
  summary: 'Create a shipment with a carrier',
  usage:
    'station ship --carrier ID [--base-url URL] [credentials] --input ORDER.json [--label-format zpl|pdf] ' +
    '[--idempotency-key K] [--timeout-ms N] [--json]\n' +
    carrierFlagsUsage(carriers) +
    '\n  ORDER.json: a carrier-neutral order {orderNumber, referenceNo?, serviceCode?, sender, recipient (name, address, district,\n' +
    '  city, postalCode, phone), packages [{lengthMm|lengthCm, widthMm|widthCm, heightMm|heightCm, weightGrams|weightKg}],\n' +
    '  codAmountKurus?, description?}. For comtohome it may also be a ComToHome consignment body (seed 001).\n' +
    '  Carriers that return no label (Yurtiçi, Aras without barcode permission, Kolay Gelsin, PTT where etiketGetir is missing\n' +
    '  or refused) get the desk\'s own ZPL label carrying the carrier\'s barcode ("labelSource": "desk").\n' +
    `  --api-key may come from ${API_KEY_ENV} instead. --label-format defaults to zpl, --timeout-ms to 30000 per attempt.\n` +
    '  --idempotency-key defaults to a hash of the order body: running the same file again returns the first\n' +
    '  shipment instead of buying a second one. Retryable failures are retried (4 attempts) under the same key.\n' +
    '  --json prints {"trackingNumber","barcode","labelFormat","label" (base64),"costKurus"} (+ "carrierShipmentId", the key\n' +
    '  `station track --tracking` takes, and "labelSource" carrier|desk, for carrier-neutral orders).\n' +
    'Exit 0 on success, 2 on bad flags or order file (nothing sent), 1 when the carrier refuses or cannot be reached.',
  run: (argv, io) => run(argv, io, carriers),
})

export const shipCommand: CliCommand = shipCommandFor(CARRIERS)
