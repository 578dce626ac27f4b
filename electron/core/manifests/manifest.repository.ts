import type { Manifest, ManifestLine } from '../../../shared/contract/views'
import type { Address } from '../../../shared/domain/address'
import type { Db } from '../db/database'
import { shipmentsWithOrders } from '../shipping/shipments.repository'

export type { Manifest, ManifestLine }

const TR_OFFSET_MS = 3 * 3_600_000

/** The UTC instants [from, to) of a Turkish calendar day. */
export function turkeyDayRange(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00Z`) - TR_OFFSET_MS
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() }
}

export function turkeyToday(now = new Date()): string {
  return new Date(now.getTime() + TR_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * The end-of-day list handed to a carrier's courier: every shipment of `carrierId` bought (or
 * labelled offline) on `day`, cancelled ones left out, with totals the courier signs for.
 */
export async function buildManifest(db: Db, input: { carrierId: string; carrierName: string; day: string; sender: string }): Promise<Manifest> {
  const { from, to } = turkeyDayRange(input.day)
  const rows = await shipmentsWithOrders(db)
    .select([
      'orders.id as orderId',
      'orders.order_number',
      'orders.recipient_json',
      'orders.cod_amount_kurus',
      'shipments.tracking_number',
      'shipments.barcode',
      'shipments.status',
      'shipments.offline_labelled_at',
    ])
    .where('shipments.carrier_id', '=', input.carrierId)
    .where((eb) =>
      eb.or([
        eb('shipments.status', '=', 'purchased'),
        eb.and([eb('shipments.status', '=', 'purchasing'), eb('shipments.offline_labelled_at', 'is not', null)]),
      ]),
    )
    .where('shipments.created_at', '>=', from)
    .where('shipments.created_at', '<', to)
    .orderBy('shipments.created_at')
    .execute()
  const lines: ManifestLine[] = []
  for (const r of rows) {
    const pkgs = await db.selectFrom('packages').select(['desi_milli', 'weight_grams']).where('order_id', '=', r.orderId).execute()
    const recipient = JSON.parse(r.recipient_json) as Address
    lines.push({
      orderNumber: r.order_number,
      trackingNumber: r.tracking_number ?? '',
      barcode: r.barcode ?? '',
      recipientName: recipient.name,
      city: recipient.city,
      district: recipient.district,
      packages: Math.max(1, pkgs.length),
      desi: pkgs.reduce((s, p) => s + p.desi_milli, 0) / 1000,
      weightKg: pkgs.reduce((s, p) => s + p.weight_grams, 0) / 1000,
      codAmountKurus: r.cod_amount_kurus,
      pendingRegistration: r.status === 'purchasing',
    })
  }
  const sum = (f: (l: ManifestLine) => number) => lines.reduce((s, l) => s + f(l), 0)
  return {
    carrierId: input.carrierId,
    carrierName: input.carrierName,
    day: input.day,
    sender: input.sender,
    lines,
    totals: {
      shipments: lines.length,
      packages: sum((l) => l.packages),
      desi: Math.round(sum((l) => l.desi) * 100) / 100,
      weightKg: Math.round(sum((l) => l.weightKg) * 1000) / 1000,
      codKurus: sum((l) => l.codAmountKurus ?? 0),
    },
  }
}
