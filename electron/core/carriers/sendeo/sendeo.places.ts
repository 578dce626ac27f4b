import { SENDEO_SAMPLE_PLACES } from '../../../../protocols/sendeo/sendeo.places'
import { trNameKey } from '../../../../shared/domain/address'

/**
 * SETDELIVERY wants CityId/DistrictId "from Sendeo tables" (docs/reference/carriers.md §7), not names. The real
 * table comes from Sendeo: the GetCityDistricts service (query by il or il/ilçe name) or the il-ilçe
 * Excel of the integration doc [SND]. It must be fetched and injected as `placeIds`; the table
 * below only covers the places Sendeo's own sample requests use (SendeoTeknoloji/web-service-doc
 * Postman collection and DeliveryType samples), which is what the local emulator knows. CityId is
 * the plate code in every sample; DistrictId is Sendeo's own number.
 */
export type SendeoPlaceIds = Readonly<{ cityId: number; districtId: number }>

export type SendeoPlace = Readonly<{ city: string; district: string }>

/** il/ilçe → Sendeo ids, or null when Sendeo's table has no such place. May be async (a service lookup). */
export type SendeoPlaceLookup = (place: SendeoPlace) => SendeoPlaceIds | null | Promise<SendeoPlaceIds | null>

/** The sample places (protocols/sendeo/sendeo.places.ts), shared with the emulator. */
export const BUILTIN_SENDEO_PLACES = SENDEO_SAMPLE_PLACES

const BY_KEY = new Map(BUILTIN_SENDEO_PLACES.map((p) => [`${trNameKey(p.city)}/${trNameKey(p.district)}`, { cityId: p.cityId, districtId: p.districtId }]))

/** The built-in (sample-only) table, matched with Turkish folding ("KADIKOY" = "Kadıköy"). */
export function builtinSendeoPlaceIds(place: SendeoPlace): SendeoPlaceIds | null {
  return BY_KEY.get(`${trNameKey(place.city)}/${trNameKey(place.district)}`) ?? null
}
