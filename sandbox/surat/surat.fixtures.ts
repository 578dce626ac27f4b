
import type { SampleShipmentRequest } from '../common/sample-request'

/** The carrier-neutral sample shape (sandbox/common/sample-request.ts). */
export type SampleSuratRequest = SampleShipmentRequest

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
