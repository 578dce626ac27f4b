import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const dir = tempDirForFile('kj-quote-')

const cli = runCli

const order = {
  orderNumber: 'SIP-7',
  sender: { name: 'Depo', address: 'Büyükdere Cd. 185', district: 'Şişli', city: 'İstanbul' },
  recipient: { name: 'Ayşe', address: 'Moda Cd. 18', district: 'Kadıköy', city: 'İstanbul' },
  packages: [{ lengthCm: 30, widthCm: 20, heightCm: 20, weightKg: 1 }],
  codAmountKurus: 15000,
}

const CARDS = [
  'carrier_id,service_code,name,contract,commission_pct,transit_days,supports_cod,cod_fee_try,fuel_pct,max_chargeable_kg,extra_kg_try,up_to_kg,distance_band,price_try',
  'yurtici,GO,Yurtiçi Kargo,own,,2,evet,"25,00",0,30,"4,50",5,sehir_ici,"60,00"',
  'yurtici,GO,Yurtiçi Kargo,own,,2,evet,"25,00",0,30,"4,50",5,uzun,"95,00"',
  'ptt,STD,PTT Kargo,own,,4,hayır,0,0,30,"4,00",5,,"50,00"',
  'aras,STD,Aras Kargo,platform,10,2,evet,"20,00",0,3,"4,00",3,,"55,00"',
].join('\n')

describe('station quote', () => {
  it('compares every card with price, band, distance band, transit days and the reason', async () => {
    const input = join(dir(), 'order.json')
    const cards = join(dir(), 'cards.csv')
    await writeFile(input, JSON.stringify(order))
    await writeFile(cards, CARDS)
    const r = await cli(['quote', '--input', input, '--rate-cards', cards, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const out = JSON.parse(r.stdout)
    expect(out.measure).toEqual({ desi: 4, weightKg: 1, chargeableKg: 4 })
    expect(out.recipient).toMatchObject({ city: 'İstanbul', district: 'Kadıköy', resolved: true })
    expect(out.chosen).toMatchObject({ carrierId: 'yurtici', priceKurus: 8500, distanceBand: 'sehir_ici', transitDays: 2 }) // 60 TL + 25 TL COD fee
    const byId = Object.fromEntries(out.options.map((o: { carrierId: string }) => [o.carrierId, o]))
    expect(byId.ptt).toMatchObject({ eligible: false, priceKurus: null })
    expect(byId.ptt.reason).toMatch(/Kapıda ödeme/)
    expect(byId.aras).toMatchObject({ eligible: false })
    expect(byId.aras.reason).toMatch(/sınır|limit/)
  })

  it('text output marks the chosen carrier', async () => {
    const input = join(dir(), 'order2.json')
    await writeFile(input, JSON.stringify({ ...order, codAmountKurus: null }))
    const r = await cli(['quote', '--input', input])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^→ /m)
  })

  it.each([
    ['no input', ['quote'], /--input/],
    ['bad strategy', ['quote', '--input', '/x.json', '--strategy', 'random'], /cannot read|--strategy/],
  ])('%s → exit 2', async (_n, argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('a rate-card file with a bad cell is refused with its line and column', async () => {
    const input = join(dir(), 'order3.json')
    const cards = join(dir(), 'bad.csv')
    await writeFile(input, JSON.stringify(order))
    await writeFile(cards, CARDS.replace('"60,00"', '"altmış"'))
    const r = await cli(['quote', '--input', input, '--rate-cards', cards])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/price_try/)
  })
})
