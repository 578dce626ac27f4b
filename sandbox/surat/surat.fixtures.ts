import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder, type SampleShipmentRequest } from '../common/sample-request'

/** The carrier-neutral sample shape (sandbox/common/sample-request.ts). */
export type SampleSuratRequest = SampleShipmentRequest

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
