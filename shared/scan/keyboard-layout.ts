/**
 * A keyboard-wedge scanner configured for a US keyboard presses the *physical keys* a US keyboard
 * has for each character; the OS then types whatever its own layout puts on those keys
 * (docs/reference/hardware.md §5.1: on Turkish-Q "." comes out as "ç" and "/" as "."). This module knows the
 * printable-ASCII half of four OS layouts, so a scan can be repaired and a self-test barcode can
 * tell which layout the desk runs. Pure.
 *
 * Sources, levels 1 (plain) and 2 (Shift) only, because a US-configured scanner never presses AltGr:
 * - Turkish Q: Windows KBDTUQ.DLL (KLID 0000041F), as imported key by key in
 *   keymanapp/keyboards:release/basic/basic_kbdtuq/source/basic_kbdtuq.kmn.
 * - Turkish F: Windows KBDTUF.DLL (KLID 0001041F), keymanapp/keyboards:release/basic/basic_kbdtuf/source/basic_kbdtuf.kmn.
 * - United Kingdom: Windows KBDUK.DLL (KLID 00000809), keymanapp/keyboards:release/basic/basic_kbduk/source/basic_kbduk.kmn
 *   (the `"`/`@` swap of inventree/InvenTree #10589).
 * Linux XKB `tr`/`gb` are taken to agree at these two levels [unverified]; macOS layouts differ
 * and are not covered. The self-test is what proves the table on a real desk.
 */

/** Physical keys a US-layout scanner uses, by W3C `KeyboardEvent.code` (= one HID usage each). */
const KEY_CODES = [
  'Backquote',
  'Digit1',
  'Digit2',
  'Digit3',
  'Digit4',
  'Digit5',
  'Digit6',
  'Digit7',
  'Digit8',
  'Digit9',
  'Digit0',
  'Minus',
  'Equal',
  'KeyQ',
  'KeyW',
  'KeyE',
  'KeyR',
  'KeyT',
  'KeyY',
  'KeyU',
  'KeyI',
  'KeyO',
  'KeyP',
  'BracketLeft',
  'BracketRight',
  'Backslash',
  'KeyA',
  'KeyS',
  'KeyD',
  'KeyF',
  'KeyG',
  'KeyH',
  'KeyJ',
  'KeyK',
  'KeyL',
  'Semicolon',
  'Quote',
  'KeyZ',
  'KeyX',
  'KeyC',
  'KeyV',
  'KeyB',
  'KeyN',
  'KeyM',
  'Comma',
  'Period',
  'Slash',
  'Space',
] as const

export type KeyCode = (typeof KEY_CODES)[number]

/** One layout as two strings aligned with KEY_CODES: what each key types plain and with Shift. */
type LayoutRows = Readonly<{ plain: string; shift: string }>

const US: LayoutRows = {
  plain: '`1234567890-=' + 'qwertyuiop[]\\' + "asdfghjkl;'" + 'zxcvbnm,./' + ' ',
  shift: '~!@#$%^&*()_+' + 'QWERTYUIOP{}|' + 'ASDFGHJKL:"' + 'ZXCVBNM<>?' + ' ',
}

// KBDTUQ: Shift+3 is a dead circumflex (written '^' here, see `dead` below).
const TR_Q: LayoutRows = {
  plain: '"1234567890*-' + 'qwertyuıopğü,' + 'asdfghjklşi' + 'zxcvbnmöç.' + ' ',
  shift: "é!'^+%&/()=?_" + 'QWERTYUIOPĞÜ;' + 'ASDFGHJKLŞİ' + 'ZXCVBNMÖÇ:' + ' ',
}

const TR_F: LayoutRows = {
  plain: '+1234567890/-' + 'fgğıodrnhpqwx' + 'uieaütkmlyş' + 'jövcçzsb.,' + ' ',
  shift: '*!"^$%&\'()=?_' + 'FGĞIODRNHPQWX' + 'UİEAÜTKMLYŞ' + 'JÖVCÇZSB:;' + ' ',
}

// On Windows both HID 0x31 (US backslash) and 0x32 (ISO "#~") arrive as scan code 0x2B, which KBDUK types as '#'/'~'.
const GB: LayoutRows = {
  plain: '`1234567890-=' + 'qwertyuiop[]#' + "asdfghjkl;'" + 'zxcvbnm,./' + ' ',
  shift: '¬!"£$%^&*()_+' + 'QWERTYUIOP{}~' + 'ASDFGHJKL:@' + 'ZXCVBNM<>?' + ' ',
}

/** A dead key: typed alone it waits; the next character either composes with it or both come out. */
type DeadKey = Readonly<{ code: KeyCode; shift: boolean; spacing: string; compose: Readonly<Record<string, string>> }>

// KBDTUQ and KBDTUF `dk(005e)`: space gives '^' alone; these vowels compose; anything else gives '^' + char.
const TR_CIRCUMFLEX: DeadKey = {
  code: 'Digit3',
  shift: true,
  spacing: '^',
  compose: { ' ': '^', a: 'â', A: 'Â', e: 'ê', E: 'Ê', ı: 'î', I: 'Î', i: 'î', İ: 'Î', o: 'ô', O: 'Ô', u: 'û', U: 'Û' },
}

export const LayoutProfileId = { us: 'us', trQ: 'tr-q', trF: 'tr-f', gb: 'gb' } as const
export type LayoutProfileId = (typeof LayoutProfileId)[keyof typeof LayoutProfileId]

export type LayoutProfile = Readonly<{
  id: LayoutProfileId
  /** Operator-facing name (Turkish first, as on the desk). */
  name: string
  /** US character the scanner means → what this OS layout types for the same key and Shift state. */
  typed: ReadonlyMap<string, string>
  /** Typed character → the US character that produced it (the inverse of `typed`). */
  meant: ReadonlyMap<string, string>
  dead: DeadKey | null
  /** Composed character → [US character of the dead key, typed base character]. */
  decomposed: ReadonlyMap<string, readonly [string, string]>
}>

function buildProfile(id: LayoutProfileId, name: string, rows: LayoutRows, dead: DeadKey | null): LayoutProfile {
  const typed = new Map<string, string>()
  const meant = new Map<string, string>()
  KEY_CODES.forEach((_code, i) => {
    for (const level of ['plain', 'shift'] as const) {
      const us = US[level][i]!
      const out = rows[level][i]!
      typed.set(us, out)
      // Space appears on both levels; the first (plain) mapping wins, it is the same character anyway.
      if (!meant.has(out)) meant.set(out, us)
    }
  })
  const decomposed = new Map<string, readonly [string, string]>()
  if (dead) {
    const deadUs = US[dead.shift ? 'shift' : 'plain'][KEY_CODES.indexOf(dead.code)]!
    for (const [base, composed] of Object.entries(dead.compose)) {
      // î comes from both ı and i (and Î from I and İ): keep the first, the plain letter key.
      if (!decomposed.has(composed)) decomposed.set(composed, [deadUs, base])
    }
  }
  return { id, name, typed, meant, dead, decomposed }
}

export const layoutProfiles: Readonly<Record<LayoutProfileId, LayoutProfile>> = {
  us: buildProfile('us', 'ABD (US) klavye / US keyboard', US, null),
  'tr-q': buildProfile('tr-q', 'Türkçe Q klavye / Turkish Q', TR_Q, TR_CIRCUMFLEX),
  'tr-f': buildProfile('tr-f', 'Türkçe F klavye / Turkish F', TR_F, TR_CIRCUMFLEX),
  gb: buildProfile('gb', 'İngiliz (UK) klavye / UK keyboard', GB, null),
}

export function getLayoutProfile(id: LayoutProfileId): LayoutProfile {
  return layoutProfiles[id]
}

/**
 * The US character a US-layout scanner meant by pressing `code` (with or without Shift), whatever
 * the OS layout: the renderer can read `KeyboardEvent.code` + `shiftKey` and need no profile at all
 * (docs/reference/hardware.md §5.1 "decode from physical key codes"). Null for keys a US scanner never presses.
 */
export function usCharForKey(code: string, shiftKey: boolean): string | null {
  const i = (KEY_CODES as readonly string[]).indexOf(code)
  return i < 0 ? null : US[shiftKey ? 'shift' : 'plain'][i]!
}

/**
 * What the OS types when a US-layout scanner sends `usText` (the emulator's corruption mode).
 * Characters a US keyboard cannot type (GS, Turkish letters) pass through unchanged. A dead key
 * left pending at the end comes out as its spacing character, as Windows does when Enter follows
 * [unverified for every application; docs/reference/hardware.md §5.1].
 */
export function typeAsLayout(usText: string, profile: LayoutProfile): string {
  const dead = profile.dead
  const deadUs = dead ? US[dead.shift ? 'shift' : 'plain'][KEY_CODES.indexOf(dead.code)] : undefined
  let out = ''
  let pending = false
  for (const ch of usText) {
    const typed = profile.typed.get(ch) ?? ch
    if (dead && ch === deadUs) {
      // A second dead key releases the first as two spacing characters (Windows).
      if (pending) {
        out += dead.spacing + dead.spacing
        pending = false
      } else pending = true
      continue
    }
    if (pending && dead) {
      out += dead.compose[typed] ?? dead.spacing + typed
      pending = false
      continue
    }
    out += typed
  }
  if (pending && dead) out += dead.spacing
  return out
}

/**
 * Maps text typed under `profile` back to what the US-layout scanner sent. Characters the layout
 * cannot have produced pass through (a person may have typed them on the same desk).
 * Known losses, all from the Turkish dead circumflex: `#` + space comes out as a lone `^` (the
 * space is eaten), and `î`/`Î` are read as coming from the dotless-ı key (Turkish-Q: `#i`/`#I`)
 * although the dotted-i key (`#'`/`#"`) types the same.
 */
export function repairScan(received: string, profile: LayoutProfile): string {
  if (profile.id === LayoutProfileId.us) return received
  let out = ''
  for (const ch of received) {
    const parts = profile.decomposed.get(ch)
    if (parts && parts[1] !== ' ') {
      out += parts[0] + (profile.meant.get(parts[1]) ?? parts[1])
      continue
    }
    out += profile.meant.get(ch) ?? ch // a lone '^' is in `meant`: the dead key's own spacing character
  }
  return out
}
