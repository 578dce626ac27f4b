import { DEFAULT_KG_ACCOUNT } from './kolaygelsin.config'

import type { SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

export function sampleKolayGelsinRequest(over: Partial<SampleShipmentRequest> = {}): SampleShipmentRequest {
  return {
    orderNumber: 'SIP-4001',
    referenceNo: 'KJ-4001',
    serviceCode: 'standard',
    sender: { name: 'KargoJet Depo', address: 'İmam Hatip Cd. Eyüp Sultan Mh. No:1', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34885', phone: '0216 555 01 23' },
    recipient: { name: 'Mehmet Akman', address: 'Koşuyolu Mh. Mehmet Akman Sk. No:1 D:1', district: 'Kadıköy', city: 'İstanbul', postalCode: '34718', phone: '+90 532 111 22 33', email: 'mehmet@example.com' },
    packages: [{ index: 0, boxCode: 'K2', lengthMm: 300, widthMm: 200, heightMm: 150, weightGrams: 1200 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}

/** Connector settings of the emulator's DEFAULT_KG_ACCOUNT. */
export const SAMPLE_KOLAYGELSIN_SETTINGS = { token: DEFAULT_KG_ACCOUNT.token, customerId: DEFAULT_KG_ACCOUNT.customerId, addressId: DEFAULT_KG_ACCOUNT.addressIds[0] ?? 0 } as const
