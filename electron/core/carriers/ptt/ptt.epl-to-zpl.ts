import { AppError, ErrorCode } from '../../../../shared/errors'
import { fieldData } from '../../devices/printer/zpl/zpl-escape'

/**
 * EPL2 → ZPL, pure. PTT's etiketGetir answers with an EPL label (`epl_format`, docs/reference/carriers.md §4, §13)
 * while the desk's printers speak ZPL, so the label is translated command by command: text (A),
 * barcodes (B), lines (LO, LE, LW), boxes (X), and the label frame (N, q, Q, P). Printer-wide
 * settings (I, S, D, O, JF, JB) are left to the desk's printer setup; any other command is refused
 * with a clear error instead of printing a label that lacks part of PTT's layout. The text arrives
 * already decoded from XML, so the ZPL selects UTF-8 (^CI28) and escapes field data (^FH).
 */

type Ctx = Readonly<{ line: number; text: string; command: string }>

function fail(ctx: Ctx | null, why: string): AppError {
  const where = ctx ? `line ${ctx.line} ("${ctx.text.slice(0, 60)}")` : 'the label'
  // Not retryable: PTT would send the same EPL again.
  return new AppError(ErrorCode.carrierBadResponse, `PTT label cannot be converted to ZPL: ${where}: ${why}`, {
    retryable: false,
    meta: { operation: 'etiketGetir', line: ctx?.line ?? null, command: ctx?.command ?? null },
  })
}

type Param = Readonly<{ value: string; quoted: boolean }>

/** Splits `p1,p2,"data, with \"quotes\""`; EPL escapes " and \ inside quoted data with a backslash. */
function splitParams(ctx: Ctx, s: string): Param[] {
  const out: Param[] = []
  let i = 0
  while (i <= s.length) {
    if (s[i] === '"') {
      let value = ''
      i++
      for (;;) {
        if (i >= s.length) throw fail(ctx, 'quoted data is not closed')
        const ch = s[i] as string
        if (ch === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) {
          value += s[i + 1]
          i += 2
        } else if (ch === '"') {
          i++
          break
        } else {
          value += ch
          i++
        }
      }
      if (i < s.length && s[i] !== ',') throw fail(ctx, 'text after closing quote')
      out.push({ value, quoted: true })
    } else {
      const end = s.indexOf(',', i)
      const stop = end < 0 ? s.length : end
      out.push({ value: s.slice(i, stop).trim(), quoted: false })
      i = stop
    }
    i++ // past the comma
  }
  return out
}

function int(ctx: Ctx, p: Param | undefined, name: string, min = 0, max = 32_000): number {
  const v = p?.value ?? ''
  if (p?.quoted || !/^\d+$/.test(v)) throw fail(ctx, `${name} must be a whole number, got "${v}"`)
  const n = Number(v)
  if (n < min || n > max) throw fail(ctx, `${name} must be ${min}–${max}, got ${n}`)
  return n
}

function params(ctx: Ctx, rest: string, min: number, max = min): Param[] {
  const p = rest.trim() === '' ? [] : splitParams(ctx, rest)
  if (p.length < min || p.length > max) throw fail(ctx, `${ctx.command} takes ${min === max ? min : `${min}–${max}`} parameters, got ${p.length}`)
  return p
}

function quotedData(ctx: Ctx, p: Param | undefined): string {
  // Variables (V00), counters (C0) and fields of stored forms are not used by a one-off label.
  if (!p?.quoted) throw fail(ctx, `only quoted data is supported, got ${p?.value ?? 'nothing'}`)
  return p.value
}

const ROTATION: Readonly<Record<string, string>> = { '0': 'N', '1': 'R', '2': 'I', '3': 'B' }

function rotation(ctx: Ctx, p: Param | undefined): string {
  const r = ROTATION[p?.value ?? '']
  if (!r) throw fail(ctx, `rotation must be 0–3, got "${p?.value ?? ''}"`)
  return r
}

/** EPL2 resident fonts 1–5 at 203 dpi: character cell width × height in dots (EPL2 manual, A command). */
const FONT_DOTS: Readonly<Record<string, readonly [number, number]>> = { '1': [8, 12], '2': [10, 16], '3': [12, 20], '4': [14, 24], '5': [32, 48] }

function text(ctx: Ctx, rest: string): string {
  const [x, y, rot, font, hMul, vMul, reverse, data] = params(ctx, rest, 8)
  const cell = FONT_DOTS[font?.value ?? '']
  if (!cell) throw fail(ctx, `font "${font?.value ?? ''}" is not a resident EPL font 1–5`)
  const h = int(ctx, hMul, 'horizontal multiplier', 1, 8)
  const v = int(ctx, vMul, 'vertical multiplier', 1, 9)
  if (reverse?.value !== 'N' && reverse?.value !== 'R') throw fail(ctx, `reverse must be N or R, got "${reverse?.value ?? ''}"`)
  // ^A0 (scalable) at the EPL cell size; the glyphs differ a little from EPL's bitmap fonts.
  const field = `^FO${int(ctx, x, 'x')},${int(ctx, y, 'y')}^A0${rotation(ctx, rot)},${cell[1] * v},${cell[0] * h}`
  return field + (reverse.value === 'R' ? '^FR' : '') + fieldData(quotedData(ctx, data))
}

/** EPL barcode selection (B p4) → the ZPL barcode command after ^BY, given orientation, height, interpretation line. */
const SYMBOLOGY: Readonly<Record<string, (o: string, h: number, hr: string) => string>> = {
  // Code 128, automatic or a forced subset: ZPL's automatic mode picks the subset; the scanned data is the same.
  '1': (o, h, hr) => `^BC${o},${h},${hr},N,N,A`,
  '1A': (o, h, hr) => `^BC${o},${h},${hr},N,N,A`,
  '1B': (o, h, hr) => `^BC${o},${h},${hr},N,N,A`,
  '1C': (o, h, hr) => `^BC${o},${h},${hr},N,N,A`,
  '3': (o, h, hr) => `^B3${o},N,${h},${hr},N`,
  '3C': (o, h, hr) => `^B3${o},Y,${h},${hr},N`,
  '9': (o, h, hr) => `^BA${o},${h},${hr},N,N`,
  E30: (o, h, hr) => `^BE${o},${h},${hr},N`,
  '2': (o, h, hr) => `^B2${o},${h},${hr},N,N`,
  UA0: (o, h, hr) => `^BU${o},${h},${hr},N,Y`,
}

function barcode(ctx: Ctx, rest: string): string {
  const [x, y, rot, type, narrowP, wideP, heightP, readable, data] = params(ctx, rest, 9)
  const symbology = SYMBOLOGY[type?.value ?? '']
  if (!symbology) throw fail(ctx, `barcode type "${type?.value ?? ''}" is not supported (supported: ${Object.keys(SYMBOLOGY).join(', ')})`)
  const narrow = int(ctx, narrowP, 'narrow bar width', 1, 10)
  const wide = int(ctx, wideP, 'wide bar width', 0, 30)
  const height = int(ctx, heightP, 'barcode height', 1, 32_000)
  if (readable?.value !== 'B' && readable?.value !== 'N') throw fail(ctx, `human-readable flag must be B or N, got "${readable?.value ?? ''}"`)
  // ^BY ratio is 2.0–3.0; EPL ignores the wide bar for Code 128, where any ratio is harmless.
  const ratio = Math.min(3, Math.max(2, wide / narrow)).toFixed(1)
  const head = `^FO${int(ctx, x, 'x')},${int(ctx, y, 'y')}^BY${narrow},${ratio},${height}`
  return head + symbology(rotation(ctx, rot), height, readable.value === 'B' ? 'Y' : 'N') + fieldData(quotedData(ctx, data))
}

/** LO (black), LE (exclusive OR: ^FR reverses what it covers), LW (white): p1 x, p2 y, p3 width, p4 height. */
function line(ctx: Ctx, rest: string, kind: 'LO' | 'LE' | 'LW'): string {
  const [x, y, w, h] = params(ctx, rest, 4)
  const width = int(ctx, w, 'horizontal length', 1)
  const height = int(ctx, h, 'vertical length', 1)
  const box = `^GB${width},${height},${Math.min(width, height)}${kind === 'LW' ? ',W' : ''}`
  return `^FO${int(ctx, x, 'x')},${int(ctx, y, 'y')}${kind === 'LE' ? '^FR' : ''}${box}^FS`
}

/** X p1 x-start, p2 y-start, p3 line thickness, p4 x-end, p5 y-end. */
function box(ctx: Ctx, rest: string): string {
  const [x1p, y1p, tp, x2p, y2p] = params(ctx, rest, 5)
  const [x1, y1, t] = [int(ctx, x1p, 'x start'), int(ctx, y1p, 'y start'), int(ctx, tp, 'thickness', 1)]
  const [x2, y2] = [int(ctx, x2p, 'x end'), int(ctx, y2p, 'y end')]
  if (x2 <= x1 || y2 <= y1) throw fail(ctx, 'the box ends before it starts')
  return `^FO${x1},${y1}^GB${Math.max(x2 - x1, t)},${Math.max(y2 - y1, t)},${t}^FS`
}

const COMMANDS = ['LO', 'LE', 'LW', 'ZT', 'ZB', 'JF', 'JB', 'A', 'B', 'X', 'N', 'q', 'Q', 'P', 'I', 'S', 'D', 'O', 'R'] as const
type Command = (typeof COMMANDS)[number]

/**
 * Translates an EPL2 label program into ZPL, one ^XA…^XZ per printed label (per P). Throws
 * carrier.badResponse naming the line for an unsupported command, a malformed parameter, or a
 * program that prints nothing.
 */
export function eplToZpl(epl: string): string {
  const setup: { width: number | null; length: number | null; home: string | null; orientation: string | null } = {
    width: null,
    length: null,
    home: null,
    orientation: null,
  }
  let fields: string[] = []
  const labels: string[] = []
  const lines = epl.split(/\r\n|\r|\n/)
  lines.forEach((raw, index) => {
    const textLine = raw.replace(/\s+$/, '').replace(/^\s+/, '')
    if (textLine === '' || textLine.startsWith(';')) return // blank lines and EPL2 ";" comments
    const command = COMMANDS.find((c) => textLine.startsWith(c)) as Command | undefined
    const ctx: Ctx = { line: index + 1, text: textLine, command: command ?? textLine.slice(0, 2) }
    if (!command) throw fail(ctx, `unsupported EPL command "${textLine.slice(0, 2)}"`)
    const rest = textLine.slice(command.length)
    switch (command) {
      case 'N':
        if (rest.trim() !== '') throw fail(ctx, 'N takes no parameters')
        fields = [] // N clears the image buffer
        return
      case 'q':
        setup.width = int(ctx, params(ctx, rest, 1)[0], 'label width', 1)
        return
      case 'Q': {
        const [length, gap, offset] = params(ctx, rest, 2, 3)
        setup.length = int(ctx, length, 'label length', 1)
        // Gap or black-mark size ("B24") and offset: media sensing, which the printer's own setup owns.
        if (!/^B?\d+$/.test(gap?.value ?? '')) throw fail(ctx, `gap must be a number (or B and a number), got "${gap?.value ?? ''}"`)
        if (offset) int(ctx, offset, 'offset', 0)
        return
      }
      case 'R': {
        const [x, y] = params(ctx, rest, 2)
        setup.home = `${int(ctx, x, 'reference x')},${int(ctx, y, 'reference y')}`
        return
      }
      case 'ZT':
      case 'ZB':
        if (rest.trim() !== '') throw fail(ctx, `${command} takes no parameters`)
        setup.orientation = command === 'ZT' ? 'N' : 'I' // EPL prints from the top by default (ZT); ZB turns the image 180°
        return
      case 'I':
      case 'S':
      case 'D':
      case 'O':
      case 'JF':
      case 'JB':
        // Code page (the text is already Unicode; ZPL gets ^CI28), speed, darkness, options and
        // back-feed are the desk printer's configuration, not part of PTT's layout.
        return
      case 'A':
        fields.push(text(ctx, rest))
        return
      case 'B':
        fields.push(barcode(ctx, rest))
        return
      case 'LO':
      case 'LE':
      case 'LW':
        fields.push(line(ctx, rest, command))
        return
      case 'X':
        fields.push(box(ctx, rest))
        return
      case 'P': {
        const [sets, copies] = params(ctx, rest, 1, 2)
        const quantity = int(ctx, sets, 'label sets', 1, 9999) * (copies ? int(ctx, copies, 'copies', 1, 9999) : 1)
        if (fields.length === 0) throw fail(ctx, 'P prints an empty label')
        const head = ['^XA', '^CI28']
        if (setup.width !== null) head.push(`^PW${setup.width}`)
        if (setup.length !== null) head.push(`^LL${setup.length}`)
        if (setup.home !== null) head.push(`^LH${setup.home}`)
        if (setup.orientation !== null) head.push(`^PO${setup.orientation}`)
        labels.push([...head, ...fields, `^PQ${quantity}`, '^XZ'].join('\n'))
        // EPL keeps the image buffer after P; PTT labels start each label with N anyway.
        return
      }
    }
  })
  if (labels.length === 0) throw fail(null, fields.length > 0 ? 'the EPL ends without a P command, so nothing would print' : 'it holds no label (no P command)')
  return labels.join('\n')
}
