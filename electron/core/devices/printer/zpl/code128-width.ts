/**
 * Module count of a Code 128 symbol, as a printer in ^BC automatic mode (mode A) would encode it:
 * subset C for runs of digits, subset B otherwise. Used to pick the widest ^BY module width that
 * still fits the label and to centre the symbol. Each symbol character is 11 modules, the stop
 * pattern 13 (ISO/IEC 15417). The quiet zone (10 modules each side) is not included.
 */
export function code128Modules(data: string): number {
  let symbols = 1 // start character
  let subset: 'B' | 'C' = 'B'
  let i = 0
  const digitRun = (from: number): number => {
    let n = 0
    while (from + n < data.length && /[0-9]/.test(data[from + n] as string)) n++
    return n
  }
  // Start in C when the data opens with 4+ digits, or is only digits (an even count of 2+).
  const lead = digitRun(0)
  if (lead >= 4 || (lead === data.length && lead >= 2 && lead % 2 === 0)) subset = 'C'
  while (i < data.length) {
    const run = digitRun(i)
    if (subset === 'C') {
      if (run >= 2) {
        symbols++
        i += 2
        continue
      }
      subset = 'B'
      symbols++ // CODE B switch
      continue
    }
    // In B: switching to C pays off for 4+ digits at the end or 6+ in the middle.
    const atEnd = i + run === data.length
    if (run >= 6 || (atEnd && run >= 4)) {
      if (run % 2 === 1) {
        symbols++ // odd digit stays in B
        i++
      }
      subset = 'C'
      symbols++ // CODE C switch
      continue
    }
    symbols++
    i++
  }
  symbols++ // check character
  return symbols * 11 + 13 // start, data and check are 11 modules each; stop is 13
}
