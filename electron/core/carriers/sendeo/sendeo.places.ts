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

export const BUILTIN_SENDEO_PLACES: readonly Readonly<{ city: string; district: string; cityId: number; districtId: number }>[] = [
  { city: 'İstanbul', district: 'Kadıköy', cityId: 34, districtId: 34245 },
  { city: 'İstanbul', district: 'Sancaktepe', cityId: 34, districtId: 3398015 },
  { city: 'Ankara', district: 'Sincan', cityId: 6, districtId: 131001 },
  { city: 'Ankara', district: 'Yenimahalle', cityId: 6, districtId: 222813 },
  { city: 'Antalya', district: 'Kaş', cityId: 7, districtId: 3399265 },
  { city: 'Eskişehir', district: 'Odunpazarı', cityId: 26, districtId: 174171 },
  { city: 'Eskişehir', district: 'Tepebaşı', cityId: 26, districtId: 179783 },
  { city: 'Sivas', district: 'Şarkışla', cityId: 58, districtId: 178189 },
]

const BY_KEY = new Map(BUILTIN_SENDEO_PLACES.map((p) => [`${trNameKey(p.city)}/${trNameKey(p.district)}`, { cityId: p.cityId, districtId: p.districtId }]))

/** The built-in (sample-only) table, matched with Turkish folding ("KADIKOY" = "Kadıköy"). */
export function builtinSendeoPlaceIds(place: SendeoPlace): SendeoPlaceIds | null {
  return BY_KEY.get(`${trNameKey(place.city)}/${trNameKey(place.district)}`) ?? null
}
