import { trFold } from '../../../../shared/domain/address'
import { TrackingStatus } from '../../../../shared/domain/shipment'

/**
 * PTT tracking → our vocabulary (docs/reference/carriers.md §12, PTT column). PTT has no status enum: its
 * gonderiSorgu events carry only a text (ISLEM), and the header's TESALAN (who signed) appears once
 * delivered (§4). So the raw code is one the connector sets: TESALAN for the delivery the header
 * proves, or the event's siraNo (a sequence number, never read as a status); the text decides with
 * §12's "Rules of thumb" keyword rules, in the order below. A text no rule knows maps to null (keep
 * the previous status), never to delivered.
 */
export const PttRawCode = {
  /** The header's TESALAN is present: delivered to that person (§4, §12). */
  delivered: 'TESALAN',
} as const

type Rule = Readonly<{ test: RegExp; status: TrackingStatus }>

// Texts are folded first (Turkish case, ı/İ, ş, ğ, ü, ö, ç → ASCII), so "İADE", "IADE" and "iade" match alike.
const RULES: readonly Rule[] = [
  // §12: iptal → cancelled (barkodVeriSil itself leaves no event; a PTT-side cancel may).
  { test: /\biptal/, status: TrackingStatus.cancelled },
  // §12: "iade edil|göndericiye teslim" → returned to the sender, before any "teslim edildi" reading.
  { test: /iade edil|gondericiye teslim|gondericisine teslim|iade teslim/, status: TrackingStatus.returnedToSender },
  // §12 PTT column: text "iade" → the return is under way.
  { test: /\biade/, status: TrackingStatus.returnInTransit },
  // A delivery attempt that failed: "teslim edilemedi", receiver not found / not at the address, address insufficient.
  { test: /teslim edilemedi|edilemedi|bulunamadi|adreste yok|adres(te)? (yetersiz|hatali|eksik)|kabul etmedi|alici yok/, status: TrackingStatus.failedAttempt },
  // §12: "teslim edildi" without "edilemedi" (ruled out above) → delivered; "muhataba teslim" is PTT's wording too.
  { test: /teslim edildi|muhataba teslim|aliciya teslim/, status: TrackingStatus.delivered },
  // §12: "dağıtım" → out for delivery, but not a hub name ("Dağıtım Merkezi") which is still in transit.
  { test: /dagitim merkez/, status: TrackingStatus.inTransit },
  { test: /dagitim|kuryeye verildi|dagitici/, status: TrackingStatus.outForDelivery },
  // §12 PTT column: the first kabul (acceptance at the branch) → picked up.
  { test: /kabul/, status: TrackingStatus.pickedUp },
  // §12 PTT column: "other events" → in transit; only the wordings of movement, so a new kind of text stays unknown.
  { test: /sevk|transfer|aktarma|cikis|cikarildi|gelen|gonderildi|ulasti|varis|yolda|merkez|isleme alindi|torbaya|kapak/, status: TrackingStatus.inTransit },
]

/** `rawCode` TESALAN → delivered; otherwise the event text decides (null when no rule knows it). */
export function normalizePttStatus(rawCode: string, rawText: string): TrackingStatus | null {
  if (rawCode.trim().toUpperCase() === PttRawCode.delivered) return TrackingStatus.delivered
  const text = trFold(rawText)
  if (text === '') return null
  return RULES.find((r) => r.test.test(text))?.status ?? null
}
