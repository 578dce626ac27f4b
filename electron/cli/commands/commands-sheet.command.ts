import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { commandSheetPdf, deskCommands } from '../../core/printing/command-sheet'
import { parseFlags, requireFlag } from '../cli-args'
import type { CliCommand } from '../cli.types'

/** `station commands-sheet`: the printable A4 sheet of desk command barcodes (Code 128), to keep at the desk. */
export const commandsSheetCommand: CliCommand = {
  name: 'commands-sheet',
  summary: 'Write the printable PDF of desk command barcodes (Code 128)',
  usage: 'station commands-sheet --out FILE.pdf\n  one Code 128 barcode per desk command (KJCANCEL, KJREPRINT, KJIADE, ...) with its Turkish and English name',
  async run(argv, io) {
    const { values } = parseFlags(argv, { out: { type: 'string' } })
    const out = resolve(requireFlag(values.out, 'out'))
    await writeFile(out, await commandSheetPdf())
    io.stdout(`${out}: ${deskCommands().length} komut / commands`)
    return 0
  },
}
