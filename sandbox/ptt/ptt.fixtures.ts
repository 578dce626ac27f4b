import { DEFAULT_PTT_ACCOUNT } from './ptt.config'

import { SAMPLE_RECIPIENT_ODEMIS, SamplePackage, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const samplePttRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-3001', referenceNo: 'KJ-3001', serviceCode: 'MH' },
  {
    sender: { ...SampleSender.beylikduzu, name: 'KargoJet Depo Ltd' },
    recipient: SAMPLE_RECIPIENT_ODEMIS,
    packages: [SamplePackage.k3],
  },
)

/** The default account's credentials, in the connector's option names. */
export const SAMPLE_PTT_CREDENTIALS = {
  customerId: DEFAULT_PTT_ACCOUNT.musteriId,
  password: DEFAULT_PTT_ACCOUNT.password,
} as const

/** The default account's first range, in the connector's PttBarcodeRange shape. */
export const SAMPLE_PTT_RANGE = DEFAULT_PTT_ACCOUNT.barcodeRanges[0] as Readonly<{ first: string; last: string }>
