import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { HepsiJetIntegrationStatus, normalizeHepsiJetStatus, VOID_STATUSES } from './hepsijet.status'

// docs/reference/carriers.md §6 (values seen) and §12 (HepsiJET column); "OK" = no operation yet (§6, HJ-DOCS).
describe('integrationStatus → normalized (every documented value)', () => {
  it.each([
    ['OK', TrackingStatus.created],
    ['NEO', TrackingStatus.created],
    ['ACCEPTED', TrackingStatus.pickedUp],
    ['OUT_FOR_DELIVERY', TrackingStatus.outForDelivery],
    ['FAILED_ATTEMPT', TrackingStatus.failedAttempt],
    ['DELIVERED', TrackingStatus.delivered],
    ['RETURNED', TrackingStatus.returnedToSender],
    ['DELETED', TrackingStatus.cancelled],
    ['CANCELLED', TrackingStatus.cancelled],
  ] as const)('%s → %s', (code, expected) => {
    expect(normalizeHepsiJetStatus(code, '')).toBe(expected)
    expect(normalizeHepsiJetStatus(` ${code.toLowerCase()} `, 'Alıcıda')).toBe(expected)
  })

  it('the table covers every value of the vocabulary object', () => {
    for (const code of Object.values(HepsiJetIntegrationStatus)) expect(normalizeHepsiJetStatus(code)).not.toBeNull()
  })

  it.each([
    ['IN_TRANSIT', 'Transfer Merkezi'],
    ['', 'Alıcıda'],
    ['DELIVERED_PARTIAL', 'Teslim edildi'],
    ['UNKNOWN', 'Teslim Edildi'],
    ['XYZ', 'Kadıköy Dağıtım Merkezi'],
    ['toString', ''],
  ])('unknown code %j (text %j) → null, never delivered', (code, text) => {
    expect(normalizeHepsiJetStatus(code, text)).toBeNull()
  })

  it('only our delete and HepsiJET cancel void a barcode', () => {
    expect([...VOID_STATUSES].sort()).toEqual(['CANCELLED', 'DELETED'])
  })
})
