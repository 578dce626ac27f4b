import type { CloudOrder } from '../../../shared/contract/cloud'
import { DEMO_RECIPIENTS, demoOrderProducts } from '../demo-orders'

const RECIPIENTS = [
  ...DEMO_RECIPIENTS,
  {
    name: 'Oğuz Kağan Şahin',
    address: 'Cumhuriyet Mahallesi Gazi Bulvarı No:9',
    district: 'Seyhan',
    city: 'Adana',
    postalCode: '01120',
    phone: '+905337654321',
  },
] as const

const MARKETPLACES = ['Trendyol', 'Hepsiburada', 'n11', null] as const

/** ZPL field data: ^ and ~ would end the field or start a command, so they go through ^FH as hex. */
const zplField = (text: string) => `^FH_^FD${text.replace(/[_^~]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`)}^FS`

/**
 * A marketplace-issued label, as a marketplace's own carrier contract hands it over: ZPL the desk must
 * print untouched (a carrier's ZPL passes through). Layout is ours; real marketplaces vary.
 */
export function marketplaceLabelZpl(o: Pick<CloudOrder, 'orderNumber' | 'marketplace' | 'recipient'>, trackingNumber: string): string {
  return [
    '^XA^CI28^PW812^LL1218',
    `^FO40,40^A0N,44,44${zplField(`${o.marketplace ?? 'Pazaryeri'} Express`)}`,
    `^FO40,110^A0N,30,30${zplField(o.orderNumber)}`,
    `^FO40,170^A0N,34,34${zplField(o.recipient.name)}`,
    `^FO40,215^A0N,28,28${zplField(o.recipient.address)}`,
    `^FO40,255^A0N,28,28${zplField(`${o.recipient.district} / ${o.recipient.city}`)}`,
    `^FO60,340^BY3^BCN,200,Y,N,N${zplField(trackingNumber)}`,
    '^XZ',
  ].join('\n')
}

/**
 * Order number n of the reference catalogue (n ≥ 1): ids `ref-000001`…, order numbers SIP-100001…,
 * barcodes KJR100001…; every third is cash on delivery; every `labelEvery`-th is a Trendyol order
 * that comes with a marketplace-issued label (0 = none).
 */
export function referenceOrder(n: number, labelEvery: number): Omit<CloudOrder, 'status' | 'version' | 'packedByStationId' | 'conflictStationIds'> {
  const i = n - 1
  const lines = demoOrderProducts(i)
  const withLabel = labelEvery > 0 && n % labelEvery === 0
  const marketplace = withLabel ? 'Trendyol' : (MARKETPLACES[i % MARKETPLACES.length] ?? null)
  const base = {
    id: `ref-${String(n).padStart(6, '0')}`,
    orderNumber: `SIP-${100000 + n}`,
    barcode: `KJR${100000 + n}`,
    marketplace,
    recipient: { ...RECIPIENTS[i % RECIPIENTS.length]! },
    codAmountKurus: i % 3 === 2 ? 13452 + (i % 50) * 1000 : null,
    mandatedCarrierId: null,
    lines: lines.map((l) => ({ sku: l.sku, gtin: l.gtin, name: l.name, quantity: l.quantity, unitWeightGrams: l.unitWeightGrams })),
  }
  return { ...base, marketplaceLabelZpl: withLabel ? marketplaceLabelZpl(base, `7330${String(n).padStart(10, '0')}`) : null }
}
