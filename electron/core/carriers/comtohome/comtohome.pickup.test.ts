import { afterEach, describe, expect, it } from 'vitest'
import { startComToHomeEmulator, type ComToHomeEmulator } from '../../../../sandbox/comtohome/comtohome.emulator'
import type { ShipmentRequest } from '../carrier.port'
import { ComToHomeConnector } from './comtohome.adapter'

let emu: ComToHomeEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

const request: ShipmentRequest = {
  orderNumber: 'SIP-2001',
  referenceNo: 'KJ-2001',
  serviceCode: 'provider:1',
  sender: { name: 'KargoJet Depo', address: 'Büyükdere Cad. No:1', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '0212 123 45 67' },
  recipient: { name: 'Elif Kaya', address: 'Cemal Gürsel Cad. No:42', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+90 535 987 65 43' },
  packages: [{ index: 1, boxCode: null, lengthMm: 250, widthMm: 200, heightMm: 100, weightGrams: 850 }],
  codAmountKurus: null,
  labelFormat: 'zpl',
}

describe('ComToHome courier pickup and address resolver (seed 001 is_pickup_requested, address_resolver_type)', () => {
  it.each([
    [{}, undefined, 2],
    [{ requestPickup: true, addressResolverType: 1 as const }, true, 1],
  ])('options %o → is_pickup_requested %s, address_resolver_type %s on the wire', async (options, pickup, resolver) => {
    emu = await startComToHomeEmulator()
    const connector = new ComToHomeConnector({ baseUrl: emu.url, apiKey: 'demo-key', ...options })
    await connector.createShipment(request, { idempotencyKey: `k-${resolver}` })
    const body = emu.consignments[0]!.body as Record<string, unknown>
    expect(body.is_pickup_requested).toBe(pickup)
    expect(body.address_resolver_type).toBe(resolver)
  })
})
