import type { Address } from '../../shared/domain/address'
import type { MeasuredPackage } from '../../shared/domain/box'

/**
 * A Yurtiçi shipment request as the desk would build it (the shape of the core's ShipmentRequest,
 * typed with shared types only so the sandbox stays free of app code). Tests override what they need.
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

export function sampleShipmentRequest(over: Partial<SampleShipmentRequest> = {}): SampleShipmentRequest {
  return {
    orderNumber: 'SIP-1001',
    referenceNo: 'KJ-1001',
    serviceCode: 'GO',
    sender: { name: 'KargoJet Depo', address: 'Büyükdere Cad. No:1', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '0212 123 45 67' },
    recipient: { name: ' Elif   Kaya ', address: 'Cemal Gürsel Cad.\n No:42 D:3', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+90 535 987 65 43', email: 'elif@example.com' },
    packages: [{ index: 0, boxCode: 'K2', lengthMm: 250, widthMm: 200, heightMm: 100, weightGrams: 850 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}
