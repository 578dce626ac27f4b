import type { MeasuredPackage } from '../../shared/domain/box'

/** A measured parcel for a carrier test: sizes in mm, weight in grams, no catalog box; the first of its order unless `index` says. */
export const parcel = (lengthMm: number, widthMm: number, heightMm: number, weightGrams: number, index = 0): MeasuredPackage => ({
  index,
  boxCode: null,
  lengthMm,
  widthMm,
  heightMm,
  weightGrams,
})
