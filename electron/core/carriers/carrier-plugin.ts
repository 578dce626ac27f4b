import type Database from 'better-sqlite3'
import { z } from 'zod'
import type { Address } from '../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { CarrierConnector } from './carrier.port'
import type { CarrierCapabilities } from './carrier-capabilities.types'
import type { CarrierExchange } from './http/carrier-http'
import type { RetryOptions } from '../net/retry'

/** What every connector gets from the desk or the CLI. */
export type CarrierContext = Readonly<{
  onExchange?: (exchange: CarrierExchange) => void
  /** The connector's own retries (the desk wraps its own around it and passes maxAttempts 1). */
  retry?: RetryOptions
  /** The station database, for keys the desk allocates itself (PTT barcodes); resolved at first use. */
  sqlite?: () => Database.Database
}>

/**
 * Generic credential flags of `station ship/track/return`, mapped to each carrier's own fields by
 * its `fromFlags`. Each also comes from the environment: KARGOJET_<ID>_API_KEY, _USERNAME,
 * _PASSWORD, _CUSTOMER_CODE (carrierEnvName).
 */
export type CarrierCliFlags = Readonly<{
  baseUrl?: string
  apiKey?: string
  username?: string
  password?: string
  /** Customer / account code where the carrier has one (Sürat cari kodu, MNG customer number…). */
  customerCode?: string
  timeoutMs?: number
}>

/** The credential flags that have an environment variable, by their suffix. */
export const CARRIER_ENV_FLAGS = { apiKey: 'API_KEY', username: 'USERNAME', password: 'PASSWORD', customerCode: 'CUSTOMER_CODE' } as const

/** `KARGOJET_KOLAYGELSIN_API_KEY` for (kolaygelsin, apiKey). */
export function carrierEnvName(carrierId: string, flag: keyof typeof CARRIER_ENV_FLAGS): string {
  return `KARGOJET_${carrierId.toUpperCase()}_${CARRIER_ENV_FLAGS[flag]}`
}

export type PickupRequest = Readonly<{ sender: Address; parcels: number; weightGrams?: number; desi?: number }>

/**
 * One carrier, written once in its own folder (`<id>/<id>.plugin.ts`): the station.json section it
 * reads, how the CLI's credential flags fill it, the factory, what it can do. The registry
 * (carrier-registry.ts) lists the definitions; the config schema, the CLI help and the docs table
 * are derived from that list. `create` receives the section as its own schema parsed it.
 */
export type CarrierDefinition<Id extends string = string, S extends z.ZodType = z.ZodType> = Readonly<{
  id: Id
  displayName: string
  /** The service code used when an order names none. */
  defaultServiceCode: string
  /** What the carrier can do (carrier-capabilities.ts): the connector `create` builds offers exactly that. */
  capabilities: CarrierCapabilities
  /**
   * Its section `carriers.<id>` in station.json: every field defaulted (`.prefault({})`), `enabled`
   * false unless the carrier is the default one. The strict unknown-key walk reads this shape.
   */
  settings: S
  /** The section from `station ship/track` flags (merged over the station.json section, if any). */
  fromFlags(flags: CarrierCliFlags): Record<string, unknown>
  /** What the generic flags mean for this carrier, one line for `station ship --help` (e.g. "--api-key = the Bearer token"). */
  flagHelp?: string
  create(settings: z.output<S>, ctx: CarrierContext): CarrierConnector
  /** Keeps keys in the station database (PTT's barcode range): the CLI opens the data folder's database for it. */
  needsDatabase?: boolean
  /** Courier pickup request, where capabilities.pickup is 'request' (PTT siparisIstekEkle2). Not idempotent at the carrier. */
  requestPickup?: (connector: CarrierConnector, input: PickupRequest) => Promise<Readonly<{ pickupId: string; message: string }>>
}>

/** A definition's author writes only the capabilities the carrier has; the rest are off. */
type CarrierInput<Id extends string, S extends z.ZodType> = Omit<CarrierDefinition<Id, S>, 'capabilities'> &
  Readonly<{ capabilities: Partial<CarrierCapabilities> }>

/**
 * A carrier whatever its settings type: the existential face of `CarrierDefinition<Id, S>`. Its
 * `connect` parses a section with the carrier's own schema and hands the result to `create`, so the
 * settings type never leaves the definition and no caller casts.
 */
export type AnyCarrier = Readonly<
  Omit<CarrierDefinition, 'create' | 'settings'> & {
    settings: z.ZodType
    /** The connector as declared (shapeConnector): what the desk and the CLI use. */
    connect(section: unknown, ctx: CarrierContext): CarrierConnector
    /** The adapter as written, before it is shaped to the declaration: only the capabilities test uses it. */
    connectAsWritten(section: unknown, ctx: CarrierContext): CarrierConnector
  }
>

export type CarrierPlugin<Id extends string, S extends z.ZodType> = CarrierDefinition<Id, S> & AnyCarrier & Readonly<{ settings: S }>

export const NO_CAPABILITIES: CarrierCapabilities = {
  offlineLabels: false,
  returns: null,
  cancel: null,
  tracking: false,
  batchTracking: false,
  pickup: null,
  manifest: null,
  pushes: null,
  pieces: 1,
}

/** Types a carrier's definition: `create` receives `z.output` of its own `settings`. */
export function defineCarrier<const Id extends string, S extends z.ZodType>(input: CarrierInput<Id, S>): CarrierPlugin<Id, S> {
  const capabilities: CarrierCapabilities = { ...NO_CAPABILITIES, ...input.capabilities }
  const asWritten = (section: unknown, ctx: CarrierContext) => input.create(input.settings.parse(section), ctx)
  return {
    ...input,
    capabilities,
    connectAsWritten: asWritten,
    connect: (section, ctx) => shapeConnector(asWritten(section, ctx), capabilities),
  }
}

/** Drops the undefined fields of a flag section, so they do not override the station.json layers. */
export const definedOnly = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

/**
 * A carrier's station.json section: `enabled` (off unless the carrier is the default one), the carrier's own
 * fields, and the HTTP timeout, every field defaulted or optional so that an absent section parses
 * (`.prefault({})`; a field without a default would fail that parse, loudly, at the first use).
 */
export function carrierSettings<const T extends z.ZodRawShape>(fields: T, o: Readonly<{ enabled?: boolean; timeoutMs?: number }> = {}) {
  const timeoutMs = z
    .number()
    .int()
    .positive()
    .default(o.timeoutMs ?? 15_000)
  // `{}` as the input type: the generic shape cannot show that each of its fields has a default.
  return z.object({ enabled: z.boolean().default(o.enabled ?? false), ...fields, timeoutMs }).prefault({} as never)
}

/**
 * A section from `station ship/track` flags: switched on, the timeout, and the carrier's own mapping of the
 * credential flags; undefined fields dropped so they do not override the station.json layers.
 */
export const flagSection = (f: CarrierCliFlags, own: Record<string, unknown>): Record<string, unknown> =>
  definedOnly({ enabled: true, timeoutMs: f.timeoutMs, ...own })

/** What the desk adds to every connector's options: its retries and its exchange log. */
export const deskOptions = (ctx: CarrierContext): Pick<CarrierContext, 'retry' | 'onExchange'> => ({ retry: ctx.retry, onExchange: ctx.onExchange })

/** The port's optional methods each capability stands for. */
const METHODS = [
  ['planOfflineLabel', (c: CarrierCapabilities) => c.offlineLabels],
  ['createReturn', (c: CarrierCapabilities) => c.returns !== null],
  ['cancelShipment', (c: CarrierCapabilities) => c.cancel !== null],
  ['track', (c: CarrierCapabilities) => c.tracking],
  ['trackMany', (c: CarrierCapabilities) => c.batchTracking],
] as const

/**
 * The connector as declared: an optional method the declaration leaves out is removed (Sendeo and
 * Kolay Gelsin have no offline labels even though a key could be derived), and a declared one that
 * is missing is a bug, refused at build time.
 */
export function shapeConnector<C extends CarrierConnector>(connector: C, capabilities: CarrierCapabilities): C {
  const out: Record<string, unknown> = {}
  // Copy own and prototype members (YurticiConnector is a class), bound, so the result is a plain object.
  for (let o: object | null = connector; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor' || key in out) continue
      const value = (connector as unknown as Record<string, unknown>)[key]
      out[key] = typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(connector) : value
    }
  }
  for (const [method, declared] of METHODS) {
    const has = typeof out[method] === 'function'
    if (declared(capabilities) && !has) {
      throw new AppError(ErrorCode.wrongState, `${connector.id}: declared capability needs ${method}, which the connector lacks`)
    }
    if (!declared(capabilities)) delete out[method]
  }
  return out as C
}
