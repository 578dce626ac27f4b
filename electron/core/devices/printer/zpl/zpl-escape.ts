/**
 * Field-data escaping for ZPL. Customer text (names, addresses) must never reach the printer as
 * commands: `^` starts a format command and `~` a control command that the printer acts on even
 * in the middle of ^FD data. Every field is therefore written as `^FH_^FD…^FS` and those bytes are
 * sent as `_XX` hex escapes (^FH, docs/reference/hardware.md §3.5). The hex indicator `_` itself is escaped too,
 * and so are control characters. Everything else, Turkish letters included, stays UTF-8 because
 * labels select UTF-8 with ^CI28.
 */

const HEX_INDICATOR = '_'

function hexEscape(char: string): string {
  return HEX_INDICATOR + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
}

/** Escapes a string for use after `^FH_^FD`; the result contains no `^`, `~` or control bytes. */
export function escapeFieldData(value: string): string {
  // C0 controls and DEL: a stray CR/LF or STX in an address must not reach the parser raw.
  return value.replace(/[\^~_\x00-\x1F\x7F]/g, hexEscape)
}

/** `^FH_^FD<escaped>^FS`: one safe field data block. */
export function fieldData(value: string): string {
  return `^FH${HEX_INDICATOR}^FD${escapeFieldData(value)}^FS`
}
