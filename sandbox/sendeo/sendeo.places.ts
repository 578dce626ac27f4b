/**
 * The emulator's slice of Sendeo's city/district table. The real one is Sendeo's (GetCityDistricts
 * or the il-ilçe Excel of [SND]); the emulator knows the districts Sendeo's own sample requests use
 * (SendeoTeknoloji/web-service-doc), and every plate code 1–81 as a CityId, as those samples do.
 */
export const SENDEO_DISTRICTS: readonly Readonly<{ city: string; district: string; cityId: number; districtId: number }>[] = [
  { city: 'İstanbul', district: 'Kadıköy', cityId: 34, districtId: 34245 },
  { city: 'İstanbul', district: 'Sancaktepe', cityId: 34, districtId: 3398015 },
  { city: 'Ankara', district: 'Sincan', cityId: 6, districtId: 131001 },
  { city: 'Ankara', district: 'Yenimahalle', cityId: 6, districtId: 222813 },
  { city: 'Antalya', district: 'Kaş', cityId: 7, districtId: 3399265 },
  { city: 'Eskişehir', district: 'Odunpazarı', cityId: 26, districtId: 174171 },
  { city: 'Eskişehir', district: 'Tepebaşı', cityId: 26, districtId: 179783 },
  { city: 'Sivas', district: 'Şarkışla', cityId: 58, districtId: 178189 },
]

export const isSendeoCityId = (id: number): boolean => Number.isInteger(id) && id >= 1 && id <= 81

/** The district of that city, or undefined (206/306 "District Id is Not Correct"). */
export function sendeoDistrict(cityId: number, districtId: number) {
  return SENDEO_DISTRICTS.find((d) => d.cityId === cityId && d.districtId === districtId)
}
