import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleSuratRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-2001', referenceNo: 'SIP-2001', serviceCode: '' },
  {
    sender: SampleSender.sisli,
    recipient: sampleRecipient('Mehmet Demir', 'Atatürk Cad. No:42 D:3', 'Çankaya', 'Ankara', '06420', '+90 555 987 65 43', 'mehmet@example.com'),
    packages: [{ ...SamplePackage.k2, weightGrams: 2400 }],
    labelFormat: 'pdf',
    description: 'Elektronik ürün',
  },
)
