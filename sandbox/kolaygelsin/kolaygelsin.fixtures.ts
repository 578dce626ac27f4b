import { DEFAULT_KG_ACCOUNT } from './kolaygelsin.config'

import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleKolayGelsinRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-4001', referenceNo: 'KJ-4001', serviceCode: 'standard' },
  {
    sender: SampleSender.sancaktepe,
    recipient: sampleRecipient(
      'Mehmet Akman',
      'Koşuyolu Mh. Mehmet Akman Sk. No:1 D:1',
      'Kadıköy',
      'İstanbul',
      '34718',
      '+90 532 111 22 33',
      'mehmet@example.com',
    ),
    packages: [SamplePackage.k2],
  },
)

/** Connector settings of the emulator's DEFAULT_KG_ACCOUNT. */
export const SAMPLE_KOLAYGELSIN_SETTINGS = {
  token: DEFAULT_KG_ACCOUNT.token,
  customerId: DEFAULT_KG_ACCOUNT.customerId,
  addressId: DEFAULT_KG_ACCOUNT.addressIds[0] ?? 0,
} as const
