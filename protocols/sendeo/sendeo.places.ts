/**
 * A slice of Sendeo's city/district table: the places Sendeo's own sample requests use (SendeoTeknoloji/web-service-doc
 * on GitHub: the Postman collection and the DeliveryType samples; docs/reference/carriers.md §7). CityId is the plate
 * code in every sample; DistrictId is Sendeo's own number. The whole table is Sendeo's (the GetCityDistricts service
 * or the il-ilçe Excel of the integration document [SND]); the connector takes it injected as `placeIds`, and
 * falls back on this slice, which is also what the emulator knows.
 */
export type SendeoPlaceRow = Readonly<{ city: string; district: string; cityId: number; districtId: number }>

export const SENDEO_SAMPLE_PLACES: readonly SendeoPlaceRow[] = [
  { city: 'İstanbul', district: 'Kadıköy', cityId: 34, districtId: 34245 },
  { city: 'İstanbul', district: 'Sancaktepe', cityId: 34, districtId: 3398015 },
  { city: 'Ankara', district: 'Sincan', cityId: 6, districtId: 131001 },
  { city: 'Ankara', district: 'Yenimahalle', cityId: 6, districtId: 222813 },
  { city: 'Antalya', district: 'Kaş', cityId: 7, districtId: 3399265 },
  { city: 'Eskişehir', district: 'Odunpazarı', cityId: 26, districtId: 174171 },
  { city: 'Eskişehir', district: 'Tepebaşı', cityId: 26, districtId: 179783 },
  { city: 'Sivas', district: 'Şarkışla', cityId: 58, districtId: 178189 },
]
