import { z } from 'zod'
import { trNameKey } from '../../../../shared/domain/address'
import { carrierSettings, defineCarrier, deskOptions, flagSection } from '../carrier-plugin'
import { createSendeoConnector } from './sendeo.adapter'
import { builtinSendeoPlaceIds } from './sendeo.places'

/** station.json `carriers.sendeo`: musteri / sifre for LoginAES. The city/district id table must be Sendeo's own (see docs/carriers.md). */
export const SendeoSettingsSchema = carrierSettings({
  origin: z.string().url().default('https://api.sendeo.com.tr'),
  username: z.string().min(1).default('TEST'),
  password: z.string().min(1).default('TesT.43e54'),
  /** 1 location → customer (default), 3 supplier → customer. */
  deliveryType: z.union([z.literal(1), z.literal(3)]).default(1),
  /** COD collection: 1 cash (default), 2 card. */
  codCollectionType: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Sendeo's CityId/DistrictId per il/ilçe (from its GetCityDistricts or il-ilçe Excel); added to the built-in sample rows. */
  places: z
    .array(z.object({ city: z.string().min(1), district: z.string().min(1), cityId: z.number().int().positive(), districtId: z.number().int().positive() }))
    .default([]),
})

export const sendeoCarrier = defineCarrier({
  id: 'sendeo',
  displayName: 'Sendeo',
  defaultServiceCode: '1',
  // Sendeo's branches scan the barcode Sendeo issues (BarcodeNumbers), which exists only once SETDELIVERY answered: no offline labels.
  capabilities: { returns: 'shipment', cancel: 'untilPickup', tracking: true, manifest: 'desk' },
  settings: SendeoSettingsSchema,
  fromFlags: (f) => flagSection(f, { origin: f.baseUrl, username: f.username, password: f.password }),
  flagHelp: '--username/--password = musteri/sifre',
  create: (s, ctx) => {
    const own = new Map(s.places.map((p) => [`${trNameKey(p.city)}/${trNameKey(p.district)}`, { cityId: p.cityId, districtId: p.districtId }]))
    const placeIds = (p: { city: string; district: string }) => own.get(`${trNameKey(p.city)}/${trNameKey(p.district)}`) ?? builtinSendeoPlaceIds(p)
    return createSendeoConnector({ ...s, placeIds, ...deskOptions(ctx) })
  },
})
