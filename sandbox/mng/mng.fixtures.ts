import { DEFAULT_ACCOUNT, DEFAULT_APP } from './mng.config'

import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleMngRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-3001', referenceNo: 'KJ-3001', serviceCode: '1' },
  {
    sender: SampleSender.beylikduzu,
    recipient: sampleRecipient('Ayşe Yıldız', 'Atatürk Cad. No:15 D:4', 'Çankaya', 'Ankara', '06690', '+90 532 111 22 33', 'ayse@example.com'),
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
