import { describe, expect, it } from 'vitest'
import { YkCode } from './yurtici.config'
import { unmarshalError, validateRow } from './yurtici.validation'
import { SAMPLE_RECEIVER_FIELDS } from './yurtici.fixtures'

const valid = {
  cargoKey: 'KJ0000000000000001',
  invoiceKey: 'KJ00000000000000',
  ...SAMPLE_RECEIVER_FIELDS,
  taxOfficeId: '0',
  cargoCount: '1',
  ttDocumentId: '0',
  dcSelectedCredit: '0',
  dcCreditRule: '0',
}
const cod = { ttCollectionType: '0', ttInvoiceAmount: '134.52', ttDocumentId: '123456789012', ttDocumentSaveType: '0' }
const card = { ...cod, ttCollectionType: '1', dcSelectedCredit: '3', dcCreditRule: '1' }
const anyUser = { username: 'YKTEST', password: 'YK', senderCustId: 1 }
const ctx = { user: anyUser, exists: (k: string) => k === 'TAKEN' }

// docs/reference/carriers.md §1: one errCode per row, first failing rule wins.
describe('validateRow: every documented row code', () => {
  it.each([
    ['valid', {}, YkCode.ok],
    ['cargoKey missing', { cargoKey: '' }, YkCode.cargoKeyMissing],
    ['cargoKey absent', { cargoKey: undefined }, YkCode.cargoKeyMissing],
    ['cargoKey 21 chars', { cargoKey: 'X'.repeat(21) }, YkCode.cargoKeyTooLong],
    ['cargoKey 20 chars', { cargoKey: 'X'.repeat(20) }, YkCode.ok],
    ['cargoKey exists', { cargoKey: 'TAKEN' }, YkCode.cargoKeyExists],
    ['invoiceKey missing', { invoiceKey: ' ' }, YkCode.invoiceKeyMissing],
    ['invoiceKey 21 chars', { invoiceKey: 'I'.repeat(21) }, YkCode.invoiceKeyInvalid],
    ['name missing', { receiverCustName: '' }, YkCode.nameMissing],
    ['name 4 chars', { receiverCustName: 'Elif' }, YkCode.nameInvalid],
    ['name with 3 letters', { receiverCustName: 'A.B.C 12' }, YkCode.nameInvalid],
    ['name 201 chars', { receiverCustName: 'a'.repeat(201) }, YkCode.nameInvalid],
    ['name 5 chars, 4 letters', { receiverCustName: 'Ali K' }, YkCode.ok],
    ['address missing', { receiverAddress: '' }, YkCode.addressMissing],
    ['address 9 chars', { receiverAddress: 'Cad. No:1' }, YkCode.addressInvalid],
    ['address 501 chars', { receiverAddress: 'a'.repeat(501) }, YkCode.addressInvalid],
    ['address 10 chars', { receiverAddress: 'Cad. No:12' }, YkCode.ok],
    ['il 41 chars', { cityName: 'i'.repeat(41) }, YkCode.formatInvalid],
    ['phone with 0 prefix (11 digits)', { receiverPhone1: '05359876543' }, YkCode.phoneInvalid],
    ['phone with spaces', { receiverPhone1: '535 987 6543' }, YkCode.phoneInvalid],
    ['phone missing', { receiverPhone1: undefined }, YkCode.phoneInvalid],
    ['phone2 short', { receiverPhone2: '12345' }, YkCode.phoneInvalid],
    ['email bad', { emailAddress: 'elif@' }, YkCode.emailInvalid],
    ['specialField1 ok', { specialField1: '3$SIP-1#16$RMA#' }, YkCode.ok],
    ['specialField1 without #', { specialField1: '3$SIP-1' }, YkCode.formatInvalid],
    ['specialField2 free text', { specialField2: 'hello' }, YkCode.formatInvalid],
    ['ttCollectionType 2', { ...cod, ttCollectionType: '2' }, YkCode.collectionTypeInvalid],
    ['ttDocumentSaveType 5', { ...cod, ttDocumentSaveType: '5' }, YkCode.documentSaveTypeInvalid],
    ['COD cash valid', cod, YkCode.ok],
    ['COD amount missing', { ...cod, ttInvoiceAmount: undefined }, YkCode.codAmountMissing],
    ['COD amount 0', { ...cod, ttInvoiceAmount: '0' }, YkCode.codAmountInvalid],
    ['COD document id 0', { ...cod, ttDocumentId: '0' }, YkCode.codDocumentIdMissing],
    ['COD save type missing', { ...cod, ttDocumentSaveType: undefined }, YkCode.codDocumentSaveTypeMissing],
    ['card valid', card, YkCode.ok],
    ['card without installments', { ...card, dcSelectedCredit: '0' }, YkCode.installmentsMissing],
    ['card with 13 installments', { ...card, dcSelectedCredit: '13' }, YkCode.installmentsInvalid],
    ['card credit rule 2', { ...card, dcCreditRule: '2' }, YkCode.creditRuleInvalid],
  ] as Array<[string, Record<string, string | undefined>, number]>)('%s → %i', (_name, over, code) => {
    expect(validateRow({ ...valid, ...over }, ctx).errCode).toBe(code)
  })

  it.each([
    ['GO', {}, YkCode.ok],
    ['GO', cod, YkCode.paymentTypeMismatch],
    ['COD', {}, YkCode.paymentTypeMismatch],
    ['COD', cod, YkCode.ok],
  ] as const)('a %s user sending %j → %i (82512)', (paymentType, over, code) => {
    expect(validateRow({ ...valid, ...over }, { ...ctx, user: { ...anyUser, paymentType } }).errCode).toBe(code)
  })

  it('every refusal carries a message', () => {
    expect(validateRow({ ...valid, receiverPhone1: '1' }, ctx).errMessage).toMatch(/10 haneli/)
    expect(validateRow(valid, ctx).errMessage).toBe('')
  })
})

describe('unmarshalError: numeric elements must be of their XSD type', () => {
  it.each([
    [{ desi: '1.5' }, null],
    [{ desi: '1,5' }, /Not a number: 1,5 \(desi\)/],
    [{ taxOfficeId: '1.0' }, /taxOfficeId/],
    [{ cargoCount: 'iki' }, /cargoCount/],
    [{ ttInvoiceAmount: '1e3' }, null],
    [{ kg: '' }, null],
  ] as Array<[Record<string, string>, RegExp | null]>)('%j', (over, expected) => {
    const result = unmarshalError({ ...valid, ...over })
    if (expected === null) expect(result).toBeNull()
    else expect(result).toMatch(expected)
  })
})
