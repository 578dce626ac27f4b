import { z } from 'zod'

/**
 * The station ↔ cloud wire format (follows seed 001's conventions: APIKEY header, JSON, error
 * envelope `{status:false, errors:[{message, field}]}`). Parsed with these schemas where it enters.
 */
export const CloudAddress = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  district: z.string().min(1),
  city: z.string().min(1),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable().optional(),
})

export const CloudOrder = z.object({
  id: z.string().min(1),
  orderNumber: z.string().min(1),
  barcode: z.string().min(1),
  marketplace: z.string().nullable(),
  status: z.enum(['open', 'cancelled']),
  version: z.number().int().min(0),
  recipient: CloudAddress,
  codAmountKurus: z.number().int().min(0).nullable(),
  mandatedCarrierId: z.string().nullable(),
  marketplaceLabelZpl: z.string().nullable().optional(),
  /** Parcels the order ships in (multi-package orders, issue 12); absent: 1. */
  parcelCount: z.number().int().min(1).max(99).optional(),
  lines: z
    .array(
      z.object({
        sku: z.string().min(1),
        gtin: z.string().nullable(),
        name: z.string().min(1),
        quantity: z.number().int().positive(),
        unitWeightGrams: z.number().int().min(0),
        /** One unit's size in mm, when the catalog has it (the desk's box suggestion). */
        sizeMm: z
          .object({ lengthMm: z.number().int().positive(), widthMm: z.number().int().positive(), heightMm: z.number().int().positive() })
          .nullable()
          .optional(),
      }),
    )
    .min(1),
  /** The station whose `order.packed` the cloud accepted first (docs/sync-guarantees.md §5.1: first pack wins); null while unpacked. */
  packedByStationId: z.string().nullable().optional(),
  /** Stations whose `order.packed` / `shipment.created` lost to the winner: each desk sees the conflict on pull. */
  conflictStationIds: z.array(z.string()).optional(),
})
export type CloudOrder = z.infer<typeof CloudOrder>

export const OrdersPage = z.object({
  status: z.literal(true),
  data: z.object({ orders: z.array(CloudOrder), nextCursor: z.string(), hasMore: z.boolean() }),
})

/**
 * A badge. `pinHash` (supervisor, manager and admin badges, optional): the PIN login asks for, as a salted
 * scrypt hash `scrypt$N$r$p$salt$hash` (base64url; electron/core/packers/pin-hash.ts); absent or null = no PIN.
 */
export const CloudPacker = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  badge: z.string().min(1),
  role: z.enum(['packer', 'supervisor', 'manager', 'admin']),
  pinHash: z
    .string()
    .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/)
    .nullish(),
})

export const CloudBox = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  lengthMm: z.number().int().positive(),
  widthMm: z.number().int().positive(),
  heightMm: z.number().int().positive(),
  tareGrams: z.number().int().min(0),
})

/** The minimal config the desk reads today; the cloud sends more (see CloudStationConfig), which this ignores. */
export const CloudConfig = z.object({
  status: z.literal(true),
  data: z.object({ packers: z.array(CloudPacker), boxes: z.array(CloudBox) }),
})

export const CloudEvent = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  orderId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** The desk's outbox sequence (increasing per station). When sent, the cloud refuses an event older than one it already applied for the same order. */
  seq: z.number().int().min(0).optional(),
})
export type CloudEvent = z.infer<typeof CloudEvent>

export const EventsAccepted = z.object({ status: z.literal(true), data: z.object({ accepted: z.array(z.string()) }) })

export const CloudErrorEnvelope = z.object({
  status: z.literal(false),
  errors: z.array(z.object({ message: z.string(), field: z.string().nullable().optional() })),
})

// ---- The full station ↔ cloud API (docs/cloud-api.openapi.yaml). Additions only: the names
// above keep their shapes so the desk's current sync loop parses the richer answers unchanged.

/** A conflict or refusal with a machine-readable reason, beside the seed-001 `errors` list. */
export const CloudConflictEnvelope = CloudErrorEnvelope.extend({
  conflict: z.object({
    reason: z.enum(['claimedByOtherStation', 'packed', 'cancelled', 'notHeld']),
    /** The other station (holder of the lease, or the packer); null when no station is involved. */
    stationId: z.string().nullable(),
    expiresAt: z.string().nullable(),
  }),
})
export type CloudConflictEnvelope = z.infer<typeof CloudConflictEnvelope>

export const CloudRateCard = z.object({
  carrierId: z.string().min(1),
  serviceCode: z.string().min(1),
  name: z.string().min(1),
  contract: z.enum(['platform', 'own']),
  commissionBp: z.number().int().min(0),
  transitDays: z.number().int().min(0),
  supportsCod: z.boolean(),
  codFeeKurus: z.number().int().min(0),
  fuelSurchargeBp: z.number().int().min(0),
  maxChargeableKg: z.number().positive(),
  bands: z.array(z.object({ upToKg: z.number().positive(), priceKurus: z.number().int().min(0) })).min(1),
  extraKgKurus: z.number().int().min(0),
})

export const CloudCarrier = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  enabled: z.boolean(),
  services: z.array(z.object({ serviceCode: z.string().min(1), name: z.string().min(1) })),
})

export const CloudRules = z.object({
  tolerance: z.object({ absGrams: z.number().int().min(0), pct: z.number().min(0).max(100) }),
  /** Lease a desk should ask for when it claims an order, and renew before it runs out. */
  claimLeaseMs: z.number().int().positive(),
  heartbeatIntervalMs: z.number().int().positive(),
  maxEventsPerBatch: z.number().int().positive(),
  maxPageLimit: z.number().int().positive(),
})

/** GET /api/v1/station/config, everything the cloud sends. */
export const CloudStationConfig = z.object({
  status: z.literal(true),
  data: z.object({
    configVersion: z.number().int().min(0),
    packers: z.array(CloudPacker),
    boxes: z.array(CloudBox),
    carriers: z.array(CloudCarrier),
    rateCards: z.array(CloudRateCard),
    rules: CloudRules,
  }),
})
export type CloudStationConfig = z.infer<typeof CloudStationConfig>

export const ClaimRequest = z.object({ stationId: z.string().min(1), leaseMs: z.number().int().positive() })
export const ClaimReleaseRequest = z.object({ stationId: z.string().min(1) })

export const CloudClaim = z.object({
  orderId: z.string().min(1),
  stationId: z.string().min(1),
  /** Changes when the order passes to another station; stays the same across renewals. */
  claimId: z.string().min(1),
  claimedAt: z.string(),
  expiresAt: z.string(),
  leaseMs: z.number().int().positive(),
})
export type CloudClaim = z.infer<typeof CloudClaim>

export const ClaimGranted = z.object({ status: z.literal(true), data: z.object({ claim: CloudClaim }) })
export const ClaimReleased = z.object({ status: z.literal(true), data: z.object({ released: z.boolean() }) })

/** Event kinds a desk pushes; the desk's outbox uses the same strings. */
export const CloudEventKind = {
  orderPacked: 'order.packed',
  shipmentCreated: 'shipment.created',
  shipmentCancelled: 'shipment.cancelled',
  packageMeasured: 'package.measured',
  trackingUpdated: 'tracking.updated',
  labelReprinted: 'label.reprinted',
} as const
export type CloudEventKind = (typeof CloudEventKind)[keyof typeof CloudEventKind]

const optionalText = z.string().nullable().optional()

/** What each kind's payload must at least carry; extra fields are kept (loose objects). */
export const CloudEventPayloads = {
  [CloudEventKind.orderPacked]: z.looseObject({ shipmentId: optionalText, trackingNumber: optionalText, packerId: optionalText }),
  [CloudEventKind.shipmentCreated]: z.looseObject({
    shipmentId: z.string().min(1),
    trackingNumber: z.string().min(1),
    carrierId: optionalText,
    serviceCode: optionalText,
    costKurus: z.number().int().min(0).nullable().optional(),
  }),
  [CloudEventKind.shipmentCancelled]: z.looseObject({ shipmentId: z.string().min(1), reason: optionalText }),
  [CloudEventKind.packageMeasured]: z.looseObject({
    measuredWeightGrams: z.number().int().min(0),
    declaredWeightGrams: z.number().int().min(0).nullable().optional(),
    /** Measured desi (volumetric weight). */
    desi: z.number().min(0).optional(),
    declaredDesi: z.number().min(0).nullable().optional(),
    chargeableKg: z.number().min(0).optional(),
  }),
  [CloudEventKind.trackingUpdated]: z.looseObject({ trackingNumber: z.string().min(1), shipmentId: optionalText, status: z.string().min(1) }),
  [CloudEventKind.labelReprinted]: z.looseObject({ trackingNumber: z.string().min(1), shipmentId: optionalText, reason: optionalText }),
} as const

export const EventsPushRequest = z.object({ events: z.array(z.unknown()).min(1) })

export const EventConflictReason = { packedByOtherStation: 'packedByOtherStation', orderCancelled: 'orderCancelled' } as const
export type EventConflictReason = (typeof EventConflictReason)[keyof typeof EventConflictReason]

/** Why an event was refused. Rejected events change nothing and are not stored: the desk parks them. */
export const EventRejectReason = {
  invalidEvent: 'invalidEvent',
  unknownKind: 'unknownKind',
  invalidPayload: 'invalidPayload',
  unknownOrder: 'unknownOrder',
  unknownShipment: 'unknownShipment',
  outOfOrder: 'outOfOrder',
  idReused: 'idReused',
} as const
export type EventRejectReason = (typeof EventRejectReason)[keyof typeof EventRejectReason]

const asTuple = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]]

export const CloudEventResult = z.discriminatedUnion('outcome', [
  z.object({ id: z.string(), outcome: z.literal('accepted') }),
  z.object({ id: z.string(), outcome: z.literal('duplicate') }),
  z.object({
    id: z.string(),
    outcome: z.literal('conflict'),
    reason: z.enum(asTuple(EventConflictReason)),
    /** The station whose pack won; null when the cloud itself (a cancellation) is the other side. */
    winnerStationId: z.string().nullable(),
    message: z.string(),
  }),
  z.object({ id: z.string(), outcome: z.literal('rejected'), reason: z.enum(asTuple(EventRejectReason)), field: z.string().nullable(), message: z.string() }),
])
export type CloudEventResult = z.infer<typeof CloudEventResult>

/** POST /api/v1/events. `accepted` (kept for EventsAccepted) lists the ids whose outcome is accepted or duplicate. */
export const EventsPushed = z.object({
  status: z.literal(true),
  data: z.object({ accepted: z.array(z.string()), results: z.array(CloudEventResult) }),
})
export type EventsPushed = z.infer<typeof EventsPushed>

export const DeviceHealth = z.object({ status: z.enum(['ok', 'degraded', 'offline', 'unknown']), detail: z.string().nullable().optional() })

export const HeartbeatRequest = z.object({
  stationId: z.string().min(1),
  appVersion: z.string().min(1),
  /** Pending outbox events. */
  queueDepth: z.number().int().min(0),
  parkedEvents: z.number().int().min(0).optional(),
  syncMode: z.enum(['online', 'offline', 'degraded', 'paused']).optional(),
  scale: DeviceHealth,
  printer: DeviceHealth,
  sentAt: z.string(),
})
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>

export const HeartbeatAccepted = z.object({ status: z.literal(true), data: z.object({ receivedAt: z.string(), nextHeartbeatMs: z.number().int().positive() }) })
