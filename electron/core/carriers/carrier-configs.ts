import { z } from 'zod'

/**
 * station.json `carriers.<id>` sections of the carriers beyond ComToHome and Yurtiçi. Each is off
 * until configured; credentials may be stored encrypted ("enc:…", secrets/secret-box.ts). URLs
 * default to the carrier's documented test endpoint where carriers.md gives one.
 */
const url = (fallback: string) => z.string().url().default(fallback)
const timeoutMs = z.number().int().positive().default(15_000)

export const HepsiJetConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    origin: url('https://integration-apitest.hepsijet.com'),
    username: z.string().min(1).default('hepsijet-test'),
    password: z.string().min(1).default('hepsijet-test'),
    company: z.object({ name: z.string().min(1), abbreviationCode: z.string().min(1) }).default({ name: 'KargoJet Demo', abbreviationCode: 'KJ' }),
    senderAddressId: z.string().min(1).default('KJ-ADDR-1'),
    xDockCode: z.string().min(1).default('IST'),
    barcodePrefix: z.string().min(1).max(8).optional(),
    productCode: z.string().min(1).optional(),
    timeoutMs,
  })
  .prefault({})

const ArasUser = z.object({ username: z.string().min(1), password: z.string().min(1) })

/** Aras (carriers.md §2): a shipment-service user, and for tracking the separate query user with its customer code. */
export const ArasConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    environment: z.enum(['test', 'live']).default('test'),
    /** Replaces the documented host (the paths stay as documented), e.g. for a proxy or the emulator. */
    origin: z.string().url().optional(),
    credentials: ArasUser.default({ username: 'neodyum', password: 'nd2580' }),
    query: ArasUser.extend({ customerCode: z.string().min(1) }).optional(),
    /** The account may call GetBarcode (Aras ZPL); otherwise the desk prints its own label with the integration code. */
    barcodePermitted: z.boolean().default(false),
    timeoutMs,
  })
  .prefault({})

/** MNG Kargo / DHL eCommerce Apizone (carriers.md §3): app keys (X-IBM-Client-Id/Secret) and the customer's login. */
export const MngConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    origin: url('https://testapi.mngkargo.com.tr'),
    clientId: z.string().min(1).default('mng-test-client'),
    clientSecret: z.string().min(1).default('mng-test-secret'),
    customerNumber: z.string().min(1).default('123456789'),
    password: z.string().min(1).default('mng-test'),
    /** 1 sender pays (default), 2 recipient pays, 3 platform. */
    paymentType: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
    timeoutMs,
  })
  .prefault({})

/** Sürat Kargo (carriers.md §5): Cari Kodu + Cari Şifre (create/cancel) + Web Servis Şifresi (tracking, label). */
export const SuratConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    environment: z.enum(['live', 'test']).default('test'),
    /** Replace the documented hosts (paths stay documented). */
    soapOrigin: z.string().url().optional(),
    trackingOrigin: z.string().url().optional(),
    credentials: z
      .object({ cariKodu: z.string().min(1), sifre: z.string().min(1), webPassword: z.string().min(1) })
      .default({ cariKodu: '1038106246', sifre: '123456', webPassword: '123456.Ff' }),
    createModes: z.array(z.enum(['siparisBarkod', 'ortakBarkod', 'yeni'])).min(1).optional(),
    timeoutMs,
  })
  .prefault({})

/** PTT Kargo (carriers.md §4): customer id + password, and the barcode range PTT assigned (12-digit bodies). */
export const PttConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    origin: url('https://pttws.ptt.gov.tr'),
    environment: z.enum(['live', 'test']).default('test'),
    credentials: z.object({ customerId: z.number().int().positive(), password: z.string().min(1), username: z.string().min(1).optional() }).default({ customerId: 904411, password: 'PttTest!2024' }),
    barcodeRange: z.object({ first: z.string().regex(/^\d{12,13}$/), last: z.string().regex(/^\d{12,13}$/) }).default({ first: '274000000001', last: '274000999999' }),
    /** Sources disagree on the success code (carriers.md §4); "1" by default. */
    successCode: z.enum(['1', '0']).default('1'),
    timeoutMs,
  })
  .prefault({})

/** Sendeo (carriers.md §7): musteri / sifre for LoginAES. The city/district id table must be Sendeo's own (see docs/carriers.md). */
export const SendeoConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    origin: url('https://api.sendeo.com.tr'),
    username: z.string().min(1).default('TEST'),
    password: z.string().min(1).default('TesT.43e54'),
    /** 1 location → customer (default), 3 supplier → customer. */
    deliveryType: z.union([z.literal(1), z.literal(3)]).default(1),
    /** COD collection: 1 cash (default), 2 card. */
    codCollectionType: z.union([z.literal(1), z.literal(2)]).default(1),
    /** Sendeo's CityId/DistrictId per il/ilçe (from its GetCityDistricts or il-ilçe Excel); added to the built-in sample rows. */
    places: z.array(z.object({ city: z.string().min(1), district: z.string().min(1), cityId: z.number().int().positive(), districtId: z.number().int().positive() })).default([]),
    timeoutMs,
  })
  .prefault({})

/** Kolay Gelsin (carriers.md §7, the older generation): Bearer token, customer and address ids issued by Kolay Gelsin. */
export const KolayGelsinConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    origin: url('https://apibeta.klyglsn.com'),
    token: z.string().min(1).default('kg-test-token'),
    customerId: z.number().int().positive().default(20),
    addressId: z.number().int().positive().default(28),
    timeoutMs,
  })
  .prefault({})
