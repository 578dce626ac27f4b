import { z } from 'zod'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierSettings, defineCarrier, definedOnly, deskOptions, flagSection } from '../carrier-plugin'
import { createPttConnector, type PttConnector } from './ptt.adapter'
import { createSqlitePttBarcodeAllocator } from './ptt.sqlite-allocator'

/** station.json `carriers.ptt`: customer id + password, and the barcode range PTT assigned (12-digit bodies). */
export const PttSettingsSchema = carrierSettings({
  origin: z.string().url().default('https://pttws.ptt.gov.tr'),
  environment: z.enum(['live', 'test']).default('test'),
  credentials: z
    .object({ customerId: z.number().int().positive(), password: z.string().min(1), username: z.string().min(1).optional() })
    .default({ customerId: 904411, password: 'PttTest!2024' }),
  barcodeRange: z
    .object({ first: z.string().regex(/^\d{12,13}$/), last: z.string().regex(/^\d{12,13}$/) })
    .default({ first: '274000000001', last: '274000999999' }),
  /** Sources disagree on the success code (docs/reference/carriers.md §4); "1" by default. */
  successCode: z.enum(['1', '0']).default('1'),
})

const isPtt = (c: unknown): c is PttConnector => typeof (c as { requestPickup?: unknown }).requestPickup === 'function'

export const pttCarrier = defineCarrier({
  id: 'ptt',
  displayName: 'PTT Kargo',
  defaultServiceCode: 'MH',
  capabilities: { offlineLabels: true, cancel: 'untilPickup', tracking: true, pickup: 'request', manifest: 'desk' },
  settings: PttSettingsSchema,
  needsDatabase: true,
  requestPickup: async (c, input) => {
    if (!isPtt(c)) throw new AppError(ErrorCode.wrongState, `${c.id}: not a PTT connector`)
    const r = await c.requestPickup(input)
    return { pickupId: r.siparisId, message: r.message }
  },
  fromFlags: (f) =>
    flagSection(f, {
      origin: f.baseUrl,
      credentials: f.customerCode && f.password ? definedOnly({ customerId: Number(f.customerCode), password: f.password, username: f.username }) : undefined,
    }),
  flagHelp: '--customer-code = PTT müşteri id, --password, --username = the WS user where PTT issued one',
  create: (s, ctx) => {
    const sqlite = ctx.sqlite
    if (!sqlite) throw new AppError(ErrorCode.wrongState, 'PTT needs the station database for its barcode range (barcodes are never reused)')
    return createPttConnector({ ...s, allocator: createSqlitePttBarcodeAllocator(sqlite, s.barcodeRange), ...deskOptions(ctx) })
  },
})
