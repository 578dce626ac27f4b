import type { Box } from './domain/box'

/** A starter box catalog for a new desk (replaced by the cloud config when it arrives). */
export const DEFAULT_BOXES: readonly Box[] = [
  { code: 'KOLI1', name: 'Küçük koli 20×15×10', lengthMm: 200, widthMm: 150, heightMm: 100, tareGrams: 120 },
  { code: 'KOLI2', name: 'Orta koli 30×20×15', lengthMm: 300, widthMm: 200, heightMm: 150, tareGrams: 200 },
  { code: 'KOLI3', name: 'Büyük koli 40×30×20', lengthMm: 400, widthMm: 300, heightMm: 200, tareGrams: 350 },
  { code: 'ZARF1', name: 'Kargo zarfı 25×18×2', lengthMm: 250, widthMm: 180, heightMm: 20, tareGrams: 30 },
]
