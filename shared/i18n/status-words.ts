import { ShipmentStatus, TrackingStatus } from '../domain/shipment'
import type { Lang } from './notice-text'

type Word = Readonly<{ tr: string; en: string }>

/**
 * The words for a shipment's row status and its normalized tracking status (shared/domain/shipment.ts), in both
 * languages. Issue 12 "Status text": the raw English word in a Turkish upper-cased title read "PURCHASİNG".
 */
export const STATUS_WORDS: Readonly<Record<ShipmentStatus | TrackingStatus, Word>> = {
  [ShipmentStatus.purchasing]: { tr: 'satın alınıyor', en: 'purchasing' },
  [ShipmentStatus.purchased]: { tr: 'satın alındı', en: 'purchased' },
  [ShipmentStatus.failed]: { tr: 'başarısız', en: 'failed' },
  [TrackingStatus.cancelled]: { tr: 'iptal edildi', en: 'cancelled' },
  [TrackingStatus.created]: { tr: 'oluşturuldu', en: 'created' },
  [TrackingStatus.pickedUp]: { tr: 'teslim alındı', en: 'picked up' },
  [TrackingStatus.inTransit]: { tr: 'yolda', en: 'in transit' },
  [TrackingStatus.outForDelivery]: { tr: 'dağıtımda', en: 'out for delivery' },
  [TrackingStatus.delivered]: { tr: 'teslim edildi', en: 'delivered' },
  [TrackingStatus.failedAttempt]: { tr: 'teslim edilemedi', en: 'delivery attempt failed' },
  [TrackingStatus.delayed]: { tr: 'gecikmede', en: 'delayed' },
  [TrackingStatus.exception]: { tr: 'sorunlu', en: 'exception' },
  [TrackingStatus.returnInTransit]: { tr: 'iade yolda', en: 'return in transit' },
  [TrackingStatus.returnedToSender]: { tr: 'göndericiye döndü', en: 'returned to sender' },
}

/** A status word in one language; a status the table does not know is shown as it came, not hidden. */
export function statusWord(status: string, lang: Lang): string {
  return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status as keyof typeof STATUS_WORDS][lang] : status
}
