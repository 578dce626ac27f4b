import { z } from 'zod'
import { looseNumber as num, looseText as text, lowerKeys } from '../http/dotnet-json.schemas'

/**
 * Kolay Gelsin answers (docs/reference/carriers.md §7, [KG] api-docs.md + swagger.json). Keys are lower-cased
 * before reading (a .NET service; its doc and swagger already disagree on details such as
 * BuildingName/BuldingName). Loose on purpose: we check what we use.
 */
export { lowerKeys }

/** {Source, Target, JobId, Payload, Username, ResultCode: 200, ResultMessage: "OK"} on every answer. */
export const envelopeSchema = z.object({
  resultcode: num,
  resultmessage: z.string().nullish(),
  payload: z.unknown().optional(),
  jobid: z.string().nullish(),
})

export const recipientPayloadSchema = z.object({ recipientid: num })

export const shipmentPayloadSchema = z.object({
  shipmentid: text,
  customerspecificcode: z.string().nullish(),
  shipmenttrackinglink: z.string().nullish(),
  shipmentitemlabellist: z.array(z.object({ shipmentitemid: text.nullish(), customerbarcode: z.string().nullish() }).loose()).nullish(),
})

export const eventSchema = z
  .object({
    cargoeventtype: z.union([z.number(), z.string()]),
    timestamp: z.string().nullish(),
    locationname: z.string().nullish(),
    couriername: z.string().nullish(),
    eventdescription: z.string().nullish(),
    eventdetailmodel: z.object({ returnshipmentid: text.nullish(), deliveredpersonname: z.string().nullish() }).loose().nullish(),
  })
  .loose()
export type KgEventLog = z.infer<typeof eventSchema>

export const shipmentModelSchema = z
  .object({
    shipmentid: text,
    shipmentitemid: text.nullish(),
    customertrackingid: z.string().nullish(),
    customerbarcode: z.string().nullish(),
    customerspecificcode: z.string().nullish(),
    cargoeventlogmodellist: z.array(eventSchema).nullish(),
  })
  .loose()
export type KgShipmentModel = z.infer<typeof shipmentModelSchema>

/** The doc wraps the models in Payload.ShipmentModelList; the swagger makes the payload the array itself. Both are read. */
export const statusPayloadSchema = z.union([
  z.array(shipmentModelSchema),
  z.object({ shipmentmodellist: z.array(shipmentModelSchema).nullish() }).transform((p) => p.shipmentmodellist ?? []),
  z.null().transform(() => [] as KgShipmentModel[]),
])
