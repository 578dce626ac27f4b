import type { ArasDevirCode } from '../../protocols/aras/aras.codes'
import type { ArasState, EmulatedOrder } from './aras.state'

/**
 * The status chain of an Aras order (docs/reference/carriers.md §2, §14): stored (no waybill) → 1 at the origin
 * branch → 2 on the way → 3 at the delivery branch → 4 out for delivery → 6 delivered; side roads
 * 5 partial delivery, 7 redirected (TIP 2), a return (TIP 3) and the devir (non-delivery) codes.
 */

export const DURUM_TEXT: Readonly<Record<number, readonly [tr: string, en: string]>> = {
  1: ['Çıkış şubesinde', 'At origin branch'],
  2: ['Yolda', 'On the way'],
  3: ['Teslimat şubesinde', 'At delivery branch'],
  4: ['Teslimatta', 'Out for delivery'],
  5: ['Kısmi teslim edildi', 'Partially delivered'],
  6: ['Teslim edildi', 'Delivered'],
  7: ['Yönlendirildi', 'Redirected'],
}

/** The devir (non-delivery) codes: protocols/aras/aras.codes.ts, shared with the connector. */
export type DevirCode = ArasDevirCode

/** Their meaning (§2), in Turkish as the emulator shows it. */
export const DEVIR_TEXT: Readonly<Record<DevirCode, string>> = {
  AY: 'Adres yanlış',
  NT: 'Not bırakıldı',
  MD: 'Mobil dağıtım günü',
  TL: 'Resmi tatil',
  ŞA: 'Alıcı şubeden alacak',
  AD: 'Dağıtım alanı dışında',
  TG: 'Bugün teslim edilmedi',
  AA: 'Alıcı tanınmıyor',
  HT: 'Hasarlı / alıcı reddetti',
  KG: 'Gümrükte',
  PR: 'Pratik 7/24 noktasında',
  ÜR: 'Alıcı ücreti ödemek istemedi',
  KE: 'Alıcı kargoyu kabul etmedi',
  TT: 'Tercihli teslimat',
  PS: 'Parça sorunu',
  TO: 'Toplumsal olaylar',
}

const MOVEMENT: Readonly<Record<number, readonly [event: string, description: string]>> = {
  1: ['Kargo kabul edildi', 'Gönderi çıkış şubesinde'],
  2: ['Transfer merkezine gönderildi', 'Gönderi yolda'],
  3: ['Varış şubesine ulaştı', 'Gönderi teslimat şubesinde'],
  4: ['Dağıtıma çıkarıldı', 'Kurye dağıtımda'],
  5: ['Kısmi teslimat yapıldı', 'Parçaların bir kısmı teslim edildi'],
  6: ['Teslim edildi', 'Gönderi alıcıya teslim edildi'],
  7: ['Yönlendirildi', 'Gönderi başka adrese yönlendirildi'],
}

/** A DURUM_KODU, a return ('return' under way, 'returned' back with the sender) or a devir code. */
export type AdvanceTarget = '1' | '2' | '3' | '4' | '5' | '6' | '7' | 'return' | 'returned' | DevirCode

const CHAIN = [1, 2, 3, 4, 6]

function branchOf(o: EmulatedOrder): string {
  return `${(o.fields.ReceiverTownName ?? '').trim() || 'MERKEZ'} ŞUBE`
}

function move(state: ArasState, o: EmulatedOrder, nowMs: number, durum: number, event: string, description: string): void {
  if (o.durum === null) o.trackingNumber ??= state.nextTrackingNumber() // the waybill is cut: the tracking number exists now
  // Movements keep their order even when a test advances twice within one millisecond.
  const last = o.movements.at(-1)?.atMs ?? 0
  const atMs = Math.max(nowMs, last + 1000)
  const unit = durum <= 1 ? 'ÇIKIŞ ŞUBE' : durum === 2 ? 'TRANSFER MERKEZİ' : branchOf(o)
  o.movements.push({ atMs, unit, event, description })
  o.durum = durum
  o.updatedAtMs = atMs
  if (durum === 6 || durum === 5) {
    o.deliveredAtMs = atMs
    o.receivedBy = o.tip === '3' ? 'GÖNDERİCİ' : (o.fields.ReceiverName ?? '').trim()
  }
}

/**
 * One step on (no target), or on through the chain to `to`. Throws on what cannot happen (a
 * cancelled or finished order, a target behind the current state).
 */
export function advance(state: ArasState, o: EmulatedOrder, nowMs: number, to?: AdvanceTarget | string): void {
  if (o.cancelledAtMs !== null) throw new Error(`order ${o.integrationCode} is cancelled`)
  const finished = o.durum === 6 || o.durum === 5
  if (finished) throw new Error(`order ${o.integrationCode} is already finished (DURUM ${o.durum})`)
  const stepTo = (target: number) => {
    for (const d of CHAIN) {
      if (d > target) break
      if (o.durum !== null && d <= o.durum) continue
      const [event, description] = MOVEMENT[d] as readonly [string, string]
      o.devir = ''
      move(state, o, nowMs, d, event, description)
    }
  }
  if (to === undefined) {
    const next = CHAIN.find((d) => o.durum === null || d > (o.durum === 7 ? 3 : o.durum))
    return stepTo(next ?? 6)
  }
  const devirKey = to === 'UR' ? 'ÜR' : to === 'SA' ? 'ŞA' : to
  if (Object.hasOwn(DEVIR_TEXT, devirKey)) {
    stepTo(4)
    o.devir = devirKey
    // After a failed attempt the parcel is back at the delivery branch (redirected ones stay 7).
    return move(state, o, nowMs, o.durum === 7 ? 7 : 3, 'Teslim edilemedi', DEVIR_TEXT[devirKey as DevirCode])
  }
  if (to === 'return' || to === 'returned') {
    stepTo(1)
    o.tip = '3'
    o.devir = ''
    move(state, o, nowMs, 2, 'İade sürecinde', 'Gönderi göndericiye geri dönüyor')
    if (to === 'returned') move(state, o, nowMs, 6, 'Göndericiye teslim edildi', 'Gönderi çıkış şubesinden göndericiye verildi')
    return
  }
  const target = Number(to)
  if (!Number.isInteger(target) || target < 1 || target > 7) throw new Error(`unknown target "${to}"`)
  if (o.durum !== null && target <= o.durum && target !== 7) throw new Error(`order ${o.integrationCode} is already at DURUM ${o.durum}`)
  if (target === 5 || target === 7) {
    stepTo(target === 5 ? 4 : 3)
    if (target === 7) o.tip = '2'
    const [event, description] = MOVEMENT[target] as readonly [string, string]
    return move(state, o, nowMs, target, event, description)
  }
  stepTo(target)
}
