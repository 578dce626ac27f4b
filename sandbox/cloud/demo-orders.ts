import type { CloudOrder } from '../../shared/contract/cloud'
import { withGs1CheckDigit } from '../../shared/gs1'

const gtin = (n: number) => withGs1CheckDigit(`869${String(n).padStart(9, '0')}`)

/** The demo catalogue: real-looking Turkish products with valid EAN-13 codes (869 = GS1 Türkiye) and unit sizes. */
export const DEMO_PRODUCTS = [
  { sku: 'KUPA-01', gtin: gtin(1001), name: 'Seramik kupa, Ege mavisi', unitWeightGrams: 350, sizeMm: { lengthMm: 120, widthMm: 90, heightMm: 100 } },
  { sku: 'CAY-500', gtin: gtin(1002), name: 'Rize çayı 500 g', unitWeightGrams: 520, sizeMm: { lengthMm: 160, widthMm: 80, heightMm: 80 } },
  { sku: 'HAVLU-02', gtin: gtin(1003), name: 'Pamuk havlu 50×90', unitWeightGrams: 400, sizeMm: { lengthMm: 250, widthMm: 180, heightMm: 60 } },
  { sku: 'KITAP-03', gtin: gtin(1004), name: 'Roman, karton kapak', unitWeightGrams: 300, sizeMm: { lengthMm: 200, widthMm: 130, heightMm: 25 } },
  { sku: 'LOKUM-04', gtin: gtin(1005), name: 'Güllü lokum 250 g', unitWeightGrams: 270, sizeMm: { lengthMm: 150, widthMm: 100, heightMm: 50 } },
  { sku: 'SABUN-05', gtin: gtin(1006), name: 'Zeytinyağlı sabun', unitWeightGrams: 130, sizeMm: { lengthMm: 90, widthMm: 60, heightMm: 30 } },
] as const

/** Demo recipients with Turkish letters in every field a label prints. */
export const DEMO_RECIPIENTS = [
  {
    name: 'Ğülşen Çağlayan İnce',
    address: 'Cemal Gürsel Caddesi No:42 Daire:5 Bostanlı Mahallesi',
    district: 'Karşıyaka',
    city: 'İzmir',
    postalCode: '35540',
    phone: '+905359876543',
  },
  { name: 'Şükrü Öztürk', address: 'Atatürk Bulvarı No:125 Kat:3', district: 'Çankaya', city: 'Ankara', postalCode: '06690', phone: '+905551234567' },
  { name: 'Ayşe Yıldız', address: 'Moda Caddesi No:18 D:2', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+905321112233' },
  { name: 'Mehmet Ali Güneş', address: 'İnönü Mahallesi 1453 Sokak No:7', district: 'Nilüfer', city: 'Bursa', postalCode: '16110', phone: '+905449998877' },
  { name: 'İrem Doğan', address: 'Konyaaltı Caddesi No:64', district: 'Muratpaşa', city: 'Antalya', postalCode: '07100', phone: '+905301234567' },
]

/** The demo's multi-package order, KJ1007 (and the 7th of every later batch), ships in this many parcels. */
export const DEMO_MULTI_PARCELS = 3

/**
 * The products of the i-th order of a generated sequence (i ≥ 0): even ones have two lines (one of
 * product i, two of product i+2), odd ones a single product i.
 */
export function demoOrderProducts(i: number) {
  const p1 = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length]!
  const p2 = DEMO_PRODUCTS[(i + 2) % DEMO_PRODUCTS.length]!
  return i % 2 === 0
    ? [
        { ...p1, quantity: 1 },
        { ...p2, quantity: 2 },
      ]
    : [{ ...p1, quantity: 1 }]
}

/**
 * Deterministic demo orders: SIP-1001… with order barcodes KJ1001…; every third one is cash on
 * delivery. `skip` starts further along the same sequence (skip 12 → KJ1013…).
 */
export function demoOrders(count = 12, skip = 0): CloudOrder[] {
  return Array.from({ length: count }, (_, k) => {
    const i = skip + k
    const n = 1001 + i
    const lines = demoOrderProducts(i)
    return {
      id: `demo-order-${n}`,
      orderNumber: `SIP-${n}`,
      barcode: `KJ${n}`,
      marketplace: ['Trendyol', 'Hepsiburada', 'n11', null][i % 4] ?? null,
      status: 'open' as const,
      version: 1,
      recipient: DEMO_RECIPIENTS[i % DEMO_RECIPIENTS.length]!,
      codAmountKurus: i % 3 === 2 ? 13452 + i * 1000 : null,
      mandatedCarrierId: null,
      // The 7th of each batch (KJ1007, KJ1019, …) ships in three parcels (issue 12: multi-package orders).
      ...(i % 12 === 6 ? { parcelCount: DEMO_MULTI_PARCELS } : {}),
      lines: lines.map((l) => ({ sku: l.sku, gtin: l.gtin, name: l.name, quantity: l.quantity, unitWeightGrams: l.unitWeightGrams, sizeMm: l.sizeMm })),
    }
  })
}

export const DEMO_PACKERS = [
  { id: 'packer-1', name: 'Ayşe Paketçi', badge: 'P1001', role: 'packer' as const },
  { id: 'packer-2', name: 'Emre Kaya', badge: 'P1002', role: 'packer' as const },
  { id: 'super-1', name: 'Mehmet Şef', badge: 'S9001', role: 'supervisor' as const },
  // Issue 12: costs and reports are for managers; station settings for admins. No PIN in the demo.
  { id: 'manager-1', name: 'Derya Müdür', badge: 'M5001', role: 'manager' as const },
  { id: 'admin-1', name: 'Ali Yönetici', badge: 'A7001', role: 'admin' as const },
]
