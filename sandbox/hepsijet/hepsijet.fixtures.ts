import type { Address } from '../../shared/domain/address'
import { DEFAULT_ACCOUNT } from './hepsijet.config'

import type { SampleShipmentRequest } from '../common/sample-request'

export type { SampleShipmentRequest }

export function sampleHepsiJetRequest(over: Partial<SampleShipmentRequest> = {}): SampleShipmentRequest {
  return {
    orderNumber: 'SIP-2001',
    referenceNo: 'KJ-2001',
    serviceCode: 'HX_STD',
    sender: { name: 'KargoJet Depo', address: 'Haramidere Mah. Yakuplu Cad. No:12', district: 'Beylikdüzü', city: 'İstanbul', postalCode: '34524', phone: '0212 555 01 23' },
    recipient: { name: 'Mehmet Polat', address: 'Hürriyet Mah. 1662. Sk. No:5 D:2', district: 'Ödemiş', city: 'İzmir', postalCode: '35750', phone: '+90 532 123 45 67', email: 'mehmet@example.com' },
    packages: [{ index: 0, boxCode: 'K3', lengthMm: 400, widthMm: 300, heightMm: 200, weightGrams: 3200 }],
    codAmountKurus: null,
    labelFormat: 'zpl',
    ...over,
  }
}

/** Account settings of the emulator's DEFAULT_ACCOUNT, in the connector's option names. */
export const SAMPLE_HEPSIJET_SETTINGS = {
  username: DEFAULT_ACCOUNT.username,
  password: DEFAULT_ACCOUNT.password,
  company: DEFAULT_ACCOUNT.company,
  senderAddressId: DEFAULT_ACCOUNT.senderAddressIds[0] ?? '',
  xDockCode: DEFAULT_ACCOUNT.xDockCodes[0] ?? '',
} as const
