import { DEFAULT_ACCOUNT } from './hepsijet.config'

import { SAMPLE_RECIPIENT_ODEMIS, SamplePackage, SampleSender, sampleRequestBuilder } from '../common/sample-request'

export const sampleHepsiJetRequest = sampleRequestBuilder(
  { orderNumber: 'SIP-2001', referenceNo: 'KJ-2001', serviceCode: 'HX_STD' },
  {
    sender: SampleSender.beylikduzu,
    recipient: SAMPLE_RECIPIENT_ODEMIS,
    packages: [SamplePackage.k3],
  },
)

/** Account settings of the emulator's DEFAULT_ACCOUNT, in the connector's option names. */
export const SAMPLE_HEPSIJET_SETTINGS = {
  username: DEFAULT_ACCOUNT.username,
  password: DEFAULT_ACCOUNT.password,
  company: DEFAULT_ACCOUNT.company,
  senderAddressId: DEFAULT_ACCOUNT.senderAddressIds[0] ?? '',
  xDockCode: DEFAULT_ACCOUNT.xDockCodes[0] ?? '',
} as const
