import { mkdir, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { AppError, ErrorCode } from '../../../shared/errors'
import { rateCardsToCsv } from '../../../shared/rates'
import { loadConfig } from '../../core/config/config.loader'
import { updateStationFile } from '../../core/config/station-file.writer'
import { DEFAULT_RATE_CARDS } from '../../core/rates/default-rate-cards'
import { rateCardsToXlsx } from '../../core/rates/rate-card.xlsx'
import { parseFlags, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'
import { defaultDataDir } from '../data-dir'
import { readRateCardsFile } from './quote.command'

async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { file: { type: 'string' }, data: { type: 'string' }, 'dry-run': { type: 'boolean' } })
  const cards = await readRateCardsFile(requireFlag(values.file, 'file'))
  if (cards.length === 0) throw new AppError(ErrorCode.inputInvalid, `${values.file}: no rate cards in the file`)
  const summary = cards.map((c) => `${c.carrierId}/${c.serviceCode} (${c.contract}, ${c.bands.length} bands)`).join(', ')
  if (values['dry-run']) {
    io.stdout(`${cards.length} rate cards read, nothing written: ${summary}\n`)
    return 0
  }
  const dataDir = values.data ?? defaultDataDir()
  await mkdir(dataDir, { recursive: true })
  // All or nothing: the file was validated whole above; station.json is replaced atomically.
  await updateStationFile(dataDir, { rateCards: cards })
  loadConfig(dataDir) // the desk must still start with what was written
  io.stdout(`${cards.length} rate cards written to ${dataDir}/station.json: ${summary}\n`)
  return 0
}

async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { out: { type: 'string' }, data: { type: 'string' }, format: { type: 'string' } })
  const out = requireFlag(values.out, 'out')
  const format = values.format ?? (extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv')
  if (format !== 'csv' && format !== 'xlsx') throw new AppError(ErrorCode.inputInvalid, `--format must be csv or xlsx, got "${format}"`)
  const cards = values.data ? (loadConfig(values.data).rateCards ?? DEFAULT_RATE_CARDS) : DEFAULT_RATE_CARDS
  await writeFile(out, format === 'xlsx' ? await rateCardsToXlsx(cards) : rateCardsToCsv(cards))
  io.stdout(`${cards.length} rate cards exported to ${out} (${format})\n`)
  return 0
}

export const ratesImportCommand: CliCommand = {
  name: 'rates import',
  summary: "Import rate cards from CSV or XLSX into the station's station.json",
  usage:
    'station rates import --file CARDS.csv|CARDS.xlsx [--data DIR] [--dry-run]\n' +
    '  One row per card × weight band [× distance band]; columns in shared/rates/rate-card.table.ts (README "Rate cards").\n' +
    '  Every bad cell is reported with its line and column and nothing is written (exit 2).',
  run: runImport,
}

export const ratesExportCommand: CliCommand = {
  name: 'rates export',
  summary: 'Export rate cards to CSV or XLSX',
  usage: 'station rates export --out FILE.csv|FILE.xlsx [--format csv|xlsx] [--data DIR]\n  Without --data: the built-in demo cards.',
  run: runExport,
}
