import { DEFAULT_ACCOUNT, DEFAULT_APP } from './mng.config'

import { SamplePackage, SampleSender, sampleRequestBuilder, type SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

export const sampleMngRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-3001', referenceNo: 'KJ-3001', serviceCode: '1' },
  {
    sender: SampleSender.beylikduzu,
    recipient: {
      name: 'Ayşe Yıldız',
      address: 'Atatürk Cad. No:15 D:4',
      district: 'Çankaya',
      city: 'Ankara',
      postalCode: '06690',
      phone: '+90 532 111 22 33',
      email: 'ayse@example.com',
    },
    packages: [SamplePackage.k2],
  },
)

/** Credentials of the emulator's DEFAULT_APP and DEFAULT_ACCOUNT, in the connector's option names. */
export const SAMPLE_MNG_CREDENTIALS = {
  clientId: DEFAULT_APP.clientId,
  clientSecret: DEFAULT_APP.clientSecret,
  customerNumber: DEFAULT_ACCOUNT.customerNumber,
  password: DEFAULT_ACCOUNT.password,
} as const
