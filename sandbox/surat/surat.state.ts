import type { LoggedHttpRequest } from '../common/http-emulator'
import { DEFAULT_STATUS_CHAIN, DELIVERED_CODES, RETURNED_CODES, SuratStatusText, type ResolvedOptions, type SuratOp } from './surat.config'

export type SuratHistoryEvent = Readonly<{ code: number; text: string; at: number; location: string }>

/** One shipment as the emulator stores it, keyed by our OzelKargoTakipNo (= WebSiparisKodu). */
export type EmulatedSuratShipment = {
  readonly ozelKargoTakipNo: string
  readonly cariKodu: string
  readonly createdVia: SuratOp
  /** The Gonderi fields as received (strings). */
  readonly gonderi: Readonly<Record<string, string>>
  /**
   * Gonderi.Iademi (docs/reference/carriers.md §5): a return, the parcel travels from the party the Gonderi names
   * back to the account. Absent reads false, as .NET's default for a bool.
   */
  readonly iademi: boolean
  /** Sürat's 14-digit barcode = KargoTakipNo; null until one is issued (GonderiyiKargoyaGonderYeni alone issues none). */
  barcode: string | null
  /** KargonunDurumuSayi. */
  statusCode: number
  history: SuratHistoryEvent[]
  /** Set by GonderiSil, or by GonderiGeriCek before the branch accepted the parcel. */
  cancelledBy: 'GonderiSil' | 'GonderiGeriCek' | null
  /** GonderiGeriCek after acceptance: the parcel travels back (next advance → 9). */
  recalled: boolean
  cancelReason: string | null
  readonly createdAt: number
}

export type SuratLoggedRequest = LoggedHttpRequest & { at: number }

export class SuratState {
  readonly shipments: EmulatedSuratShipment[] = []
  readonly requests: SuratLoggedRequest[] = []
  /** Result codes forced on the next create calls (038, 042, …), consumed in order. */
  readonly forcedCodes: string[] = []
  cloudflareBlocks = 0
  private nextBarcode: number

  constructor(private readonly opts: ResolvedOptions) {
    this.nextBarcode = opts.firstBarcode
  }

  issueBarcode(): string {
    const b = String(this.nextBarcode++).padStart(14, '0')
    return b.slice(-14)
  }

  /** The first stored shipment with this key (duplicates exist only with rejectDuplicates false). */
  find(key: string, cariKodu?: string): EmulatedSuratShipment | undefined {
    return this.shipments.find((s) => s.ozelKargoTakipNo === key && (cariKodu === undefined || s.cariKodu === cariKodu))
  }

  add(s: Omit<EmulatedSuratShipment, 'history' | 'statusCode' | 'cancelledBy' | 'recalled' | 'cancelReason' | 'createdAt'>): EmulatedSuratShipment {
    const now = this.opts.now()
    const shipment: EmulatedSuratShipment = { ...s, statusCode: 1, history: [], cancelledBy: null, recalled: false, cancelReason: null, createdAt: now }
    shipment.history.push({ code: 1, text: SuratStatusText[1] ?? '', at: now, location: locationFor(shipment, 1) })
    this.shipments.push(shipment)
    return shipment
  }

  /** Moves the shipment to `to`, or one step along the chain (a recalled one goes to 9). */
  advance(s: EmulatedSuratShipment, to?: number): EmulatedSuratShipment {
    if (s.cancelledBy) throw new Error(`shipment ${s.ozelKargoTakipNo} was cancelled (${s.cancelledBy})`)
    if (DELIVERED_CODES.has(s.statusCode) || RETURNED_CODES.has(s.statusCode)) throw new Error(`shipment ${s.ozelKargoTakipNo} is final (${s.statusCode})`)
    let next = to
    if (next === undefined) {
      const i = DEFAULT_STATUS_CHAIN.indexOf(s.statusCode)
      next = s.recalled ? 9 : (DEFAULT_STATUS_CHAIN[i + 1] ?? 6)
    }
    if (!Number.isInteger(next) || next < 1) throw new Error(`bad status ${next}`)
    // The branch issues Sürat's own number when it accepts a parcel registered without one (HT).
    if (next >= 2 && s.barcode === null) s.barcode = this.issueBarcode()
    s.statusCode = next
    s.history.push({ code: next, text: SuratStatusText[next] ?? `Durum ${next}`, at: this.opts.now(), location: locationFor(s, next) })
    return s
  }
}

function locationFor(s: EmulatedSuratShipment, code: number): string {
  const il = s.gonderi.Il ?? ''
  const ilce = s.gonderi.Ilce ?? ''
  if (code === 3 || code === 4) return 'Aktarma Merkezi'
  if (code === 1 || code === 2 || RETURNED_CODES.has(code)) return 'Çıkış Şubesi'
  return `${ilce} / ${il}`
}

/** Turkey time (UTC+3 all year since 2016) as "yyyy-MM-dd HH:mm:ss" or "dd.MM.yyyy HH:mm". */
export function turkeyTime(ms: number, style: 'iso' | 'dotted'): string {
  const d = new Date(ms + 3 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  const [y, mo, da, h, mi, s] = [d.getUTCFullYear(), p(d.getUTCMonth() + 1), p(d.getUTCDate()), p(d.getUTCHours()), p(d.getUTCMinutes()), p(d.getUTCSeconds())]
  return style === 'iso' ? `${y}-${mo}-${da} ${h}:${mi}:${s}` : `${da}.${mo}.${y} ${h}:${mi}`
}
