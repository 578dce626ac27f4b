import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { ReturnRequest } from '../../core/carriers/carrier.port'
import { turkeyToday } from '../../core/manifests/manifest.repository'
import { returnCaption } from '../../core/returns/return.service'
import { parseFlags, readJsonInput, requireFlag } from '../cli-args'
import { CARRIER_FLAGS_USAGE, carrierFlagOptions, cliConnector, requireCarrier, requireEndpoint } from '../carrier-flags'
import { CARRIERS } from '../../core/carriers/carrier-registry'
import type { CliCommand, CliIo } from '../cli.types'
import { reportCarrierFailure } from './carrier-failure'
import { addressInputSchema, packageInputSchema } from '../order-input'
import { labelJson, renderLabel } from './ship-label'

const prefix = 'station return: '
const RETURN_CARRIERS = CARRIERS.filter((c) => c.capabilities.returns).map((c) => c.id)
const day = z.iso.date()

/**
 * The return file: the order being returned, the outbound shipment's keys, the customer (who sends
 * the return) and the warehouse (who receives it), the packages, and the days the code is valid.
 */
export const returnInputSchema = z
  .strictObject({
    orderNumber: z.string().trim().min(1).max(64),
    referenceNo: z.string().trim().min(1).max(64).optional(),
    original: z
      .strictObject({ carrierShipmentId: z.string().trim().max(64).default(''), trackingNumber: z.string().trim().max(64).default('') })
      .default({ carrierShipmentId: '', trackingNumber: '' }),
    sender: addressInputSchema,
    recipient: addressInputSchema,
    packages: z.array(packageInputSchema).min(1).max(99),
    validFrom: day.optional(),
    validUntil: day.optional(),
  })
  .refine((r) => !r.validFrom || !r.validUntil || r.validFrom <= r.validUntil, { message: 'validUntil is before validFrom', path: ['validUntil'] })
export type ReturnInput = z.output<typeof returnInputSchema>

/** Same file and carrier → same key: running it again gives the first return, not a second. */
export function returnIdempotencyKey(carrierId: string, input: ReturnInput): string {
  return `ret-${carrierId}-${createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32)}`
}

export function toReturnRequest(input: ReturnInput, now = new Date()): ReturnRequest {
  const from = input.validFrom ?? turkeyToday(now)
  return {
    orderNumber: input.orderNumber,
    referenceNo: input.referenceNo ?? `${input.orderNumber}-R`,
    original: input.original,
    sender: input.sender,
    recipient: input.recipient,
    packages: input.packages.map((p, i) => ({ index: i + 1, ...p })),
    labelFormat: 'zpl',
    validFrom: from,
    validUntil: input.validUntil ?? turkeyToday(new Date(Date.parse(`${from}T12:00:00Z`) + 14 * 86_400_000)),
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { ...carrierFlagOptions, input: { type: 'string' }, 'idempotency-key': { type: 'string' }, json: { type: 'boolean' } })
  const def = requireCarrier(values.carrier)
  // The declaration decides (carrier-capabilities.ts), before anything is read or sent.
  if (!def.capabilities.returns)
    throw new AppError(ErrorCode.inputInvalid, `${def.displayName} has no return operation here (returns: ${RETURN_CARRIERS.join(', ')})`)
  const input = await readJsonInput(requireFlag(values.input, 'input'), returnInputSchema)
  requireEndpoint(values)
  const idempotencyKey = values['idempotency-key'] ?? returnIdempotencyKey(def.id, input)
  if (idempotencyKey.trim() === '') throw new AppError(ErrorCode.inputInvalid, '--idempotency-key must not be empty')
  const { connector, dispose } = await cliConnector(def, values, io, prefix, { maxAttempts: 4, sameKey: true })
  try {
    if (!connector.createReturn) throw new AppError(ErrorCode.wrongState, `${def.displayName}: declared returns, but the connector has no createReturn`)
    const request = toReturnRequest(input)
    const created = await connector.createReturn(request, { idempotencyKey })
    const trackingNumber = created.trackingNumber ?? created.returnCode
    // A return code gets the desk's own slip (customer → warehouse, the code as its barcode), as the desk prints it.
    const label = await renderLabel(
      `${def.displayName} İADE`,
      { orderNumber: input.orderNumber, recipient: input.recipient, codAmountKurus: null },
      {
        orderNumber: input.orderNumber,
        referenceNo: request.referenceNo,
        serviceCode: 'return',
        sender: request.sender,
        recipient: request.recipient,
        packages: request.packages,
        codAmountKurus: null,
        labelFormat: 'zpl',
      },
      {
        carrierShipmentId: created.carrierShipmentId ?? created.returnCode,
        trackingNumber,
        barcode: created.barcode,
        trackingUrl: null,
        labelFormat: created.labelFormat,
        label: created.label,
        costKurus: null,
      },
      returnCaption(created.kind),
    )
    if (values.json) {
      io.stdout(
        `${JSON.stringify({
          kind: created.kind,
          returnCode: created.returnCode,
          trackingNumber: created.trackingNumber,
          carrierShipmentId: created.carrierShipmentId,
          barcode: created.barcode,
          validUntil: created.validUntil,
          ...labelJson(label),
        })}\n`,
      )
    } else {
      const what =
        created.kind === 'code'
          ? `return code ${created.returnCode}${created.validUntil ? ` (valid until ${created.validUntil})` : ''}`
          : `return shipment ${created.trackingNumber ?? created.returnCode}`
      io.stdout(`${def.displayName}: ${what} · label ${label.format} from ${label.source} (${label.bytes.length} bytes; --json prints it)\n`)
    }
    return 0
  } catch (err) {
    return reportCarrierFailure(io, prefix, err)
  } finally {
    await dispose()
  }
}

export const returnCommand: CliCommand = {
  name: 'return',
  summary: 'Ask a carrier for a return (iade) code or return shipment',
  usage:
    'station return --carrier ID [--base-url URL] [credentials] --input RETURN.json [--idempotency-key K] [--json]\n' +
    CARRIER_FLAGS_USAGE +
    '\n  RETURN.json: {orderNumber, referenceNo?, original? {carrierShipmentId, trackingNumber}, sender (the customer),\n' +
    '  recipient (the warehouse), packages [as for ship], validFrom?, validUntil? (YYYY-MM-DD; default today + 14 days)}.\n' +
    `  Carriers: ${CARRIERS.filter((c) => c.capabilities.returns)
      .map((c) => `${c.id} (${c.capabilities.returns === 'code' ? 'a return code the customer gives at a branch' : 'a return shipment with its own label'})`)
      .join(', ')}.\n` +
    '  Others have no documented return operation and are refused before anything is sent.\n' +
    '  --idempotency-key defaults to a hash of the file: running it again gives the first return, not a second.\n' +
    '  --json prints {"kind","returnCode","trackingNumber","carrierShipmentId","barcode","validUntil","labelFormat","label" (base64)}.\n' +
    'Exit 0 on success, 2 on bad flags or file (nothing sent), 1 when the carrier refuses or cannot be reached.',
  run,
}
