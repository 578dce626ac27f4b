import type { CloudOrder } from '../../../shared/contract/cloud'
import { demoOrders } from '../demo-orders'
import { marketplaceLabelZpl } from './order-generator'
import { startReferenceCloud, type ReferenceCloud, type ReferenceCloudOptions } from './reference-cloud'

/**
 * The demo desk as the reference cloud knows it: one station, one APIKEY. Fine on 127.0.0.1 (the
 * demo cloud listens nowhere else); never a key for a cloud on a network.
 */
export const DEMO_STATION = { id: 'demo-station', name: 'Demo masası', apiKey: 'demo-station-key' } as const

/** How many demo orders make one batch: KJ1001…KJ1012, the ones the README names. */
export const DEMO_BATCH = 12

/**
 * The demo's marketplace-label order: the 11th of each batch (KJ1011, KJ1023, …) arrives with the
 * marketplace's own ZPL label, which the desk prints untouched instead of buying one.
 */
export function withDemoMarketplaceLabel(order: CloudOrder, indexInBatch: number): CloudOrder {
  if (indexInBatch !== 10) return order
  const marketplace = order.marketplace ?? 'Trendyol'
  return {
    ...order,
    marketplace,
    marketplaceLabelZpl: marketplaceLabelZpl({ ...order, marketplace }, `7330${order.barcode.replace(/\D/g, '').padStart(10, '0')}`),
  }
}

export type DemoCloudOptions = Readonly<{
  port?: number
  /** The cloud's SQLite file (in the demo data folder, so a restart keeps what was packed); ':memory:' by default. */
  dbPath?: string
  /** Orders in a batch (default 12). */
  batchSize?: number
  /** Requests per minute per station (default the contract's 300). */
  rateLimit?: ReferenceCloudOptions['rateLimit']
  /** What GET /station/config sends beyond the defaults (tests: no rate cards, other carriers). */
  config?: ReferenceCloudOptions['config']
}>

export type DemoCloud = Readonly<{ cloud: ReferenceCloud; station: typeof DEMO_STATION; url: string }>

/**
 * Demo mode's cloud: the reference cloud (the contract's own implementation, docs/cloud-api.openapi.yaml)
 * with fault injection off, the demo station registered and the demo orders seeded. On a restart
 * over the same file nothing is seeded twice; once every demo order is packed or cancelled, the next
 * batch (KJ1013…) is added so the demo always has orders to pack.
 */
export async function startDemoReferenceCloud(options: DemoCloudOptions = {}): Promise<DemoCloud> {
  const cloud = await startReferenceCloud({
    port: options.port ?? 0,
    dbPath: options.dbPath,
    faults: [],
    marketplaceLabelEvery: 0,
    rateLimit: options.rateLimit,
    config: options.config,
  })
  try {
    if (!(await cloud.stations.get(DEMO_STATION.id))) await cloud.stations.create({ ...DEMO_STATION })
    await seedDemoOrders(cloud, options.batchSize ?? DEMO_BATCH)
  } catch (err) {
    await cloud.close()
    throw err
  }
  return { cloud, station: DEMO_STATION, url: cloud.url }
}

/**
 * Adds demo orders batch by batch until one batch has an order still to pack: the first start adds
 * KJ1001…, later starts add nothing until every order already there is packed or cancelled.
 */
export async function seedDemoOrders(cloud: ReferenceCloud, batchSize = DEMO_BATCH): Promise<string[]> {
  // 10,000 batches is far past any demo; the bound only keeps a broken store from looping for ever.
  for (let batch = 0; batch < 10_000; batch++) {
    const orders = demoOrders(batchSize, batch * batchSize).map(withDemoMarketplaceLabel)
    const states = await Promise.all(orders.map((o) => cloud.getOrder(o.id)))
    if (states.some((s) => s !== null && s.status === 'open' && !s.packedByStationId)) return []
    if (states.some((s) => s === null)) return cloud.addOrders(orders)
  }
  return []
}
