import { TrackingStatus } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../carrier.port'
import type { TakipEvent, TakipReturn } from './ptt.schemas'
import { normalizePttStatus, PttRawCode } from './ptt.status'

/**
 * A gonderiSorgu answer → our timeline (docs/reference/carriers.md §4, §12): events ordered by siraNo, dates
 * ITARIH dd/MM/yyyy in Turkey time (UTC+3 all year since 2016) with ISAAT when PTT sends it (a
 * WooCommerce client saw it on the test service; §4 does not list it). TESALAN in the header means
 * delivered: when no event text already says so, a delivered event is added after the last one.
 */

const TR_OFFSET = '+03:00'

/** dd/MM/yyyy (or dd.MM.yyyy), optionally with HH:mm[:ss] inside or in `time` → ISO-8601 UTC; null when unreadable. */
export function parsePttDateTime(date: string, time = ''): string | null {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(date.trim())
  if (!m) return null
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim())
  const [hh, mi, ss] = m[4] ? [m[4], m[5], m[6]] : t ? [t[1], t[2], t[3]] : ['0', '00', '00']
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const pad = (v: string | number | undefined) => String(v ?? '0').padStart(2, '0')
  const iso = `${year}-${pad(month)}-${pad(day)}T${pad(hh)}:${pad(mi)}:${pad(ss)}${TR_OFFSET}`
  const ms = Date.parse(iso)
  // Date.parse rolls 31/02 over to March: compare the fields back to refuse impossible dates.
  if (Number.isNaN(ms)) return null
  const back = new Date(ms + 3 * 3_600_000)
  if (back.getUTCDate() !== day || back.getUTCMonth() + 1 !== month || Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? 0) > 59) return null
  return new Date(ms).toISOString()
}

function siraOf(e: TakipEvent): number {
  const n = Number(e.siraNo)
  return e.siraNo !== '' && Number.isFinite(n) ? n : Number.POSITIVE_INFINITY
}

/** Whether PTT has anything on the barcode: BARNO or events (before branch acceptance it has neither, §12). */
export function hasTrackingData(r: TakipReturn): boolean {
  return r.BARNO !== '' || r.dongu.length > 0
}

/** The timeline, oldest first; an event whose date cannot be read makes the answer unusable. */
export function pttTimeline(r: TakipReturn, barcode: string): TrackingEvent[] {
  const ordered = r.dongu.map((e, i) => ({ e, i })).sort((a, b) => siraOf(a.e) - siraOf(b.e) || a.i - b.i)
  const events: TrackingEvent[] = ordered.map(({ e }) => {
    const at = parsePttDateTime(e.ITARIH, e.ISAAT)
    if (!at) {
      throw new AppError(ErrorCode.carrierBadResponse, `PTT tracking for ${barcode} has an event dated "${`${e.ITARIH} ${e.ISAAT}`.trim()}", not dd/MM/yyyy`, {
        retryable: false,
        meta: { operation: 'gonderiSorgu', barcode, siraNo: e.siraNo, ITARIH: e.ITARIH },
      })
    }
    return { status: normalizePttStatus(e.siraNo, e.ISLEM), rawCode: e.siraNo, rawText: e.ISLEM, at, location: e.IMERK || null }
  })
  if (r.TESALAN !== '' && !events.some((e) => e.status === TrackingStatus.delivered)) {
    const last = events.at(-1)
    // Without any event there is no date to give the delivery; PTT always lists the delivery event itself.
    if (last)
      events.push({
        status: TrackingStatus.delivered,
        rawCode: PttRawCode.delivered,
        rawText: `Teslim alan: ${r.TESALAN}`,
        at: last.at,
        location: r.VMERK || last.location,
      })
  }
  return events
}
