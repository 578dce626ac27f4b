/**
 * Splits the byte stream a Zebra receives on port 9100 into what the printer acts on:
 * complete ^XA…^XZ formats, immediate `~` control commands and SGD `! U1 getvar` lines
 * (docs/reference/hardware.md §3.2–3.4). Control commands are acted on wherever they appear, even in the middle
 * of a format, the way a real printer handles `~` commands on receipt; they are cut out of the
 * format text. Works on latin1 strings so every byte maps to one char and UTF-8 survives intact.
 */
export type ControlCommand = 'HS' | 'HQES' | 'PS' | 'PP' | 'JA'

export type StreamEvent =
  Readonly<{ kind: 'format'; bytes: Buffer }> | Readonly<{ kind: 'control'; command: ControlCommand }> | Readonly<{ kind: 'getvar'; name: string }>

// ~HQES before ~HS so the longer command wins. ZPL command letters are matched case-insensitively.
const TOKEN = /\^XA|\^XZ|~HQES|~HS|~PS|~PP|~JA|! U1 getvar "([^"]*)"/gi
const PREFIXES = ['^XA', '^XZ', '~HQES', '~HS', '~PS', '~PP', '~JA', '! U1 GETVAR "']
const GETVAR_START = '! U1 GETVAR "'
/** A getvar line longer than this without its closing quote is noise, not a pending command. */
const MAX_GETVAR_HOLD = 256

function heldTail(rest: string): number {
  const upper = rest.toUpperCase()
  const getvarAt = upper.lastIndexOf(GETVAR_START)
  if (getvarAt >= 0 && rest.indexOf('"', getvarAt + GETVAR_START.length) === -1 && rest.length - getvarAt <= MAX_GETVAR_HOLD) {
    return rest.length - getvarAt
  }
  for (let k = Math.min(rest.length, GETVAR_START.length); k > 0; k--) {
    const tail = upper.slice(-k)
    if (PREFIXES.some((p) => p.startsWith(tail))) return k
  }
  return 0
}

export class ZebraStreamScanner {
  private pending = ''
  private format: string | null = null

  /** True while a ^XA was received and its ^XZ was not (the ~HS "partial format" flag). */
  get inFormat(): boolean {
    return this.format !== null
  }

  /** The open format so far (bytes as latin1 text), or null outside a format. */
  get partialFormat(): string | null {
    return this.format
  }

  push(chunk: Uint8Array): StreamEvent[] {
    this.pending += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1')
    const events: StreamEvent[] = []
    let consumed = 0
    TOKEN.lastIndex = 0
    for (let m = TOKEN.exec(this.pending); m !== null; m = TOKEN.exec(this.pending)) {
      const token = m[0].toUpperCase()
      if (this.format !== null) this.format += this.pending.slice(consumed, m.index)
      consumed = m.index + m[0].length
      if (token === '^XA') {
        // A ^XA inside an open format starts over: what came before it never got its ^XZ.
        this.format = m[0]
      } else if (token === '^XZ') {
        if (this.format !== null) events.push({ kind: 'format', bytes: Buffer.from(this.format + m[0], 'latin1') })
        this.format = null
      } else if (token.startsWith('!')) {
        // SGD is a line of its own; inside a format it is just data.
        if (this.format !== null) this.format += m[0]
        else events.push({ kind: 'getvar', name: m[1] ?? '' })
      } else {
        events.push({ kind: 'control', command: token.slice(1) as ControlCommand })
      }
    }
    const rest = this.pending.slice(consumed)
    const hold = heldTail(rest)
    if (this.format !== null) this.format += rest.slice(0, rest.length - hold)
    this.pending = rest.slice(rest.length - hold)
    return events
  }
}
