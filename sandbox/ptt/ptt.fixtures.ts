import { DEFAULT_PTT_ACCOUNT } from './ptt.config'

import type { SampleShipmentRequest } from '../common/sample-request'

/** The carrier-neutral sample shape (sandbox/common/sample-request.ts). */
export type SamplePttRequest = SampleShipmentRequest

export function samplePttRequest(over: Partial<SamplePttRequest> = {}): SamplePttRequest {
  return {
    orderNumber: 'SIP-3001',
    referenceNo: 'KJ-3001',
    serviceCode: 'MH',
    sender: { name: 'KargoJet Depo Ltd', address: 'Haramidere Mah. Yakuplu Cad. No:12', district: 'Beylikdüzü', city: 'İstanbul', postalCode: '34524', phone: '0212 555 01 23' },
    recipient: { name: 'Mehmet Polat', address: 'Hürriyet Mah. 1662. Sk. No:5 D:2', district: 'Ödemiş', city: 'İzmir', postalCode: '35750', phone: '+90 532 123 45 67', email: 'mehmet@example.com' },
    packages: [{ index: 0, boxCode: 'K3', lengthMm: 400, widthMm: 300, heightMm: 200, weightGrams: 3200 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}

/** The default account's credentials, in the connector's option names. */
export const SAMPLE_PTT_CREDENTIALS = {
  customerId: DEFAULT_PTT_ACCOUNT.musteriId,
  password: DEFAULT_PTT_ACCOUNT.password,
} as const

/** The default account's first range, in the connector's PttBarcodeRange shape. */
export const SAMPLE_PTT_RANGE = DEFAULT_PTT_ACCOUNT.barcodeRanges[0] as Readonly<{ first: string; last: string }>
