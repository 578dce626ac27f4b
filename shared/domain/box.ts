/** A box from the catalog; dimensions in millimetres, tare in grams. */
export type Box = Readonly<{
  code: string
  name: string
  lengthMm: number
  widthMm: number
  heightMm: number
  tareGrams: number
}>

export type MeasuredPackage = Readonly<{
  index: number
  boxCode: string | null
  lengthMm: number
  widthMm: number
  heightMm: number
  weightGrams: number
}>
