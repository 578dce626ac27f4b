import { ArasSetOrderCode as S } from '../../protocols/aras/aras.codes'
import { ArasText, type ResolvedOptions } from './aras.config'
import type { PieceRecord } from './aras.state'

/**
 * SetOrder's field rules and the ResultCode each breaks (SetOrder doc table, docs/reference/carriers.md §2). Not
 * emulated, for want of a documented rule: the slang-word check of 936, 70025 (documents are one
 * piece: the Order has no document flag) and "branch closed" (70026).
 */

export type Refusal = Readonly<{ code: string; message: string }>

const refuse = (code: string, message: string): Refusal => ({ code, message })
const DECIMAL = /^\d+(?:[.,]\d+)?$/
const DIGITS = /^\d+$/

export type OrderCheckInput = Readonly<{
  fields: Readonly<Record<string, string>>
  pieces: readonly PieceRecord[]
  /** Whether the Order carried a PieceDetails element. */
  hasPieceDetails: boolean
  /** Who else uses a piece barcode (another order's IntegrationCode), if anyone. */
  barcodeOwner: (barcode: string) => string | undefined
}>

/** The first rule the Order breaks, or null when SetOrder may store it. */
export function checkOrder(input: OrderCheckInput, opts: ResolvedOptions): Refusal | null {
  const f = (k: string) => (input.fields[k] ?? '').trim()
  const code = f('IntegrationCode')
  if (code.length < 2 || code.length > 32) return refuse(S.integrationCode, ArasText.integrationCode)
  // Test scenarios (§2): IntegrationCode unique, at least 6 characters, digits.
  if (opts.testScenarioRules && (code.length < 6 || !DIGITS.test(code)))
    return refuse(S.integrationCode, `${ArasText.integrationCode} IntegrationCode en az 6 haneli ve sadece rakam olmalıdır.`)
  if (f('TradingWaybillNumber') === '') return refuse(S.waybillTooLong, ArasText.waybillMissing)
  if (f('TradingWaybillNumber').length > 16) return refuse(S.waybillTooLong, ArasText.waybillTooLong)
  if (f('InvoiceNumber').length > 20) return refuse(S.invoiceTooLong, ArasText.invoiceTooLong)
  if (f('ReceiverName') === '') return refuse(S.receiverData, ArasText.nameAddress)
  if (f('ReceiverName').length > 100) return refuse(S.receiverNameTooLong, ArasText.nameTooLong)
  if (f('ReceiverAddress') === '') return refuse(S.receiverData, ArasText.nameAddress)
  if (f('ReceiverAddress').length > 250) return refuse(S.addressTooLong, ArasText.addressTooLong)
  if (!DIGITS.test(f('ReceiverPhone1'))) return refuse(S.integrationCode, ArasText.phone)
  for (const k of ['ReceiverCityName', 'ReceiverTownName']) if (f(k) === '' || f(k).length > 32) return refuse(S.receiverData, ArasText.cityTown)
  // "Boş gelirse 1 atanır": an empty PayorTypeCode means the sender pays.
  const payor = f('PayorTypeCode') || '1'
  const isCod = f('IsCod') || '0'
  if (!['1', '2'].includes(payor) || !['0', '1'].includes(isCod)) return refuse(S.receiverData, ArasText.payorCod)
  if (!['', '0', '1'].includes(f('CodCollectionType'))) return refuse(S.receiverData, ArasText.codCollection)
  if (isCod === '1') {
    if (payor === '2') return refuse(S.receiverData, ArasText.receiverPaysCod)
    const amount = Number(f('CodAmount').replace(',', '.'))
    if (!DECIMAL.test(f('CodAmount')) || amount < 5 || amount > 5000) return refuse(S.pieceInvalid, ArasText.codRange)
  }
  return checkPieces(input, opts, code)
}

function checkPieces(input: OrderCheckInput, opts: ResolvedOptions, code: string): Refusal | null {
  const countText = (input.fields.PieceCount ?? '').trim()
  const count = countText === '' ? null : Number(countText)
  if (count !== null && (!Number.isInteger(count) || count <= 0)) return refuse(S.pieceCount, ArasText.pieceCount)
  if (!input.hasPieceDetails) return null
  // "Hayır (Detay iletiliyorsa Zorunlu)": with piece details the count must be there and match.
  if (count === null || count !== input.pieces.length || input.pieces.length === 0) return refuse(S.pieceCount, ArasText.pieceCount)
  const seen = new Set<string>()
  for (const p of input.pieces) {
    const barcode = p.BarcodeNumber.trim()
    if (barcode === '') return refuse(S.pieceBarcodeMissing, ArasText.pieceBarcodeMissing)
    if (barcode.length > 64) return refuse(S.pieceBarcodeMissing, `${ArasText.pieceBarcodeMissing} BarcodeNumber en fazla 64 karakter olabilir.`)
    if (opts.testScenarioRules && (barcode.length < 6 || !DIGITS.test(barcode)))
      return refuse(S.pieceBarcodeMissing, 'BarcodeNumber en az 6 haneli ve sadece rakam olmalıdır.')
    if (opts.pieceMeasuresRequired && p.VolumetricWeight.trim() === '') return refuse(S.volumeMissing, ArasText.volumeMissing)
    if (opts.pieceMeasuresRequired && p.Weight.trim() === '') return refuse(S.weightMissing, ArasText.weightMissing)
    if (p.VolumetricWeight.trim() !== '' && !DECIMAL.test(p.VolumetricWeight.trim())) return refuse(S.pieceInvalid, ArasText.volumeNotDecimal)
    if (p.Weight.trim() !== '' && !DECIMAL.test(p.Weight.trim())) return refuse(S.weightOrInvoiced, ArasText.weightNotDecimal)
    if (seen.has(barcode)) return refuse(S.duplicatePieceBarcodes, ArasText.duplicatePieceBarcodes)
    seen.add(barcode)
    const owner = input.barcodeOwner(barcode)
    if (owner !== undefined && owner !== code) return refuse(S.pieceInvalid, ArasText.barcodeSentBefore)
  }
  return null
}
