import { xmlEscape } from './aras.xml'

/**
 * ?WSDL answers. The real WSDLs are not in our documents, so these are minimal on purpose: the
 * operations, their SOAPActions (docs/reference/carriers.md §2) and the address, with every message typed as
 * "any content". Enough for a client to find the endpoint and actions; not a schema to validate by.
 */

const TNS = 'http://tempuri.org/'

function anyElement(name: string): string {
  return `<s:element name="${name}"><s:complexType><s:sequence><s:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></s:sequence></s:complexType></s:element>`
}

export function minimalWsdl(
  service: 'Service' | 'ArasCargoIntegrationService',
  portType: string,
  operations: readonly string[],
  actionOf: (op: string) => string,
  location: string,
): string {
  const types = operations.flatMap((op) => [anyElement(op), anyElement(`${op}Response`)]).join('')
  const messages = operations
    .map(
      (op) =>
        `<wsdl:message name="${op}SoapIn"><wsdl:part name="parameters" element="tns:${op}"/></wsdl:message><wsdl:message name="${op}SoapOut"><wsdl:part name="parameters" element="tns:${op}Response"/></wsdl:message>`,
    )
    .join('')
  const ports = operations
    .map((op) => `<wsdl:operation name="${op}"><wsdl:input message="tns:${op}SoapIn"/><wsdl:output message="tns:${op}SoapOut"/></wsdl:operation>`)
    .join('')
  const bindings = operations
    .map(
      (op) =>
        `<wsdl:operation name="${op}"><soap:operation soapAction="${actionOf(op)}" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`,
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="${TNS}" targetNamespace="${TNS}">` +
    `<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="${TNS}">${types}</s:schema></wsdl:types>` +
    messages +
    `<wsdl:portType name="${portType}">${ports}</wsdl:portType>` +
    `<wsdl:binding name="${portType}Binding" type="tns:${portType}"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>${bindings}</wsdl:binding>` +
    `<wsdl:service name="${service}"><wsdl:port name="${portType}Port" binding="tns:${portType}Binding"><soap:address location="${xmlEscape(location)}"/></wsdl:port></wsdl:service>` +
    '</wsdl:definitions>'
  )
}
