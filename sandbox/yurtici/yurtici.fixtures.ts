import { SamplePackage, SampleSender, sampleRequestBuilder, type SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

export const sampleShipmentRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-1001', referenceNo: 'KJ-1001', serviceCode: 'GO' },
  {
    sender: SampleSender.sisli,
    recipient: {
      name: ' Elif   Kaya ',
      address: 'Cemal Gürsel Cad.\n No:42 D:3',
      district: 'Kadıköy',
      city: 'İstanbul',
      postalCode: '34710',
      phone: '+90 535 987 65 43',
      email: 'elif@example.com',
    },
    packages: [SamplePackage.k2Small],
  },
)
