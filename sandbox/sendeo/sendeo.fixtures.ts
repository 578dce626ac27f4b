import { SENDEO_TEST_ACCOUNT } from './sendeo.config'

import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleSendeoRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-3001', referenceNo: 'KJ-3001', serviceCode: 'standard' },
  {
    sender: SampleSender.sancaktepeEmek,
    recipient: sampleRecipient('Ayşe Demir', 'Kışlalı Cd. Kuşak Sitesi 4-1', 'Yenimahalle', 'Ankara', '06810', '+90 532 765 43 21', 'ayse@example.com'),
    packages: [SamplePackage.k3],
  },
)

/** Connector credentials of the emulator's default (the doc's test) account. */
export const SAMPLE_SENDEO_SETTINGS = { username: SENDEO_TEST_ACCOUNT.musteri, password: SENDEO_TEST_ACCOUNT.sifre } as const
