import { SENDEO_TEST_ACCOUNT } from './sendeo.config'

import type { SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

export function sampleSendeoRequest(over: Partial<SampleShipmentRequest> = {}): SampleShipmentRequest {
  return {
    orderNumber: 'SIP-3001',
    referenceNo: 'KJ-3001',
    serviceCode: 'standard',
    sender: { name: 'KargoJet Depo', address: 'Emek Mh. Çengel Sk. No:4', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34785', phone: '0216 555 01 23' },
    recipient: { name: 'Ayşe Demir', address: 'Kışlalı Cd. Kuşak Sitesi 4-1', district: 'Yenimahalle', city: 'Ankara', postalCode: '06810', phone: '+90 532 765 43 21', email: 'ayse@example.com' },
    packages: [{ index: 0, boxCode: 'K3', lengthMm: 400, widthMm: 300, heightMm: 200, weightGrams: 3200 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}

/** Connector credentials of the emulator's default (the doc's test) account. */
export const SAMPLE_SENDEO_SETTINGS = { username: SENDEO_TEST_ACCOUNT.musteri, password: SENDEO_TEST_ACCOUNT.sifre } as const
