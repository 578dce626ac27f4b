import type Database from 'better-sqlite3'
import { trNameKey, type Address } from '../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { StationConfig } from '../config/config.schema'
import type { CarrierConnector } from './carrier.port'
import { CARRIER_CAPABILITIES, shapeConnector, type CarrierCapabilities } from './carrier-capabilities'
import { ComToHomeConnector } from './comtohome/comtohome.adapter'
import type { CarrierExchange } from './http/carrier-http'
import type { RetryOptions } from './retry'
import { YurticiConnector, yurticiServiceUrl } from './yurtici/yurtici.adapter'
import { createHepsiJetConnector } from './hepsijet/hepsijet.adapter'
import { createArasConnector } from './aras/aras.adapter'
import { createMngConnector } from './mng/mng.adapter'
import { createSuratConnector } from './surat/surat.adapter'
import { createPttConnector, type PttConnector } from './ptt/ptt.adapter'
import { createSqlitePttBarcodeAllocator } from './ptt/ptt.sqlite-allocator'
import { createSendeoConnector } from './sendeo/sendeo.adapter'
import { builtinSendeoPlaceIds } from './sendeo/sendeo.places'
import { createKolayGelsinConnector } from './kolaygelsin/kolaygelsin.adapter'

/** What every connector gets from the desk or the CLI. */
export type CarrierContext = Readonly<{
  onExchange?: (exchange: CarrierExchange) => void
  /** The connector's own retries (the desk wraps its own around it and passes maxAttempts 1). */
  retry?: RetryOptions
  /** The station database, for keys the desk allocates itself (PTT barcodes); resolved at first use. */
  sqlite?: () => Database.Database
}>

/** Generic credential flags of `station ship/track`, mapped to each carrier's own fields. */
export type CarrierCliFlags = Readonly<{
  baseUrl?: string
  apiKey?: string
  username?: string
  password?: string
  /** Customer / account code where the carrier has one (Sürat cari kodu, MNG customer number…). */
  customerCode?: string
  timeoutMs?: number
}>

type Carriers = StationConfig['carriers']

/** One carrier as the desk and the CLI know it: how to build its connector from configuration. */
export type CarrierDefinition = Readonly<{
  id: string
  displayName: string
  /** The service code used when an order names none. */
  defaultServiceCode: string
  /** What the carrier can do (carrier-capabilities.ts): the connector `create` builds offers exactly that. */
  capabilities: CarrierCapabilities
  /** Its section of `carriers` in station.json (validated by config.schema.ts), or null when absent. */
  section(carriers: Carriers): (Record<string, unknown> & { enabled: boolean }) | null
  /** The section from `station ship/track` flags (merged over the station.json section, if any). */
  fromFlags(flags: CarrierCliFlags): Record<string, unknown>
  create(section: never, ctx: CarrierContext): CarrierConnector
  /** The adapter as written, before `create` shapes it to the declaration: only the capabilities test uses it. */
  createAdapter?(section: never, ctx: CarrierContext): CarrierConnector
  /** Keeps keys in the station database (PTT's barcode range): the CLI opens the data folder's database for it. */
  needsDatabase?: boolean
  /** Courier pickup request, where capabilities.pickup is 'request' (PTT siparisIstekEkle2). Not idempotent at the carrier. */
  requestPickup?: (connector: CarrierConnector, input: PickupRequest) => Promise<Readonly<{ pickupId: string; message: string }>>
}>

export type PickupRequest = Readonly<{ sender: Address; parcels: number; weightGrams?: number; desi?: number }>

const drop = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

const comtohome: CarrierDefinition = {
  id: 'comtohome',
  capabilities: CARRIER_CAPABILITIES.comtohome,
  displayName: 'ComToHome',
  defaultServiceCode: 'preference:1',
  section: (c) => c.comtohome,
  fromFlags: (f) => drop({ enabled: true, baseUrl: f.baseUrl, apiKey: f.apiKey, timeoutMs: f.timeoutMs }),
  create: ((s: Carriers['comtohome'], ctx: CarrierContext) =>
    new ComToHomeConnector({ baseUrl: s.baseUrl, apiKey: s.apiKey, timeoutMs: s.timeoutMs, addressResolverType: s.addressResolverType, requestPickup: s.requestPickup, retry: ctx.retry, onExchange: ctx.onExchange })) as CarrierDefinition['create'],
}

const yurtici: CarrierDefinition = {
  id: 'yurtici',
  capabilities: CARRIER_CAPABILITIES.yurtici,
  displayName: 'Yurtiçi Kargo',
  defaultServiceCode: 'GO',
  section: (c) => c.yurtici,
  fromFlags: (f) =>
    drop({
      enabled: true,
      url: f.baseUrl,
      timeoutMs: f.timeoutMs,
      // One WS user from the flags serves sender-pays; several payment types need a station.json.
      accounts: f.username && f.password ? { senderPays: { username: f.username, password: f.password } } : undefined,
    }),
  create: ((s: Carriers['yurtici'], ctx: CarrierContext) =>
    new YurticiConnector({
      url: s.url,
      accounts: s.accounts,
      timeoutMs: s.timeoutMs,
      returnCodeFieldName: s.returnCodeFieldName,
      sendMeasurements: s.sendMeasurements,
      retry: ctx.retry,
      onExchange: ctx.onExchange
        ? (e) =>
            ctx.onExchange?.({
              carrierId: 'yurtici',
              operation: e.operation,
              method: 'POST',
              url: yurticiServiceUrl(s.url),
              request: e.request,
              httpStatus: e.httpStatus,
              response: e.response,
              durationMs: e.durationMs,
              errorCode: e.error?.code ?? null,
              at: new Date(Date.now() - e.durationMs).toISOString(),
            })
        : undefined,
    })) as CarrierDefinition['create'],
}

const hepsijet: CarrierDefinition = {
  id: 'hepsijet',
  capabilities: CARRIER_CAPABILITIES.hepsijet,
  displayName: 'HepsiJET',
  defaultServiceCode: 'HX_STD',
  section: (c) => c.hepsijet,
  fromFlags: (f) => drop({ enabled: true, origin: f.baseUrl, username: f.username, password: f.password, timeoutMs: f.timeoutMs }),
  create: ((s: Carriers['hepsijet'], ctx: CarrierContext) =>
    createHepsiJetConnector({
      origin: s.origin,
      username: s.username,
      password: s.password,
      company: s.company,
      senderAddressId: s.senderAddressId,
      xDockCode: s.xDockCode,
      barcodePrefix: s.barcodePrefix,
      productCode: s.productCode,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })) as CarrierDefinition['create'],
}

const aras: CarrierDefinition = {
  id: 'aras',
  capabilities: CARRIER_CAPABILITIES.aras,
  displayName: 'Aras Kargo',
  defaultServiceCode: 'GO',
  section: (c) => c.aras,
  fromFlags: (f) =>
    drop({
      enabled: true,
      origin: f.baseUrl,
      timeoutMs: f.timeoutMs,
      credentials: f.username && f.password ? { username: f.username, password: f.password } : undefined,
      // One user for both services from the flags; a desk with separate query users sets them in station.json.
      query: f.username && f.password && f.customerCode ? { username: f.username, password: f.password, customerCode: f.customerCode } : undefined,
    }),
  create: ((s: Carriers['aras'], ctx: CarrierContext) =>
    createArasConnector({
      environment: s.environment,
      origin: s.origin,
      credentials: s.credentials,
      query: s.query,
      barcodePermitted: s.barcodePermitted,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })) as CarrierDefinition['create'],
}

const mng: CarrierDefinition = {
  id: 'mng',
  capabilities: CARRIER_CAPABILITIES.mng,
  displayName: 'MNG Kargo / DHL eCommerce',
  defaultServiceCode: '1',
  section: (c) => c.mng,
  // App keys as --username (client id) / --api-key (client secret); the customer's login as --customer-code / --password.
  fromFlags: (f) => drop({ enabled: true, origin: f.baseUrl, clientId: f.username, clientSecret: f.apiKey, customerNumber: f.customerCode, password: f.password, timeoutMs: f.timeoutMs }),
  create: ((s: Carriers['mng'], ctx: CarrierContext) =>
    createMngConnector({
      origin: s.origin,
      clientId: s.clientId,
      clientSecret: s.clientSecret,
      customerNumber: s.customerNumber,
      password: s.password,
      paymentType: s.paymentType,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })) as CarrierDefinition['create'],
}

const surat: CarrierDefinition = {
  id: 'surat',
  capabilities: CARRIER_CAPABILITIES.surat,
  displayName: 'Sürat Kargo',
  defaultServiceCode: 'standard',
  section: (c) => c.surat,
  // --customer-code = Cari Kodu, --password = Cari Şifre, --api-key = Web Servis Şifresi; --base-url serves SOAP and tracking.
  fromFlags: (f) =>
    drop({
      enabled: true,
      soapOrigin: f.baseUrl,
      trackingOrigin: f.baseUrl,
      timeoutMs: f.timeoutMs,
      credentials: f.customerCode && f.password ? { cariKodu: f.customerCode, sifre: f.password, webPassword: f.apiKey ?? f.password } : undefined,
    }),
  create: ((s: Carriers['surat'], ctx: CarrierContext) =>
    createSuratConnector({
      environment: s.environment,
      soapOrigin: s.soapOrigin,
      trackingOrigin: s.trackingOrigin,
      credentials: s.credentials,
      createModes: s.createModes,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })) as CarrierDefinition['create'],
}

const ptt: CarrierDefinition = {
  id: 'ptt',
  capabilities: CARRIER_CAPABILITIES.ptt,
  displayName: 'PTT Kargo',
  needsDatabase: true,
  requestPickup: async (c, input) => {
    const r = await (c as PttConnector).requestPickup(input)
    return { pickupId: r.siparisId, message: r.message }
  },
  defaultServiceCode: 'MH',
  section: (c) => c.ptt,
  // --customer-code = PTT müşteri id, --password, --username = the WS user where PTT issued one.
  fromFlags: (f) =>
    drop({
      enabled: true,
      origin: f.baseUrl,
      timeoutMs: f.timeoutMs,
      credentials: f.customerCode && f.password ? drop({ customerId: Number(f.customerCode), password: f.password, username: f.username }) : undefined,
    }),
  create: ((s: Carriers['ptt'], ctx: CarrierContext) => {
    const sqlite = ctx.sqlite
    if (!sqlite) throw new AppError(ErrorCode.wrongState, 'PTT needs the station database for its barcode range (barcodes are never reused)')
    return createPttConnector({
      origin: s.origin,
      environment: s.environment,
      credentials: s.credentials,
      allocator: createSqlitePttBarcodeAllocator(sqlite, s.barcodeRange),
      successCode: s.successCode,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })
  }) as CarrierDefinition['create'],
}

const sendeo: CarrierDefinition = {
  id: 'sendeo',
  capabilities: CARRIER_CAPABILITIES.sendeo,
  displayName: 'Sendeo',
  defaultServiceCode: '1',
  section: (c) => c.sendeo,
  fromFlags: (f) => drop({ enabled: true, origin: f.baseUrl, username: f.username, password: f.password, timeoutMs: f.timeoutMs }),
  create: ((s: Carriers['sendeo'], ctx: CarrierContext) => {
    const own = new Map(s.places.map((p) => [`${trNameKey(p.city)}/${trNameKey(p.district)}`, { cityId: p.cityId, districtId: p.districtId }]))
    const placeIds = (p: { city: string; district: string }) => own.get(`${trNameKey(p.city)}/${trNameKey(p.district)}`) ?? builtinSendeoPlaceIds(p)
    return createSendeoConnector({
      origin: s.origin,
      placeIds,
      username: s.username,
      password: s.password,
      deliveryType: s.deliveryType,
      codCollectionType: s.codCollectionType,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })
  }) as CarrierDefinition['create'],
}

const kolaygelsin: CarrierDefinition = {
  id: 'kolaygelsin',
  capabilities: CARRIER_CAPABILITIES.kolaygelsin,
  displayName: 'Kolay Gelsin',
  defaultServiceCode: 'STD',
  section: (c) => c.kolaygelsin,
  // --api-key = the Bearer token, --customer-code = CustomerId.
  fromFlags: (f) => drop({ enabled: true, origin: f.baseUrl, token: f.apiKey, customerId: f.customerCode ? Number(f.customerCode) : undefined, timeoutMs: f.timeoutMs }),
  create: ((s: Carriers['kolaygelsin'], ctx: CarrierContext) =>
    createKolayGelsinConnector({
      origin: s.origin,
      token: s.token,
      customerId: s.customerId,
      addressId: s.addressId,
      timeoutMs: s.timeoutMs,
      retry: ctx.retry,
      onExchange: ctx.onExchange,
    })) as CarrierDefinition['create'],
}

/** Every carrier KargoJet speaks to, in the order the desk lists them. */
export const CARRIERS: readonly CarrierDefinition[] = [comtohome, yurtici, hepsijet, aras, mng, surat, ptt, sendeo, kolaygelsin].map(asDeclared)

/** Every connector is built to its declaration: undeclared optional methods removed, declared ones required. */
function asDeclared(def: CarrierDefinition): CarrierDefinition {
  const create = def.create as (section: unknown, ctx: CarrierContext) => CarrierConnector
  return { ...def, createAdapter: def.create, create: ((section: unknown, ctx: CarrierContext) => shapeConnector(create(section, ctx), def.capabilities)) as CarrierDefinition['create'] }
}

export function findCarrier(id: string): CarrierDefinition | undefined {
  return CARRIERS.find((c) => c.id === id)
}

/** The enabled carriers of a station configuration, built. */
export function createConfiguredConnectors(carriers: Carriers, ctx: CarrierContext): Map<string, CarrierConnector> {
  const out = new Map<string, CarrierConnector>()
  for (const def of CARRIERS) {
    const section = def.section(carriers)
    if (section?.enabled) out.set(def.id, def.create(section as never, ctx))
  }
  return out
}
