
import type { SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

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
