import { DEFAULT_ACCOUNT, DEFAULT_APP } from './mng.config'

import type { SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

export function sampleMngRequest(over: Partial<SampleShipmentRequest> = {}): SampleShipmentRequest {
  return {
    orderNumber: 'SIP-3001',
    referenceNo: 'KJ-3001',
    serviceCode: '1',
    sender: { name: 'KargoJet Depo', address: 'Haramidere Mah. Yakuplu Cad. No:12', district: 'Beylikdüzü', city: 'İstanbul', postalCode: '34524', phone: '0212 555 01 23' },
    recipient: { name: 'Ayşe Yıldız', address: 'Atatürk Cad. No:15 D:4', district: 'Çankaya', city: 'Ankara', postalCode: '06690', phone: '+90 532 111 22 33', email: 'ayse@example.com' },
    packages: [{ index: 0, boxCode: 'K2', lengthMm: 300, widthMm: 200, heightMm: 150, weightGrams: 1200 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}

/** Credentials of the emulator's DEFAULT_APP and DEFAULT_ACCOUNT, in the connector's option names. */
export const SAMPLE_MNG_CREDENTIALS = {
  clientId: DEFAULT_APP.clientId,
  clientSecret: DEFAULT_APP.clientSecret,
  customerNumber: DEFAULT_ACCOUNT.customerNumber,
  password: DEFAULT_ACCOUNT.password,
} as const
