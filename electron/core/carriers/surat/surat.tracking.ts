import { sortTimeline } from '../../../../shared/tracking/timeline'
import type { TrackingEvent } from '../carrier.port'
import type { SuratTrackingResponse } from './surat.soap'
import { normalizeSuratStatus } from './surat.status'

/**
 * Sürat tracking answers → TrackingEvents, pure. Times are Turkey local (UTC+3 all year since
 * 2016) and come as "dd.MM.yyyy HH:mm" (REST TeslimTarihi, HT) or "yyyy-MM-dd HH:mm:ss"
 * (KargoTakipHareketDetayliV2 lines, SUR-TCG); both become ISO 8601 with +03:00.
 */
export function turkeyIso(text: string): string | null {
  const t = text.trim()
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t)
  const parts = dotted ? [dotted[3], dotted[2], dotted[1], dotted[4], dotted[5], dotted[6]] : iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]] : null
  if (!parts) return null
  const [y, mo, d, h = '00', mi = '00', s = '00'] = parts
  const out = `${y}-${mo}-${d}T${h}:${mi}:${s}+03:00`
  return Number.isNaN(Date.parse(out)) ? null : out
}

/**
 * The REST answer's Gonderiler: one event each, the current state (the documented fields carry no
 * history). `at` is TeslimTarihi when given, else `observedAt` (the moment we asked).
 */
export function eventsFromTracking(r: SuratTrackingResponse, observedAt: string): TrackingEvent[] {
  return r.Gonderiler.map((g) => {
    const rawCode = g.KargonunDurumuSayi === null ? '' : String(g.KargonunDurumuSayi)
    return {
      status: normalizeSuratStatus(rawCode, g.KargonunDurumu),
      rawCode,
      rawText: g.KargonunDurumu,
      at: turkeyIso(g.TeslimTarihi) ?? observedAt,
      location: null,
    }
  })
}

/** KargoTakipHareketDetayliV2: "text|date|location" per line (SUR-TCG); statuses from the §12 keywords. */
export function eventsFromHistory(text: string, observedAt: string): TrackingEvent[] {
  const events = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line): TrackingEvent => {
      const [desc = '', date = '', location = ''] = line.split('|').map((p) => p.trim())
      return {
        status: normalizeSuratStatus('', desc),
        rawCode: '',
        rawText: desc,
        at: turkeyIso(date) ?? observedAt,
        location: location === '' ? null : location,
      }
    })
  return sortTimeline(events)
}
