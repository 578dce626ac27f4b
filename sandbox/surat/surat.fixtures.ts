import type { Address } from '../../shared/domain/address'
import type { MeasuredPackage } from '../../shared/domain/box'

/**
 * A Sürat shipment request as the desk would build it (the shape of the core's ShipmentRequest,
 * typed with shared types only so the sandbox stays free of app code). Tests override what they need.
 */
export type SampleSuratRequest = {
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

export function sampleSuratRequest(over: Partial<SampleSuratRequest> = {}): SampleSuratRequest {
  return {
    orderNumber: 'SIP-2001',
    referenceNo: 'SIP-2001',
    serviceCode: '',
    sender: { name: 'KargoJet Depo', address: 'Büyükdere Cad. No:1', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '0212 123 45 67' },
    recipient: { name: 'Mehmet Demir', address: 'Atatürk Cad. No:42 D:3', district: 'Çankaya', city: 'Ankara', postalCode: '06420', phone: '+90 555 987 65 43', email: 'mehmet@example.com' },
    packages: [{ index: 0, boxCode: 'K2', lengthMm: 300, widthMm: 200, heightMm: 150, weightGrams: 2400 }],
    codAmountKurus: null,
    labelFormat: 'pdf',
    description: 'Elektronik ürün',
    ...over,
  }
}
