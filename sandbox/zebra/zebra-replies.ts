/**
 * What the emulated printer says back, built from its state (docs/reference/hardware.md §3.2, §3.3, §3.4).
 * Written independently of the desk's parser on purpose, so a test over both catches a misreading.
 */
export type ZebraState = {
  paperOut: boolean
  headOpen: boolean
  paused: boolean
  ribbonOut: boolean
  labelsRemaining: number
  labelLengthDots: number
  /** Accepts connections and data but never answers anything (a hung printer). */
  mute: boolean
}

export type ZebraCounters = Readonly<{ formatsInBuffer: number; partialFormat: boolean }>

const STX = '\x02'
const ETX = '\x03'

const pad = (n: number, width: number): string =>
  String(Math.max(0, Math.trunc(n)))
    .padStart(width, '0')
    .slice(-width)
const bit = (b: boolean): string => (b ? '1' : '0')

/** The three ~HS strings without framing. Fixed fields use the values of the sample in docs/reference/hardware.md B. */
export function hostStatusStrings(state: ZebraState, counters: ZebraCounters): [string, string, string] {
  // 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l — comm settings, paper out, pause, label length, formats in
  //    buffer, buffer full, diag mode, partial format, unused, corrupt RAM, under temp, over temp.
  const s1 = [
    '030',
    bit(state.paperOut),
    bit(state.paused),
    pad(state.labelLengthDots, 4),
    pad(counters.formatsInBuffer, 3),
    '0',
    '0',
    bit(counters.partialFormat),
    '000',
    '0',
    '0',
    '0',
  ].join(',')
  // 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www — function settings, unused, head up, ribbon out, TT mode,
  //    print mode (2 tear-off), width mode, label waiting, labels remaining, always 1, graphics.
  const s2 = ['001', '0', bit(state.headOpen), bit(state.ribbonOut), '1', '2', '6', '0', pad(state.labelsRemaining, 8), '1', '000'].join(',')
  // 3: xxxx,y — password, static RAM installed.
  const s3 = '1234,0'
  return [s1, s2, s3]
}

/** ~HS reply: each string framed STX…ETX CR LF. */
export function hostStatusReply(state: ZebraState, counters: ZebraCounters): string {
  return hostStatusStrings(state, counters)
    .map((s) => `${STX}${s}${ETX}\r\n`)
    .join('')
}

/** ~HQES error bitmask: 1 media out, 2 ribbon out, 4 head open; 0x10000 paused (newer firmware). */
export function extendedErrorMask(state: ZebraState): number {
  return (state.paperOut ? 0x1 : 0) | (state.ribbonOut ? 0x2 : 0) | (state.headOpen ? 0x4 : 0) | (state.paused ? 0x10000 : 0)
}

export function extendedStatusReply(state: ZebraState): string {
  const mask = extendedErrorMask(state)
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0')
  return [
    STX,
    '\r\n',
    '  PRINTER STATUS                            \r\n',
    `   ERRORS:         ${mask === 0 ? 0 : 1} 00000000 ${hex(mask)}\r\n`,
    `   WARNINGS:       0 00000000 ${hex(0)}\r\n`,
    ETX,
    '\r\n',
  ].join('')
}

/**
 * SGD getvar answers (quoted). device.host_status carries the ~HS strings without STX/ETX; how
 * the three are separated is not documented in our sources, so CR LF is a guess.
 */
export function getvarReply(name: string, state: ZebraState, counters: ZebraCounters): string {
  switch (name.toLowerCase()) {
    case 'head.latch':
      return `"${state.headOpen ? 'open' : 'ok'}"`
    case 'device.languages':
      return '"zpl"'
    case 'device.host_status':
      return `"${hostStatusStrings(state, counters).join('\r\n')}"`
    default:
      // [unverified] what firmware answers for an unknown variable; "?" is what we have seen quoted.
      return '"?"'
  }
}
