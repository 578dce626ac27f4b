import { readFile } from 'node:fs/promises'
import { shipmentMeasure } from '../../../shared/desi'
import { AppError, ErrorCode } from '../../../shared/errors'
import { noticeBilingual } from '../../../shared/i18n/notice-text'
import { rateCardsFromCsv, selectCarrier, type RateCard } from '../../../shared/rates'
import { AddressResolver } from '../../core/addresses/address.resolver'
import { loadConfig } from '../../core/config/config.loader'
import { DEFAULT_RATE_CARDS } from '../../core/rates/default-rate-cards'
import { RatesConfigSchema, selectionRulesFromConfig, type RatesConfig } from '../../core/rates/rates.config'
import { rateCardsFromXlsx } from '../../core/rates/rate-card.xlsx'
import { parseFlags, readJsonInput, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'
import { orderInputSchema } from '../order-input'

/** Rate cards from a CSV or XLSX file (the documented layout, shared/rates/rate-card.table.ts). */
export async function readRateCardsFile(path: string): Promise<RateCard[]> {
  let data: Buffer
  try {
    data = await readFile(path)
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  // XLSX is a ZIP: "PK\x03\x04".
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return rateCardsFromXlsx(data, path)
  return rateCardsFromCsv(data.toString('utf8'), path)
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, {
    input: { type: 'string' },
    'rate-cards': { type: 'string' },
    data: { type: 'string' },
    strategy: { type: 'string' },
    json: { type: 'boolean' },
  })
  const order = await readJsonInput(requireFlag(values.input, 'input'), orderInputSchema)
  const station = values.data ? loadConfig(values.data) : null
  const cards = values['rate-cards'] ? await readRateCardsFile(values['rate-cards']) : (station?.rateCards ?? DEFAULT_RATE_CARDS)
  if (values.strategy !== undefined && values.strategy !== 'cheapest' && values.strategy !== 'fastest') {
    throw new AppError(ErrorCode.inputInvalid, `--strategy must be cheapest or fastest, got "${values.strategy}"`)
  }
  const rates: RatesConfig = {
    ...(station?.rates ?? RatesConfigSchema.parse(undefined)),
    ...(values.strategy ? { strategy: values.strategy as 'cheapest' | 'fastest' } : {}),
  }
  const addresses = new AddressResolver()
  // An address we cannot place is reported, not guessed; the quote then runs on the names as written.
  const tried = addresses.tryResolve({ city: order.recipient.city, district: order.recipient.district, postalCode: order.recipient.postalCode })
  const place = tried.ok ? tried.value : null
  const measure = shipmentMeasure(order.packages)
  const { chosen, options } = selectCarrier(
    cards,
    {
      chargeableKg: measure.chargeableKg,
      cod: order.codAmountKurus !== null,
      mandatedCarrierId: order.mandatedCarrierId,
      senderCity: order.sender.city,
      recipientCity: place?.city ?? order.recipient.city,
      recipientDistrict: place?.district ?? order.recipient.district,
      desi: measure.desi,
      weightKg: measure.weightKg,
    },
    selectionRulesFromConfig(rates, addresses),
  )
  const recipient = place
    ? { city: place.city, district: place.district, resolved: true, notes: place.notes.map(noticeBilingual) }
    : { city: order.recipient.city, district: order.recipient.district, resolved: false, notes: [tried.ok ? '' : tried.error.message] }
  if (values.json) {
    io.stdout(`${JSON.stringify({ measure, recipient, strategy: rates.strategy, chosen, options })}\n`)
    return 0
  }
  io.stdout(
    `desi ${measure.desi} · ${measure.weightKg} kg · chargeable ${measure.chargeableKg} · ${recipient.district}/${recipient.city}${recipient.resolved ? '' : ' (unresolved)'}\n`,
  )
  for (const o of options) {
    const mark = chosen && o.carrierId === chosen.carrierId && o.serviceCode === chosen.serviceCode ? '→' : o.eligible ? ' ' : '×'
    const price = o.priceKurus === null ? '—' : `${(o.priceKurus / 100).toFixed(2)} TL`
    io.stdout(
      `${mark} ${o.name.padEnd(24)} ${price.padStart(11)}  band ${o.band}${o.distanceBand ? ` ${o.distanceBand}` : ''}  ${o.transitDays} gün  ${o.reason}\n`,
    )
  }
  return 0
}

export const quoteCommand: CliCommand = {
  name: 'quote',
  summary: 'Compare carriers for an order: price, band, transit days and why',
  usage:
    'station quote --input ORDER.json [--rate-cards CARDS.csv|CARDS.xlsx] [--data DIR] [--strategy cheapest|fastest] [--json]\n' +
    '  ORDER.json: the carrier-neutral order of `station ship` (sender, recipient, packages, codAmountKurus, mandatedCarrierId).\n' +
    "  Rate cards: --rate-cards, else the station's station.json (--data DIR), else the built-in demo cards.\n" +
    '  --json prints {"measure","recipient","strategy","chosen","options":[{carrierId,serviceCode,name,contract,eligible,\n' +
    '  priceKurus,band,distanceBand,transitDays,reason,reasonCode}]} — every card, eligible or excluded, with the reason.\n' +
    'Exit 0 with a comparison (even when no carrier is eligible: chosen is null), 2 on bad flags or files.',
  run,
}
