/**
 * Kolay Gelsin's CargoEventType values and their descriptions, read by the connector (electron/core/carriers/kolaygelsin)
 * and the emulator (sandbox/kolaygelsin). Source: the webhook table of Kolay Gelsin's integration document [KG]
 * (docs/reference/carriers.md §7); the published swagger.json (protocols/kolaygelsin/) lists most of them with the
 * same wording in CargoEventLogModelList.CargoEventType.
 */
export const KG_EVENT_TYPES: Readonly<Record<number, string>> = {
  1: 'Gönderi KG sisteminde oluşturuldu',
  2: 'Gönderenden toplama yapacak kurye yola çıktı',
  12: 'Toplama yapıldı',
  13: 'Toplama transfer merkezinde gönderi indirildi',
  14: 'Dağıtım transfer merkezinde gönderi indirildi',
  17: 'Dağıtım yapacak kuryenin aracına yüklendi',
  18: 'Dağıtım Kuryesi Transfer Merkezinden ayrıldı, teslimat adresine doğru yola çıktı',
  25: 'Alıcı adresi hatalı',
  26: 'Alıcı teslimat adresinde bulunamadı',
  28: 'Alıcı teslimatı reddetti',
  29: 'Gönderi teslim edildi',
  31: 'Gönderen tarafından gönderi durduruldu, gönderene iade edilecek',
  32: 'Alıcı talebi ile gönderinin iade gönderisi kaydedildi',
  33: 'Gönderi kayıp',
  35: 'Alıcı adresi problemli',
  39: 'Dağıtım görevi ertesi iş gününe devredildi',
  46: 'Devir depoya alınan gönderinin operasyonel iadesi kaydedildi',
  58: 'Hasar raporu oluşturuldu',
}

/**
 * The event types that start a return, by their descriptions above: 31 stopped by the sender, to be returned; 32 a
 * return registered at the recipient's request; 46 the operational return of a parcel taken to the holding depot.
 * After one of them, a 29 (delivered) is the return delivered to the sender (docs/reference/carriers.md §12).
 */
export const KG_RETURN_EVENT_TYPES: readonly number[] = [31, 32, 46]

/**
 * EventDetailModel with every field empty, as the webhook table of [KG] and CargoEventLogModel carry it when an event
 * has no details; an event fills in the fields it has (e.g. DeliveredPersonName on 29).
 */
export const KG_EMPTY_EVENT_DETAIL: Readonly<Record<string, string>> = {
  DeliveredPersonName: '',
  DeliveredPersonRole: '',
  DeliveryCancellationReason: '',
  PreviousDeliveryDate: '',
  NewDeliveryDate: '',
  PreviousDeliveryTime: '',
  NewDeliveryTime: '',
  PreviousPrice: '',
  ReturnShipmentId: '',
}
