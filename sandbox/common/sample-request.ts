import type { Address } from '../../shared/domain/address'
import type { MeasuredPackage } from '../../shared/domain/box'
import type { ShipmentRequestFields } from '../../shared/domain/shipment-request'

/**
 * A shipment request as the desk builds it: the fields of the core's ShipmentRequest, from shared/
 * so the sandbox stays free of app code. Each carrier's fixtures fill it with a
 * sample its emulator accepts; tests override what they need.
 */
export type SampleShipmentRequest = ShipmentRequestFields

const depo = (address: string, district: string, postalCode: string, phone: string): Address => {
  return { name: 'KargoJet Depo', address, district, city: 'İstanbul', postalCode, phone }
}

/** Warehouses the samples ship from (invented addresses in real districts). */
export const SampleSender = {
  sisli: depo('Büyükdere Cad. No:1', 'Şişli', '34381', '0212 123 45 67'),
  beylikduzu: depo('Haramidere Mah. Yakuplu Cad. No:12', 'Beylikdüzü', '34524', '0212 555 01 23'),
  sancaktepe: depo('İmam Hatip Cd. Eyüp Sultan Mh. No:1', 'Sancaktepe', '34885', '0216 555 01 23'),
  sancaktepeEmek: depo('Emek Mh. Çengel Sk. No:4', 'Sancaktepe', '34785', '0216 555 01 23'),
} as const satisfies Record<string, Address>

/** A recipient (invented name and address in a real district); `email` only where the sample carries one. */
export function sampleRecipient(name: string, address: string, district: string, city: string, postalCode: string, phone: string, email?: string): Address {
  return { name, address, district, city, postalCode, phone, ...(email === undefined ? {} : { email }) }
}

/** The recipient several samples share (Ödemiş, İzmir: outside the sender's city). */
export const SAMPLE_RECIPIENT_ODEMIS: Address = sampleRecipient(
  'Mehmet Polat',
  'Hürriyet Mah. 1662. Sk. No:5 D:2',
  'Ödemiş',
  'İzmir',
  '35750',
  '+90 532 123 45 67',
  'mehmet@example.com',
)

const box = (boxCode: string, lengthMm: number, widthMm: number, heightMm: number, weightGrams: number): MeasuredPackage => {
  return { index: 0, boxCode, lengthMm, widthMm, heightMm, weightGrams }
}

/** One-parcel shipments the samples use. */
export const SamplePackage = {
  k2Small: box('K2', 250, 200, 100, 850),
  k2: box('K2', 300, 200, 150, 1200),
  k3: box('K3', 400, 300, 200, 3200),
} as const satisfies Record<string, MeasuredPackage>

/** The order a carrier's sample ships: its numbers and service. */
export type SampleOrder = Pick<SampleShipmentRequest, 'orderNumber' | 'referenceNo' | 'serviceCode'>

/** Where and what it ships; the rest (no COD, ZPL) is the same for all unless given. */
export type SampleParcel = Pick<SampleShipmentRequest, 'sender' | 'recipient' | 'packages'> & Partial<SampleShipmentRequest>

/** A carrier's sample builder: its order and parcel, then the test's overrides; every call returns a fresh copy a test may change. */
export function sampleRequestBuilder(order: SampleOrder, parcel: SampleParcel): (over?: Partial<SampleShipmentRequest>) => SampleShipmentRequest {
  return (over = {}) => ({ ...structuredClone<SampleShipmentRequest>({ codAmountKurus: null, labelFormat: 'zpl', ...order, ...parcel }), ...over })
}
