/**
 * Code 128 symbol characters as bar/space widths in modules (ISO/IEC 15417 table 1), by value 0…106:
 * 103 START A, 104 START B, 105 START C, 106 STOP (7 elements, 13 modules).
 */
const PATTERNS: readonly string[] = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 ' +
  '221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 ' +
  '231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 ' +
  '114131 311141 411131 211412 211214 211232 2331112'
).split(' ')

const START_B = 104
const STOP = 106

/**
 * The bars of `data` in Code 128 subset B (printable ASCII 32…126), start and check character
 * included, quiet zone not: each entry is one bar as [offset, width] in modules from the left.
 */
export function code128Bars(data: string): readonly (readonly [number, number])[] {
  const values = [...data].map((ch) => {
    const code = ch.charCodeAt(0)
    if (code < 32 || code > 126) throw new Error(`Code 128 B cannot encode ${JSON.stringify(ch)}`)
    return code - 32
  })
  const check = values.reduce((sum, v, i) => sum + v * (i + 1), START_B) % 103
  const bars: [number, number][] = []
  let x = 0
  for (const value of [START_B, ...values, check, STOP]) {
    const widths = [...(PATTERNS[value] as string)].map(Number)
    widths.forEach((w, i) => {
      if (i % 2 === 0) bars.push([x, w])
      x += w
    })
  }
  return bars
}

/** Width of the symbol in modules: 11 per character (start, data, check) and 13 for the stop. */
export function code128Width(data: string): number {
  return (data.length + 2) * 11 + 13
}
