import { SamplePackage, sampleRecipient, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleShipmentRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-1001', referenceNo: 'KJ-1001', serviceCode: 'GO' },
  {
    sender: SampleSender.sisli,
    recipient: sampleRecipient(' Elif   Kaya ', 'Cemal Gürsel Cad.\n No:42 D:3', 'Kadıköy', 'İstanbul', '34710', '+90 535 987 65 43', 'elif@example.com'),
    packages: [SamplePackage.k2Small],
  },
)

/** The receiver fields of a ShippingOrderVO row, as the emulator's and the validation's tests write one by hand. */
export const SAMPLE_RECEIVER_FIELDS = {
  receiverCustName: 'Elif Kaya',
  receiverAddress: 'Cemal Gürsel Cad. No:42',
  cityName: 'İstanbul',
  townName: 'Kadıköy',
  receiverPhone1: '5359876543',
} as const
