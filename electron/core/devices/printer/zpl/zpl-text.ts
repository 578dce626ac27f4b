/**
 * Width estimates for ZPL scalable font 0 (^A0N,h,h), so text is wrapped and cut by us instead of
 * by ^FB: a real printer overprints the last ^FB line when text needs more lines than allowed, and
 * the zebrash renderer ignores the line limit. Factors are a little wider than what zebrash draws
 * (measured: caps ≈0.57h, lower case ≈0.45h, digits ≈0.50h) so a real printer's font fits too.
 */

const NARROW = new Set([..."iljftrI.,:;!|'`"])
const WIDE = new Set([...'MWmw@%'])

function charWidthFactor(ch: string): number {
  if (ch === ' ') return 0.28
  if (NARROW.has(ch)) return 0.3
  if (WIDE.has(ch)) return ch === ch.toLowerCase() ? 0.75 : 0.86
  if (/[0-9]/.test(ch)) return 0.53
  if (ch === '-') return 0.55 // zebrash draws the hyphen as a spaced dash
  if (/\p{Lu}/u.test(ch)) return 0.62
  if (/\p{Ll}/u.test(ch)) return 0.5
  return 0.4 // punctuation and symbols
}

/** Estimated printed width in dots of `text` in font 0 at `heightDots` (width = height). */
export function textWidthDots(text: string, heightDots: number): number {
  let factor = 0
  for (const ch of text) factor += charWidthFactor(ch)
  return Math.ceil(factor * heightDots)
}

/** Collapses whitespace (CR/LF/tabs in pasted addresses) to single spaces. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Cuts `text` so it fits `maxWidthDots`, ending with "..." when anything was cut. */
export function fitLine(text: string, heightDots: number, maxWidthDots: number): string {
  const clean = normalizeSpaces(text)
  if (textWidthDots(clean, heightDots) <= maxWidthDots) return clean
  const chars = [...clean]
  while (chars.length > 0 && textWidthDots(`${chars.join('').trimEnd()}...`, heightDots) > maxWidthDots) chars.pop()
  return `${chars.join('').trimEnd()}...`
}

/**
 * The largest height between `minHeightDots` and `maxHeightDots` at which `text` fits on one line.
 * For identifiers (order and tracking numbers) that must never be cut; at the minimum it is cut.
 */
export function fitHeight(text: string, maxHeightDots: number, minHeightDots: number, maxWidthDots: number): number {
  let h = maxHeightDots
  while (h > minHeightDots && textWidthDots(normalizeSpaces(text), h) > maxWidthDots) h--
  return h
}

/** Word-wraps into at most `maxLines` lines; the last line is cut with "..." if text remains. */
export function wrapText(text: string, heightDots: number, maxWidthDots: number, maxLines: number): string[] {
  const words = normalizeSpaces(text)
    .split(' ')
    .filter((w) => w.length > 0)
  const lines: string[] = []
  let current = ''
  let i = 0
  while (i < words.length && lines.length < maxLines) {
    const word = words[i] as string
    const candidate = current === '' ? word : `${current} ${word}`
    if (textWidthDots(candidate, heightDots) <= maxWidthDots) {
      current = candidate
      i++
    } else if (current === '') {
      // One word wider than the line: break it hard rather than let it run off the label.
      const chars = [...word]
      let head = ''
      while (chars.length > 0 && textWidthDots(head + chars[0], heightDots) <= maxWidthDots) head += chars.shift()
      lines.push(head)
      words[i] = chars.join('')
    } else {
      lines.push(current)
      current = ''
    }
  }
  if (current !== '' && lines.length < maxLines) lines.push(current)
  if (i < words.length && lines.length > 0) {
    const rest = [lines.pop() as string, ...words.slice(i)].join(' ')
    lines.push(fitLine(rest, heightDots, maxWidthDots))
  }
  return lines
}

/**
 * Wraps at the largest height in [minHeightDots, maxHeightDots] where the whole text fits in
 * `maxLines`; at the minimum the last line is cut with "...".
 */
export function wrapFit(
  text: string,
  maxHeightDots: number,
  minHeightDots: number,
  maxWidthDots: number,
  maxLines: number,
): { heightDots: number; lines: string[] } {
  const clean = normalizeSpaces(text)
  for (let h = maxHeightDots; h > minHeightDots; h = Math.max(minHeightDots, h - Math.max(1, Math.round(h * 0.05)))) {
    const lines = wrapText(clean, h, maxWidthDots, maxLines)
    if (lines.join(' ') === clean) return { heightDots: h, lines }
  }
  return { heightDots: minHeightDots, lines: wrapText(clean, minHeightDots, maxWidthDots, maxLines) }
}
