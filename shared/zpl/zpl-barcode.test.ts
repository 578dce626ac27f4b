import { describe, expect, it } from 'vitest'
import { countZplLabels, firstBarcodeInZpl } from './zpl-barcode'

describe('firstBarcodeInZpl', () => {
  it.each([
    ['Code 128 after ^BY', '^XA^FO60,340^BY3^BCN,200,Y,N,N^FD733000000001^FS^XZ', '733000000001'],
    ['^FH hex escapes', '^XA^FO60,340^BY3^BCN,200,Y,N,N^FH_^FDAB_5FC^FS^XZ', 'AB_C'],
    ['Code 39', '^XA^FO10,10^B3N,N,100,Y,N^FDTEX123^FS^XZ', 'TEX123'],
    ['QR with mode prefix', '^XA^FO10,10^BQN,2,5^FDQA,https://t.example/1^FS^XZ', 'https://t.example/1'],
    ['text before the barcode is skipped', '^XA^FO40,40^A0N,44,44^FDTrendyol Express^FS^FO60,340^BCN,200^FD7330001^FS^XZ', '7330001'],
    ['a label without a barcode', '^XA^FO40,40^A0N,44,44^FDHello^FS^XZ', null],
    ['an empty barcode field', '^XA^BCN,100^FD^FS^XZ', null],
  ])('%s', (_name, zpl, expected) => {
    expect(firstBarcodeInZpl(zpl)).toBe(expected)
  })

  it('counts labels', () => {
    expect(countZplLabels('^XA^FDa^FS^XZ\n^XA^FDb^FS^XZ')).toBe(2)
  })
})
