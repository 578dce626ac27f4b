import { describe, expect, it } from 'vitest'
import type { PackerRole } from '../domain/packer'
import { withCostsFor } from './cost-visibility'
import type { PackingView } from './views'

const option = {
  carrierId: 'comtohome',
  serviceCode: 'provider:1',
  name: 'Yurtiçi',
  contract: 'platform',
  eligible: true,
  priceKurus: 8360,
  band: 2,
  transitDays: 1,
  reason: 'en ucuz',
}
const view = (role: PackerRole | null) =>
  ({
    step: 'packed',
    packer: role ? { id: 'x', name: 'X', badge: 'B', role } : null,
    quote: [option, { ...option, serviceCode: 'provider:2', priceKurus: 15290, reason: 'Uygun; 1.069,30 TL daha pahalı / eligible; 1.069,30 TL dearer' }],
    chosen: option,
    shipment: {
      id: 's',
      carrierName: 'Yurtiçi',
      trackingNumber: 'T',
      barcode: 'B',
      costKurus: 8360,
      chargedKurus: 8500,
      priceDifferenceKurus: 140,
      status: 'purchased',
    },
    boxSuggestions: [{ code: 'KOLI2', name: 'Orta', fits: true, desi: 3, chargeableKg: 3, carrierName: 'Yurtiçi', priceKurus: 8360, reason: '' }],
  }) as unknown as PackingView

const kurus = (v: PackingView) => [
  v.quote?.map((o) => o.priceKurus),
  v.chosen?.priceKurus,
  v.shipment?.costKurus,
  v.shipment?.chargedKurus,
  v.shipment?.priceDifferenceKurus,
  v.boxSuggestions?.map((b) => b.priceKurus),
]

describe('costs on the packing view (issue 12: managers and up)', () => {
  it.each([null, 'packer', 'supervisor'] as const)('%s: every kuruş figure is null, the rest stays', (role) => {
    const shown = withCostsFor(view(role))
    expect(kurus(shown)).toEqual([[null, null], null, null, null, null, [null]])
    expect(shown.quote?.map((o) => o.serviceCode)).toEqual(['provider:1', 'provider:2'])
    expect(shown.quote?.[1]?.reason).toBe('Uygun; … daha pahalı / eligible; … dearer')
    expect(shown.shipment?.trackingNumber).toBe('T')
  })

  it.each(['manager', 'admin'] as const)('%s: sees them', (role) => {
    expect(kurus(withCostsFor(view(role)))).toEqual([[8360, 15290], 8360, 8360, 8500, 140, [8360]])
  })
})
