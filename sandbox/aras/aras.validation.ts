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
  if (code.length < 2 || code.length > 32) return refuse('935', ArasText.integrationCode)
  // Test scenarios (§2): IntegrationCode unique, at least 6 characters, digits.
  if (opts.testScenarioRules && (code.length < 6 || !DIGITS.test(code)))
    return refuse('935', `${ArasText.integrationCode} IntegrationCode en az 6 haneli ve sadece rakam olmalıdır.`)
  if (f('TradingWaybillNumber') === '') return refuse('70121', ArasText.waybillMissing)
  if (f('TradingWaybillNumber').length > 16) return refuse('70121', ArasText.waybillTooLong)
  if (f('InvoiceNumber').length > 20) return refuse('70019', ArasText.invoiceTooLong)
  if (f('ReceiverName') === '') return refuse('936', ArasText.nameAddress)
  if (f('ReceiverName').length > 100) return refuse('934', ArasText.nameTooLong)
  if (f('ReceiverAddress') === '') return refuse('936', ArasText.nameAddress)
  if (f('ReceiverAddress').length > 250) return refuse('70018', ArasText.addressTooLong)
  if (!DIGITS.test(f('ReceiverPhone1'))) return refuse('935', ArasText.phone)
  for (const k of ['ReceiverCityName', 'ReceiverTownName']) if (f(k) === '' || f(k).length > 32) return refuse('936', ArasText.cityTown)
  // "Boş gelirse 1 atanır": an empty PayorTypeCode means the sender pays.
  const payor = f('PayorTypeCode') || '1'
  const isCod = f('IsCod') || '0'
  if (!['1', '2'].includes(payor) || !['0', '1'].includes(isCod)) return refuse('936', ArasText.payorCod)
  if (!['', '0', '1'].includes(f('CodCollectionType'))) return refuse('936', ArasText.codCollection)
  if (isCod === '1') {
    if (payor === '2') return refuse('936', ArasText.receiverPaysCod)
    const amount = Number(f('CodAmount').replace(',', '.'))
    if (!DECIMAL.test(f('CodAmount')) || amount < 5 || amount > 5000) return refuse('70026', ArasText.codRange)
  }
  return checkPieces(input, opts, code)
}

function checkPieces(input: OrderCheckInput, opts: ResolvedOptions, code: string): Refusal | null {
  const countText = (input.fields.PieceCount ?? '').trim()
  const count = countText === '' ? null : Number(countText)
  if (count !== null && (!Number.isInteger(count) || count <= 0)) return refuse('70021', ArasText.pieceCount)
  if (!input.hasPieceDetails) return null
  // "Hayır (Detay iletiliyorsa Zorunlu)": with piece details the count must be there and match.
  if (count === null || count !== input.pieces.length || input.pieces.length === 0) return refuse('70021', ArasText.pieceCount)
  const seen = new Set<string>()
  for (const p of input.pieces) {
    const barcode = p.BarcodeNumber.trim()
    if (barcode === '') return refuse('70022', ArasText.pieceBarcodeMissing)
    if (barcode.length > 64) return refuse('70022', `${ArasText.pieceBarcodeMissing} BarcodeNumber en fazla 64 karakter olabilir.`)
    if (opts.testScenarioRules && (barcode.length < 6 || !DIGITS.test(barcode)))
      return refuse('70022', 'BarcodeNumber en az 6 haneli ve sadece rakam olmalıdır.')
    if (opts.pieceMeasuresRequired && p.VolumetricWeight.trim() === '') return refuse('70023', ArasText.volumeMissing)
    if (opts.pieceMeasuresRequired && p.Weight.trim() === '') return refuse('70024', ArasText.weightMissing)
    if (p.VolumetricWeight.trim() !== '' && !DECIMAL.test(p.VolumetricWeight.trim())) return refuse('70026', ArasText.volumeNotDecimal)
    if (p.Weight.trim() !== '' && !DECIMAL.test(p.Weight.trim())) return refuse('70027', ArasText.weightNotDecimal)
    if (seen.has(barcode)) return refuse('70028', ArasText.duplicatePieceBarcodes)
    seen.add(barcode)
    const owner = input.barcodeOwner(barcode)
    if (owner !== undefined && owner !== code) return refuse('70026', ArasText.barcodeSentBefore)
  }
  return null
}
