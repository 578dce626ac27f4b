import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleArasRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-2001', referenceNo: 'KJ-2001', serviceCode: 'GO' },
  {
    sender: SampleSender.sisli,
    recipient: sampleRecipient('Özgür Akman', 'Bağlarbaşı Mah. Aydın Sok. No:7', 'Gaziosmanpaşa', 'İstanbul', '34245', '0506 339 01 81'),
    packages: [SamplePackage.k2Small],
  },
)
