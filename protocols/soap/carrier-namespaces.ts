/**
 * The service namespaces of the SOAP carriers, as their published WSDLs declare them (protocols/<carrier>/),
 * written once for the connector and its emulator.
 */
export const CarrierNs = {
  /** Yurtiçi KOPSWebServices.wsdl targetNamespace. */
  yurtici: 'http://yurticikargo.com.tr/ShippingOrderDispatcherServices',
  /** Yurtiçi's fault detail (YurticikargoWSException). */
  yurticiExceptions: 'http://yurticikargo.com.tr/WSExceptions/',
  /** .NET's default namespace: Aras (both services) and Sürat. */
  tempuri: 'http://tempuri.org/',
  /** PTT acceptance (PttVeriYukleme_Sorgu.wsdl): operations, and their children's types. */
  pttKabul: 'http://kabul.ptt.gov.tr',
  pttKabulXsd: 'http://kabul.ptt.gov.tr/xsd',
  /** PTT tracking (GonderiTakipV2_Sorgu.wsdl). */
  pttTakip: 'http://takip.ptt.gov.tr',
  pttTakipXsd: 'http://takip.ptt.gov.tr/xsd',
} as const
