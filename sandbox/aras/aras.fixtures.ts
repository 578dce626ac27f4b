import type { Address } from '../../shared/domain/address'
import type { MeasuredPackage } from '../../shared/domain/box'

/**
 * An Aras shipment request as the desk would build it (the core's ShipmentRequest shape, typed with
 * shared types only so the sandbox stays free of app code). Tests override what they need.
 */
export type SampleShipmentRequest = {
  orderNumber: string
  referenceNo: string
  serviceCode: string
  sender: Address
  recipient: Address
  packages: readonly MeasuredPackage[]
  codAmountKurus: number | null
  labelFormat: 'zpl' | 'pdf'
  description?: string
}

export function sampleArasRequest(over: Partial<SampleShipmentRequest> = {}): SampleShipmentRequest {
  return {
    orderNumber: 'SIP-2001',
    referenceNo: 'KJ-2001',
    serviceCode: 'GO',
    sender: { name: 'KargoJet Depo', address: 'Büyükdere Cad. No:1', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '0212 123 45 67' },
    recipient: { name: 'Özgür Akman', address: 'Bağlarbaşı Mah. Aydın Sok. No:7', district: 'Gaziosmanpaşa', city: 'İstanbul', postalCode: '34245', phone: '0506 339 01 81' },
    packages: [{ index: 0, boxCode: 'K2', lengthMm: 250, widthMm: 200, heightMm: 100, weightGrams: 850 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}
