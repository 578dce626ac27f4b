/** Money is integer kuruş everywhere (1 TL = 100 kuruş). */
export type Kurus = number

export function kurusFromLira(lira: number): Kurus {
  return Math.round((lira + Math.sign(lira) * Number.EPSILON) * 100)
}

export function liraFromKurus(kurus: Kurus): number {
  return kurus / 100
}

/** "1.234,56 TL" in Turkish style. */
export function formatTry(kurus: Kurus): string {
  const negative = kurus < 0
  const abs = Math.abs(kurus)
  const lira = Math.floor(abs / 100)
  const frac = String(abs % 100).padStart(2, '0')
  const grouped = String(lira).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${negative ? '-' : ''}${grouped},${frac} TL`
}

/** Applies a percentage given in basis points (1000 = %10), rounding half up. */
export function addPercentBp(kurus: Kurus, basisPoints: number): Kurus {
  return kurus + Math.round((kurus * basisPoints) / 10000)
}
