import { trFold } from '../../../../shared/domain/address'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { SuratStatusCodes, type SuratStatusGroup } from '../../../../protocols/surat/surat.codes'

/**
 * Sürat KargonunDurumuSayi → our vocabulary, by HT's groups (protocols/surat/surat.codes.ts, docs/reference/carriers.md
 * §5): created, in transit, delivered, returned. Sürat publishes no meanings for these numbers (confidence L), so
 * nothing finer than HT's groups is claimed for them.
 */
const BY_GROUP: Readonly<Record<SuratStatusGroup, TrackingStatus>> = {
  created: TrackingStatus.created,
  onTheWay: TrackingStatus.inTransit,
  delivered: TrackingStatus.delivered,
  returned: TrackingStatus.returnedToSender,
}

export const SURAT_STATUS_CODES: Readonly<Record<number, TrackingStatus>> = Object.fromEntries(
  Object.entries(SuratStatusCodes).flatMap(([group, codes]) => codes.map((code) => [code, BY_GROUP[group as SuratStatusGroup]])),
)

/**
 * Text without a code (KargoTakipHareketDetayliV2 lines, tracking error messages). First §12's
 * "Rules of thumb" in their order: iptal → cancelled; "iade edil | göndericiye teslim" → returned;
 * "teslim edildi" without "edilemedi" → delivered; "dağıtım" → out for delivery. Then the words
 * SUR-TCG maps for Sürat (aktarma / transfer → in transit, kabul → picked up) and HT's stateOf
 * (oluşturuldu / bekleniyor → created). Folded with trFold; nothing matched → null.
 */
const KEYWORDS: readonly (readonly [RegExp, TrackingStatus])[] = [
  [/iptal/, TrackingStatus.cancelled],
  [/iade edil|gondericiye teslim/, TrackingStatus.returnedToSender],
  [/teslim edildi/, TrackingStatus.delivered],
  [/dagitim/, TrackingStatus.outForDelivery],
  [/aktarma|transfer/, TrackingStatus.inTransit],
  [/olusturuldu|bekleniyor/, TrackingStatus.created],
  [/kabul/, TrackingStatus.pickedUp],
]

function byKeyword(text: string): TrackingStatus | null {
  const t = trFold(text)
  for (const [re, status] of KEYWORDS) {
    if (status === TrackingStatus.delivered && /edilemedi/.test(t)) continue
    if (re.test(t)) return status
  }
  return null
}

/**
 * Pure: a known code wins (§12 "prefer a carrier's status code"); a code we do not know yields
 * the keyword reading except "delivered" (an unknown code never becomes delivered by guessing);
 * no code at all (history text) uses the keyword rules in full. Unknown → null.
 */
export function normalizeSuratStatus(rawCode: string, rawText: string): TrackingStatus | null {
  const code = rawCode.trim()
  if (code !== '') {
    const known = /^\d+$/.test(code) ? SURAT_STATUS_CODES[Number(code)] : undefined
    if (known) return known
    const guess = byKeyword(rawText)
    return guess === TrackingStatus.delivered ? null : guess
  }
  return byKeyword(rawText)
}
