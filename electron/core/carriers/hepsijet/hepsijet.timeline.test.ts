import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { hepsiJetDateToIso, hepsiJetTimeline, timelinesByBarcode } from './hepsijet.timeline'

// The HJ-DOCS integration/track sample, out of order on purpose.
const SAMPLE = [
  { transactionLocation: 'Alıcıda', transactionDate: '2023-02-14T18:01:09+03:00', integrationStatus: 'DELIVERED', deliveredPerson: 'Mehmet Kürşad' },
  { transactionLocation: 'Kitapsan_cukurova Toplama Merkezi', transactionDate: '2023-02-14T18:00:35+03:00', integrationStatus: 'ACCEPTED' },
  { transactionLocation: 'Dağıtım Aracında', transactionDate: '2023-02-14T18:01:07+03:00', integrationStatus: 'OUT_FOR_DELIVERY' },
]

describe('hepsiJetTimeline', () => {
  it('sorts oldest first, normalizes codes and keeps raw code, place and receiver', () => {
    expect(hepsiJetTimeline(SAMPLE)).toEqual([
      {
        status: TrackingStatus.pickedUp,
        rawCode: 'ACCEPTED',
        rawText: 'Kitapsan_cukurova Toplama Merkezi',
        at: '2023-02-14T15:00:35.000Z',
        location: 'Kitapsan_cukurova Toplama Merkezi',
      },
      {
        status: TrackingStatus.outForDelivery,
        rawCode: 'OUT_FOR_DELIVERY',
        rawText: 'Dağıtım Aracında',
        at: '2023-02-14T15:01:07.000Z',
        location: 'Dağıtım Aracında',
      },
      {
        status: TrackingStatus.delivered,
        rawCode: 'DELIVERED',
        rawText: 'Alıcıda · teslim alan: Mehmet Kürşad',
        at: '2023-02-14T15:01:09.000Z',
        location: 'Alıcıda',
      },
    ])
  })

  it('no details ("OK", nothing done yet) is an empty timeline; unknown codes stay null', () => {
    expect(hepsiJetTimeline(null)).toEqual([])
    expect(hepsiJetTimeline([])).toEqual([])
    expect(hepsiJetTimeline([{ transactionDate: 'dün', integrationStatus: 'IN_HUB', transactionLocation: null }])).toEqual([
      { status: null, rawCode: 'IN_HUB', rawText: '', at: 'dün', location: null },
    ])
  })

  it('keeps the answer order for equal or unreadable times', () => {
    const same = ['NEO', 'ACCEPTED', 'OUT_FOR_DELIVERY'].map((integrationStatus) => ({ integrationStatus, transactionDate: '2023-02-14T18:00:00+03:00' }))
    expect(hepsiJetTimeline(same).map((e) => e.rawCode)).toEqual(['NEO', 'ACCEPTED', 'OUT_FOR_DELIVERY'])
  })

  it('groups a batch answer by barcode', () => {
    const map = timelinesByBarcode([
      { barcode: 'A', details: SAMPLE },
      { barcode: 'B', details: null },
    ])
    expect(map.get('A')).toHaveLength(3)
    expect(map.get('B')).toEqual([])
    expect(map.has('C')).toBe(false)
  })

  it('dates: offset-aware to UTC, anything else as sent', () => {
    expect(hepsiJetDateToIso('2023-02-14T18:00:35+03:00')).toBe('2023-02-14T15:00:35.000Z')
    expect(hepsiJetDateToIso('14.02.2023')).toBe('14.02.2023')
  })
})
