import { YkCode, YkText, type YurticiUser } from './yurtici.config'
import type { Fields } from './yurtici.xml'

/**
 * Row checks of createShipment (docs/reference/carriers.md §1 "Rules from the doc" and its error list). Yurtiçi
 * answers one errCode per row, so the first failing rule wins. Of each documented pair the 600xx /
 * 80859 code is taken as "missing" and the 825xx code as "invalid" (our reading of the pairs).
 */

export type RowVerdict = Readonly<{ errCode: number; errMessage: string }>

/** Numeric elements of ShippingOrderVO and their XSD types: bad text here is an unmarshalling error. */
export const NUMERIC_FIELDS: Readonly<Record<string, 'long' | 'int' | 'double'>> = {
  taxOfficeId: 'long',
  desi: 'double',
  kg: 'double',
  cargoCount: 'int',
  ttInvoiceAmount: 'double',
  ttDocumentId: 'long',
  dcSelectedCredit: 'long',
  dcCreditRule: 'long',
}

const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(-?INF|NaN)$/
const INTEGER = /^[+-]?\d+$/

/** The first numeric element whose text is not of its XSD type (JAXB refuses the message then). */
export function unmarshalError(vo: Fields): string | null {
  for (const [name, type] of Object.entries(NUMERIC_FIELDS)) {
    const v = vo[name]?.trim()
    if (v === undefined || v === '') continue
    if (!(type === 'double' ? DOUBLE : INTEGER).test(v)) return `Unmarshalling Error: Not a number: ${v} (${name})`
  }
  return null
}

const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== ''
const fail = (errCode: number, errMessage: string): RowVerdict => ({ errCode, errMessage })
// §1 specialField format "fieldNo$value#…", e.g. 3$ORDER123#.
const SPECIAL_FIELD = /^(\d+\$[^$#]*#)+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type RowContext = Readonly<{ user: YurticiUser; exists: (cargoKey: string) => boolean }>

export function validateRow(vo: Fields, ctx: RowContext): RowVerdict {
  const cargoKey = vo.cargoKey?.trim() ?? ''
  if (cargoKey === '') return fail(YkCode.cargoKeyMissing, YkText.cargoKeyMissing)
  if (cargoKey.length > 20) return fail(YkCode.cargoKeyTooLong, YkText.cargoKeyTooLong)
  if (ctx.exists(cargoKey)) return fail(YkCode.cargoKeyExists, YkText.cargoKeyExists)

  const invoiceKey = vo.invoiceKey?.trim() ?? ''
  if (invoiceKey === '') return fail(YkCode.invoiceKeyMissing, YkText.invoiceKeyMissing)
  if (invoiceKey.length > 20) return fail(YkCode.invoiceKeyInvalid, YkText.invoiceKeyInvalid)

  const name = vo.receiverCustName?.trim() ?? ''
  if (name === '') return fail(YkCode.nameMissing, YkText.nameMissing)
  const letters = name.match(/\p{L}/gu)?.length ?? 0
  if (name.length < 5 || name.length > 200 || letters < 4) return fail(YkCode.nameInvalid, YkText.nameInvalid)

  const address = vo.receiverAddress?.trim() ?? ''
  if (address === '') return fail(YkCode.addressMissing, YkText.addressMissing)
  if (address.length < 10 || address.length > 500) return fail(YkCode.addressInvalid, YkText.addressInvalid)

  for (const f of ['cityName', 'townName'] as const) {
    if ((vo[f]?.trim().length ?? 0) > 40) return fail(YkCode.formatInvalid, YkText.formatInvalid(f))
  }

  // §1: "area code + number = 10 digits"; the extra phones follow the same rule when sent.
  if (!/^\d{10}$/.test(vo.receiverPhone1?.trim() ?? '')) return fail(YkCode.phoneInvalid, YkText.phoneInvalid)
  for (const f of ['receiverPhone2', 'receiverPhone3'] as const) {
    if (present(vo[f]) && !/^\d{10}$/.test(vo[f].trim())) return fail(YkCode.phoneInvalid, YkText.phoneInvalid)
  }
  if (present(vo.emailAddress) && !EMAIL.test(vo.emailAddress.trim())) return fail(YkCode.emailInvalid, YkText.emailInvalid)

  for (const f of ['specialField1', 'specialField2', 'specialField3'] as const) {
    if (present(vo[f]) && !SPECIAL_FIELD.test(vo[f].trim())) return fail(YkCode.formatInvalid, YkText.formatInvalid(f))
  }

  const collection = vo.ttCollectionType?.trim() ?? ''
  const saveType = vo.ttDocumentSaveType?.trim() ?? ''
  if (collection !== '' && collection !== '0' && collection !== '1') return fail(YkCode.collectionTypeInvalid, YkText.collectionTypeInvalid)
  if (saveType !== '' && saveType !== '0' && saveType !== '1') return fail(YkCode.documentSaveTypeInvalid, YkText.documentSaveTypeInvalid)

  const cod = collection !== ''
  // 82512 "payment type ≠ contract": a COD user must collect, any other must not (our reading).
  const paymentType = ctx.user.paymentType
  if (paymentType !== undefined && (paymentType === 'COD') !== cod) return fail(YkCode.paymentTypeMismatch, YkText.paymentTypeMismatch)
  if (!cod) return fail(YkCode.ok, '')

  // §1: with ttCollectionType the amount, document id and save type are mandatory.
  if (!present(vo.ttInvoiceAmount)) return fail(YkCode.codAmountMissing, YkText.codAmountMissing)
  if (!(Number(vo.ttInvoiceAmount) > 0)) return fail(YkCode.codAmountInvalid, YkText.codAmountInvalid)
  if (!present(vo.ttDocumentId) || Number(vo.ttDocumentId) === 0) return fail(YkCode.codDocumentIdMissing, YkText.codDocumentIdMissing)
  if (saveType === '') return fail(YkCode.codDocumentSaveTypeMissing, YkText.codDocumentSaveTypeMissing)
  if (collection === '1') {
    const credit = Number(vo.dcSelectedCredit ?? '0')
    if (!(credit >= 1)) return fail(YkCode.installmentsMissing, YkText.installmentsMissing)
    // The doc lists 82511 among installment errors without a rule; 12 is our cap.
    if (credit > 12) return fail(YkCode.installmentsInvalid, YkText.installmentsInvalid)
    const rule = vo.dcCreditRule?.trim() ?? ''
    if (rule !== '0' && rule !== '1') return fail(YkCode.creditRuleInvalid, YkText.creditRuleInvalid)
  }
  return fail(YkCode.ok, '')
}
