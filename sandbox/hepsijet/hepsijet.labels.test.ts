import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRenderedLabels, decodeBarcodes, renderZplToPng } from '../../tests/support/zpl-render'
import { DEFAULT_ACCOUNT, resolveOptions } from './hepsijet.config'
import { desiSizeBand, trDisplayDate } from './hepsijet.labels'
import { sendDeliveryOrderEnhanced } from './hepsijet.operations'
import { HepsiJetState } from './hepsijet.state'

// The emulator's labels go through a real ZPL renderer (zebrash) and a real barcode reader (zbarimg).
const SIZE = { widthMm: 100, heightMm: 150, dpmm: 8 }
let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hepsijet-labels-'))
})
afterAll(() => rm(scratch, { recursive: true, force: true }))

function labels(receiverFirstName: string, totalParcels: number): string[] {
  const ctx = { opts: resolveOptions({ now: () => Date.UTC(2023, 6, 9, 9, 16) }), state: new HepsiJetState(), account: DEFAULT_ACCOUNT }
  const answer = sendDeliveryOrderEnhanced(ctx, {
    company: DEFAULT_ACCOUNT.company,
    delivery: {
      customerDeliveryNo: 'KJT7Q2M9X4B1C8D0',
      customerOrderId: 'SIP-1',
      totalParcels,
      desi: 9,
      deliveryType: 'RETAIL',
      deliverySlotOriginal: '0',
      deliveryDateOriginal: '2023-07-09',
      product: { productCode: 'HX_STD' },
      receiver: { companyCustomerId: 'C1', firstName: receiverFirstName, lastName: 'Polat', phone1: '5321234567' },
      recipientPerson: 'Mehmet Polat',
      recipientPersonPhone1: '5321234567',
      recipientAddress: { companyAddressId: 'A1', city: { name: 'İzmir' }, town: { name: 'Ödemiş' }, addressLine1: 'Hürriyet Mah. 1662. Sk.' },
      senderAddress: { companyAddressId: DEFAULT_ACCOUNT.senderAddressIds[0] },
    },
    currentXDock: { abbreviationCode: DEFAULT_ACCOUNT.xDockCodes[0] },
  })
  if (!answer.ok) throw new Error(answer.message)
  return (answer.data as { zplBarcodeDTOList: { zplBarcode: string }[] }).zplBarcodeDTOList.map((x) => x.zplBarcode)
}

describe('parcel ZPL', () => {
  it('renders on 100×150 mm and its Code 128 scans as the customerDeliveryNo', async () => {
    const [zpl] = labels('Mehmet', 1)
    const png = await renderZplToPng(zpl ?? '', SIZE)
    const path = join(scratch, 'label.png')
    await writeFile(path, png)
    expect(await decodeBarcodes(path)).toEqual(['KJT7Q2M9X4B1C8D0'])
    expect(zpl).toContain('ÖDEMİŞ / İZMİR')
    expect(zpl).toContain('ORTA 5 - 10 DESI')
    expect(zpl).toContain('09.07.2023 12:16')
  })

  it('one label per parcel, numbered n/N, and names cannot inject ZPL commands', async () => {
    const zpls = labels('A^XZ~B', 3)
    expect(await countRenderedLabels(zpls.join('\n'), SIZE)).toBe(3)
    expect(zpls.map((z) => /\^FD(\d\/\d)\^FS/.exec(z)?.[1])).toEqual(['1/3', '2/3', '3/3'])
    for (const z of zpls) expect(z.match(/\^XZ/g)).toHaveLength(1)
  })
})

describe('desiSizeBand', () => {
  it.each([
    [0.5, 'KÜÇÜK 0 - 5 DESI'],
    [4.99, 'KÜÇÜK 0 - 5 DESI'],
    [5, 'ORTA 5 - 10 DESI'],
    [9, 'ORTA 5 - 10 DESI'],
    [10, 'BÜYÜK 10 - 20 DESI'],
    [20, 'ÇOK BÜYÜK 20+ DESI'],
  ])('%d desi → %s', (desi, band) => {
    expect(desiSizeBand(desi)).toBe(band)
  })

  it('prints Turkey time', () => {
    expect(trDisplayDate(Date.UTC(2023, 11, 31, 22, 5))).toBe('01.01.2024 01:05')
    expect(trDisplayDate(Date.UTC(2023, 11, 31, 22, 5), false)).toBe('01.01.2024')
  })
})
