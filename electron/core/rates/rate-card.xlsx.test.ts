import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { failure } from '../../../tests/support/app-error'
import { ErrorCode } from '../../../shared/errors'
import { rateCardsFromCsv, rateCardsToCsv } from '../../../shared/rates/rate-card.csv'
import { RATE_CARD_COLUMNS } from '../../../shared/rates/rate-card.table'
import { DEFAULT_RATE_CARDS } from './default-rate-cards'
import { RATE_CARD_SHEET, rateCardsFromXlsx, rateCardsToXlsx } from './rate-card.xlsx'

const fixtureCards = rateCardsFromCsv(readFileSync(new URL('../../../tests/fixtures/rates/cards.csv', import.meta.url), 'utf8'))

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Sayfa1').addRows(rows)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

describe('rate cards XLSX', () => {
  it.each([
    ['the fixture cards', fixtureCards],
    ['the built-in cards', DEFAULT_RATE_CARDS],
  ])('round-trips %s, and agrees with the CSV', async (_name, cards) => {
    const xlsx = await rateCardsToXlsx(cards)
    const back = await rateCardsFromXlsx(xlsx)
    expect(back).toEqual(cards)
    expect(rateCardsFromCsv(rateCardsToCsv(back))).toEqual(back)
  })

  it('writes the documented header and number cells', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await rateCardsToXlsx(fixtureCards)) as unknown as Parameters<typeof wb.xlsx.load>[0])
    const ws = wb.getWorksheet(RATE_CARD_SHEET)!
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...RATE_CARD_COLUMNS])
    expect(ws.getRow(2).getCell(RATE_CARD_COLUMNS.indexOf('price_try') + 1).value).toBe(89)
    expect(ws.getRow(2).getCell(RATE_CARD_COLUMNS.indexOf('cod_fee_try') + 1).value).toBe(25)
  })

  it('reads a hand-made sheet: text cells with Turkish decimals, rich text, formula results', async () => {
    const row = [
      'aras',
      'std',
      { richText: [{ text: 'Aras ' }, { text: 'Kargo' }] },
      'own',
      0,
      2,
      'evet',
      '22,50',
      null,
      30,
      null,
      null,
      '4,80',
      null,
      1,
      'yakın',
      { formula: 'A1', result: 84.9 },
    ]
    const [card] = await rateCardsFromXlsx(await sheet([[...RATE_CARD_COLUMNS], row]))
    expect(card).toMatchObject({
      name: 'Aras Kargo',
      codFeeKurus: 2250,
      extraKgKurus: 480,
      bands: [{ upToKg: 1, priceKurus: 8490, distancePricesKurus: { yakin: 8490 } }],
    })
  })

  it('refuses a bad cell with its sheet row and column, importing nothing', async () => {
    const good = ['aras', 'std', 'Aras', 'own', 0, 2, 'evet', 0, 0, 30, null, null, 0, null, 1, null, 80]
    const bad = [...good]
    bad[RATE_CARD_COLUMNS.indexOf('up_to_kg')] = 5
    bad[RATE_CARD_COLUMNS.indexOf('price_try')] = '1.500'
    const e = await failure(rateCardsFromXlsx(await sheet([[...RATE_CARD_COLUMNS], good, [], bad])))
    expect(e).toMatchObject({ code: ErrorCode.inputInvalid, retryable: false })
    expect(e.meta.errors).toEqual([expect.objectContaining({ line: 4, column: 'price_try' })])
    expect(e.message).toMatch(/Sayfa1.*satır 4, price_try: belirsiz sayı/)
  })

  it('refuses a file that is not XLSX, and a workbook without sheets', async () => {
    expect((await failure(rateCardsFromXlsx(Buffer.from('carrier_id;name\n')))).message).toMatch(
      /XLSX okunamadı \(XLSX\): dosya bozuk ya da XLSX değil \/ XLSX unreadable/,
    )
    const empty = Buffer.from((await new ExcelJS.Workbook().xlsx.writeBuffer()) as ArrayBuffer)
    expect((await failure(rateCardsFromXlsx(empty))).message).toMatch(/XLSX içinde sayfa yok/)
  })
})
