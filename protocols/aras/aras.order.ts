import { xmlElement } from '../soap/xml-text'

/**
 * The Order and PieceDetail types of Aras's shipment service, as protocols/aras/arascargoservice.wsdl sequences
 * them: the connector writes SetOrder's orders with them, the emulator its GetOrder answers. (PieceDetails comes
 * after UnitID; SenderAccountAddressId, last in the WSDL, is sent by neither.)
 */
export const ARAS_ORDER_FIELDS = [
  'UserName',
  'Password',
  'TradingWaybillNumber',
  'InvoiceNumber',
  'ReceiverName',
  'ReceiverAddress',
  'ReceiverPhone1',
  'ReceiverPhone2',
  'ReceiverPhone3',
  'ReceiverCityName',
  'ReceiverTownName',
  'VolumetricWeight',
  'Weight',
  'PieceCount',
  'SpecialField1',
  'SpecialField2',
  'SpecialField3',
  'CodAmount',
  'CodCollectionType',
  'CodBillingType',
  'IntegrationCode',
  'Description',
  'TaxNumber',
  'TtDocumentId',
  'TaxOffice',
  'PrivilegeOrder',
  'Country',
  'CountryCode',
  'CityCode',
  'TownCode',
  'ReceiverDistrictName',
  'ReceiverQuarterName',
  'ReceiverAvenueName',
  'ReceiverStreetName',
  'PayorTypeCode',
  'IsWorldWide',
  'IsCod',
  'UnitID',
] as const
export type ArasOrderField = (typeof ARAS_ORDER_FIELDS)[number]

export const ARAS_PIECE_FIELDS = ['VolumetricWeight', 'Weight', 'BarcodeNumber', 'ProductNumber', 'Description'] as const
export type ArasPieceField = (typeof ARAS_PIECE_FIELDS)[number]

/** How one element is written: xmlElement by default; the emulator writes an empty value as .NET does, `<X />`. */
export type XmlElementWriter = (name: string, value: string | undefined) => string

/** `<Order>`: the fields given, in the WSDL's sequence (undefined ones left out), then `<PieceDetails>` when there are pieces. */
export function arasOrderXml(
  fields: Readonly<Partial<Record<ArasOrderField, string>>>,
  pieces: readonly Readonly<Partial<Record<ArasPieceField, string>>>[],
  element: XmlElementWriter = xmlElement,
): string {
  const piece = (p: Readonly<Partial<Record<ArasPieceField, string>>>) =>
    `<PieceDetail>${ARAS_PIECE_FIELDS.map((f) => element(f, p[f])).join('')}</PieceDetail>`
  const details = pieces.length > 0 ? `<PieceDetails>${pieces.map(piece).join('')}</PieceDetails>` : ''
  return `<Order>${ARAS_ORDER_FIELDS.map((f) => element(f, fields[f])).join('')}${details}</Order>`
}
