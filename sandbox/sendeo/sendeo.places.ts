import { SENDEO_SAMPLE_PLACES } from '../../protocols/sendeo/sendeo.places'

/**
 * The emulator's slice of Sendeo's city/district table: the districts Sendeo's own sample requests use
 * (protocols/sendeo/sendeo.places.ts, shared with the connector), and every plate code 1–81 as a CityId,
 * as those samples do.
 */
export const SENDEO_DISTRICTS = SENDEO_SAMPLE_PLACES

export const isSendeoCityId = (id: number): boolean => Number.isInteger(id) && id >= 1 && id <= 81

/** The district of that city, or undefined (206/306 "District Id is Not Correct"). */
export function sendeoDistrict(cityId: number, districtId: number) {
  return SENDEO_DISTRICTS.find((d) => d.cityId === cityId && d.districtId === districtId)
}
