import { TrackingStatus } from '../../../../shared/domain/shipment'

/**
 * Kolay Gelsin CargoEventType → our tracking vocabulary (docs/reference/carriers.md §7 list, §12 Kolay Gelsin
 * column). Texts are Kolay Gelsin's own descriptions from its integration doc [KG] (webhook table),
 * used as rawText because the status query sends the code without words. Two §12 cells have no
 * code: "cancelled" is the CancelPickupAndDelivery answer itself, and "returned_to_sender" is the
 * return delivered, which kolaygelsin.timeline.ts derives from a 29 after a return event.
 */
export const KG_EVENTS: Readonly<Record<number, readonly [TrackingStatus, string]>> = {
  1: [TrackingStatus.created, 'Gönderi KG sisteminde oluşturuldu'],
  2: [TrackingStatus.created, 'Gönderenden toplama yapacak kurye yola çıktı'],
  12: [TrackingStatus.pickedUp, 'Toplama yapıldı'],
  13: [TrackingStatus.inTransit, 'Toplama transfer merkezinde gönderi indirildi'],
  14: [TrackingStatus.inTransit, 'Dağıtım transfer merkezinde gönderi indirildi'],
  17: [TrackingStatus.outForDelivery, 'Dağıtım yapacak kuryenin aracına yüklendi'],
  18: [TrackingStatus.outForDelivery, 'Dağıtım kuryesi transfer merkezinden ayrıldı, teslimat adresine doğru yola çıktı'],
  25: [TrackingStatus.failedAttempt, 'Alıcı adresi hatalı'],
  26: [TrackingStatus.failedAttempt, 'Alıcı teslimat adresinde bulunamadı'],
  28: [TrackingStatus.failedAttempt, 'Alıcı teslimatı reddetti'],
  29: [TrackingStatus.delivered, 'Gönderi teslim edildi'],
  31: [TrackingStatus.returnInTransit, 'Gönderen tarafından gönderi durduruldu, gönderene iade edilecek'],
  32: [TrackingStatus.returnInTransit, 'Alıcı talebi ile gönderinin iade gönderisi kaydedildi'],
  33: [TrackingStatus.exception, 'Gönderi kayıp'],
  35: [TrackingStatus.failedAttempt, 'Alıcı adresi problemli'],
  39: [TrackingStatus.delayed, 'Dağıtım görevi ertesi iş gününe devredildi'],
  46: [TrackingStatus.returnInTransit, 'Devir depoya alınan gönderinin operasyonel iadesi kaydedildi'],
  58: [TrackingStatus.exception, 'Hasar raporu oluşturuldu'],
}

export const KgEvent = { created: 1, pickedUp: 12, delivered: 29, stoppedBySender: 31 } as const

/** Events that start a return: a later 29 is the return delivered to the sender. */
export const KG_RETURN_EVENTS: ReadonlySet<number> = new Set([31, 32, 46])

/** Events that only happen once the parcel was collected: a cancel then starts a return (docs/reference/carriers.md §7). */
export const KG_AFTER_PICKUP: ReadonlySet<number> = new Set([12, 13, 14, 17, 18, 25, 26, 28, 29, 31, 32, 33, 35, 39, 46, 58])

/** The event number in "12", 12 or the swagger's "12: paket … teslim alındı"; null when there is none. */
export function kgEventCode(raw: unknown): number | null {
  const m = /^\s*(\d{1,4})\b/.exec(typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '')
  return m ? Number(m[1]) : null
}

/**
 * The code decides alone; an unknown code maps to null (keep the previous status), never to
 * delivered. `rawText` is taken for the common signature but not read (§12: code over text).
 */
export function normalizeKolayGelsinStatus(rawCode: string, rawText = ''): TrackingStatus | null {
  void rawText
  if (!/^\s*\d{1,4}\s*$/.test(rawCode)) return null
  return KG_EVENTS[Number(rawCode)]?.[0] ?? null
}
