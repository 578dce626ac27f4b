import type { ReportView } from '../../../shared/contract/views'
import type { Db } from '../db/database'
import { allowedDeviationGrams, type WeightTolerance } from '../packing/packing.rules'
import { shipmentsWithOrders } from '../shipping/shipments.repository'

const EXCEPTION_ACTIONS = [
  'packing.override',
  'packing.cancelled',
  'label.reprint',
  'order.resumedAfterRestart',
  'order.addressUnresolved',
  'shipment.labelledOffline',
  'shipment.registrationRefused',
  'shipment.offlineBarcodeMismatch',
  'shipment.cancelled',
  // Returns: a manager sees what came back and why (the reason is in the detail).
  'return.created',
]

/** Manager reports straight from the station database: throughput, carrier mix and cost, mismatches, exceptions. */
export async function buildSummary(
  db: Db,
  range: { from: string; to: string },
  opts: { tolerance: WeightTolerance; carrierNames: ReadonlyMap<string, string> },
): Promise<ReportView> {
  const packed = await db
    .selectFrom('orders')
    .select(['id', 'order_number', 'packed_at', 'packed_by'])
    .where('status', '=', 'packed')
    .where('packed_at', '>=', range.from)
    .where('packed_at', '<=', range.to)
    .orderBy('packed_at')
    .execute()

  const first = packed[0]?.packed_at
  const last = packed.at(-1)?.packed_at
  // Throughput over the span actually worked (first to last packed order), at least a quarter hour.
  const spanHours = first && last ? Math.max(0.25, (Date.parse(last) - Date.parse(first)) / 3_600_000) : 1
  const packedPerHour = Math.round((packed.length / spanHours) * 10) / 10

  const shipments = await db
    .selectFrom('shipments')
    .select([
      'carrier_id',
      'service_code',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('cost_kurus').as('cost'),
      (eb) => eb.fn.sum<number>('charged_kurus').as('charged'),
    ])
    .where('status', '=', 'purchased')
    .where('updated_at', '>=', range.from)
    .where('updated_at', '<=', range.to)
    .groupBy(['carrier_id', 'service_code'])
    .execute()
  const byCarrier = shipments
    .map((r) => ({
      carrierId: r.service_code,
      name: opts.carrierNames.get(r.service_code) ?? r.carrier_id,
      count: Number(r.n),
      costKurus: Number(r.cost ?? 0),
      chargedKurus: Number(r.charged ?? 0),
    }))
    .sort((a, b) => b.count - a.count)

  // One price (docs/carriers.md "Where prices come from"): the report sums the desk's price (cost_kurus, the card price compared and
  // shown); where a carrier said it charges something else, the shipment is listed with both.
  const differing = await shipmentsWithOrders(db)
    .select([
      'orders.order_number',
      'shipments.carrier_id',
      'shipments.service_code',
      'shipments.cost_kurus',
      'shipments.charged_kurus',
      'shipments.updated_at',
    ])
    .where('shipments.status', '=', 'purchased')
    .where('shipments.updated_at', '>=', range.from)
    .where('shipments.updated_at', '<=', range.to)
    .where('shipments.cost_kurus', 'is not', null)
    .where('shipments.charged_kurus', 'is not', null)
    .whereRef('shipments.charged_kurus', '!=', 'shipments.cost_kurus')
    .execute()
  const priceDifferences = differing
    .map((r) => ({
      orderNumber: r.order_number,
      carrierName: opts.carrierNames.get(r.service_code) ?? r.carrier_id,
      costKurus: r.cost_kurus!,
      chargedKurus: r.charged_kurus!,
      differenceKurus: r.charged_kurus! - r.cost_kurus!,
      at: r.updated_at,
    }))
    .sort((a, b) => Math.abs(b.differenceKurus) - Math.abs(a.differenceKurus) || a.orderNumber.localeCompare(b.orderNumber))

  const pkgs = await db
    .selectFrom('packages')
    .innerJoin('orders', 'orders.id', 'packages.order_id')
    .select(['orders.order_number', 'packages.weight_grams', 'packages.expected_weight_grams'])
    .where('packages.created_at', '>=', range.from)
    .where('packages.created_at', '<=', range.to)
    .where('packages.expected_weight_grams', 'is not', null)
    .execute()
  const desiMismatches = pkgs
    .filter((p) => Math.abs(p.weight_grams - p.expected_weight_grams!) > allowedDeviationGrams(p.expected_weight_grams!, opts.tolerance))
    .map((p) => ({
      orderNumber: p.order_number,
      expectedGrams: p.expected_weight_grams!,
      measuredGrams: p.weight_grams,
      diffPct: Math.round(((p.weight_grams - p.expected_weight_grams!) / Math.max(1, p.expected_weight_grams!)) * 1000) / 10,
    }))

  const audits = await db
    .selectFrom('audit_log')
    .leftJoin('orders', 'orders.id', 'audit_log.order_id')
    .select(['audit_log.action', 'audit_log.at', 'audit_log.detail_json', 'orders.order_number'])
    .where('audit_log.action', 'in', EXCEPTION_ACTIONS)
    .where('audit_log.at', '>=', range.from)
    .where('audit_log.at', '<=', range.to)
    .orderBy('audit_log.seq', 'desc')
    .limit(100)
    .execute()

  const packers = await db
    .selectFrom('orders')
    .leftJoin('packers', 'packers.id', 'orders.packed_by')
    .select(['orders.packed_by', 'packers.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('orders.status', '=', 'packed')
    .where('orders.packed_at', '>=', range.from)
    .where('orders.packed_at', '<=', range.to)
    .groupBy('orders.packed_by')
    .execute()

  return {
    from: range.from,
    to: range.to,
    packedOrders: packed.length,
    packedPerHour,
    shipments: byCarrier.reduce((n, c) => n + c.count, 0),
    totalCostKurus: byCarrier.reduce((n, c) => n + c.costKurus, 0),
    totalChargedKurus: byCarrier.reduce((n, c) => n + c.chargedKurus, 0),
    byCarrier,
    priceDifferences,
    desiMismatches,
    exceptions: audits.map((a) => ({ orderNumber: a.order_number ?? '—', action: a.action, at: a.at, detail: a.detail_json })),
    byPacker: packers.map((p) => ({ packerId: p.packed_by ?? '—', name: p.name ?? 'otomatik / automatic', count: Number(p.n) })),
  }
}
