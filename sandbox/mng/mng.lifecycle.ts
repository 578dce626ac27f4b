import { MngStatusName, MngStatusNameEn, turkeyDateTime } from './mng.config'
import type { EmulatedOrder, EmulatedShipment } from './mng.state'

/**
 * The status chain of a shipment (docs/reference/carriers.md §3 codes, §14 "codes 1–8"): 1 prepared → 2 in
 * transfer → 3 at the delivery unit → 4 directed to the address → 5 delivered; 6 not delivered goes
 * back to 4 (next attempt); 7 returning and 8 support needed end the chain until a test moves them.
 */
const NEXT: Readonly<Record<number, number | null>> = { 1: 2, 2: 3, 3: 4, 4: 5, 5: null, 6: 4, 7: null, 8: null }

const DESCRIPTION: Readonly<Record<number, string>> = {
  1: 'Gönderi kaydı oluşturuldu',
  2: 'Gönderi transfer merkezine yüklendi',
  3: 'Gönderi teslimat şubesine ulaştı',
  4: 'Gönderi dağıtıma çıkarıldı',
  5: 'Gönderi alıcıya teslim edildi',
  6: 'Alıcı adreste bulunamadı',
  7: 'Gönderi göndericiye geri dönüyor',
  8: 'Gönderi için destek kaydı açıldı',
}

function locationOf(order: EmulatedOrder, code: number): string {
  const r = order.body.recipient
  if (code === 1) return 'İSTANBUL ESENYURT ŞUBE'
  if (code === 2 || code === 7) return 'İSTANBUL AKTARMA MERKEZİ'
  return `${r.districtName || 'TESLİMAT'} ŞUBE`.trim()
}

/** Appends the event of moving to `code` (the shipment's new status). */
export function addEvent(order: EmulatedOrder, s: EmulatedShipment, code: number, now: number, withSpaces: boolean): void {
  const name = MngStatusName[code] ?? String(code)
  s.statusCode = code
  if (code === 5) s.deliveredAt = now
  s.events.push({
    code,
    eventStatus: withSpaces ? name.replaceAll('_', ' ') : name,
    eventStatusEn: MngStatusNameEn[code] ?? String(code),
    eventDateTime: turkeyDateTime(now, '-'),
    location: locationOf(order, code),
    description: DESCRIPTION[code] ?? '',
  })
}

/** One step along the chain, or straight to `to` (1–8). Throws on a cancelled or finished shipment. */
export function advance(order: EmulatedOrder, s: EmulatedShipment, now: number, withSpaces: boolean, to?: number): EmulatedShipment {
  if (s.cancelled) throw new Error(`shipment ${s.shipmentId} is cancelled`)
  const target = to ?? NEXT[s.statusCode] ?? null
  if (target === null) throw new Error(`shipment ${s.shipmentId} has no next status after ${s.statusCode}`)
  if (!Number.isInteger(target) || target < 1 || target > 8) throw new Error(`unknown status ${target}`)
  addEvent(order, s, target, now, withSpaces)
  return s
}
