
import type { SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

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
