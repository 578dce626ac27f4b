import { ArasBarcodeCode, ArasCancelCode, ArasSetOrderCode as S, ArasTip } from '../../protocols/aras/aras.codes'
import { arasOrderXml } from '../../protocols/aras/aras.order'
import { ArasText, type ArasEmulatorUser, type ResolvedOptions } from './aras.config'
import { orderZpl } from './aras.labels'
import type { ArasState, EmulatedOrder, PieceRecord } from './aras.state'
import { checkOrder } from './aras.validation'
import { child, children, el, fieldsOf, TEMPURI, type XNode } from './aras.xml'

/** The ASMX operations of docs/reference/carriers.md §2. Refusals are HTTP 200 + ResultCode; faults only where noted. */

export type OpContext = Readonly<{ opts: ResolvedOptions; state: ArasState; op: XNode; args: Readonly<Record<string, string>>; nowMs: number }>
export type OpOutcome = Readonly<{ kind: 'ok'; inner: string }> | Readonly<{ kind: 'fault'; code: 'Client' | 'Server'; text: string }>

const ok = (inner: string): OpOutcome => ({ kind: 'ok', inner })

function userOf(opts: ResolvedOptions, username: string | undefined, password: string | undefined): ArasEmulatorUser | null {
  return opts.users.find((u) => u.username === username && u.password === password) ?? null
}

/** The GetOrder/GetOrderWithIntegrationCode `Order` element, fields in the service's order, password echoed as the doc shows. */
function orderXml(o: EmulatedOrder): string {
  return arasOrderXml(o.fields, o.pieces, el)
}

function resultInfo(code: string, message: string, invoiceKey = '', custId = ''): string {
  return `<OrderResultInfo>${el('ResultCode', code)}${el('ResultMessage', message)}${el('InvoiceKey', invoiceKey)}${el('OrgReceiverCustId', custId)}</OrderResultInfo>`
}

const setOrderResult = (infos: readonly string[]) => ok(`<SetOrderResult>${infos.join('')}</SetOrderResult>`)

function piecesOf(order: XNode): { pieces: PieceRecord[]; has: boolean } {
  const details = child(order, 'PieceDetails', TEMPURI)
  const pieces = children(details, 'PieceDetail', TEMPURI).map((p) => {
    const f = fieldsOf(p)
    return {
      VolumetricWeight: f.VolumetricWeight ?? '',
      Weight: f.Weight ?? '',
      BarcodeNumber: f.BarcodeNumber ?? '',
      ProductNumber: f.ProductNumber ?? '',
      Description: f.Description ?? '',
    }
  })
  return { pieces, has: details !== undefined }
}

function ownOrder(state: ArasState, username: string, code: string): EmulatedOrder | undefined {
  return state.orders.find((o) => o.username === username && o.integrationCode === code.trim())
}

/** SetOrder{orderInfo{Order[]},userName,password}: stores, or updates until the waybill is cut (60022). */
export function setOrder({ opts, state, op, args, nowMs }: OpContext): OpOutcome {
  const orders = children(child(op, 'orderInfo', TEMPURI), 'Order', TEMPURI)
  const queued = state.takeResult('SetOrder')
  if (queued) return setOrderResult((orders.length > 0 ? orders : [op]).map(() => resultInfo(queued.code, queued.message)))
  const user = userOf(opts, args.userName, args.password)
  if (orders.length === 0) return setOrderResult([resultInfo(user ? S.noOrder : S.badCredentials, user ? ArasText.noOrder : ArasText.auth)])
  return setOrderResult(orders.map((node) => storeOne(opts, state, node, user, nowMs)))
}

function storeOne(opts: ResolvedOptions, state: ArasState, node: XNode, user: ArasEmulatorUser | null, nowMs: number): string {
  const fields = fieldsOf(node)
  // Credentials travel twice (§2): the arguments and the Order's own must both be right.
  if (!user || fields.UserName !== user.username || fields.Password !== user.password) return resultInfo(S.badCredentials, ArasText.auth)
  if (user.accountProblem) {
    const text = { [S.integrationInfo]: ArasText.integrationInfo, [S.noBranch]: ArasText.noBranch, [S.noDispatchAddress]: ArasText.noDispatchAddress }[
      user.accountProblem
    ]
    return resultInfo(user.accountProblem, text)
  }
  const { pieces, has } = piecesOf(node)
  const code = (fields.IntegrationCode ?? '').trim()
  const barcodeOwner = (b: string) => state.orders.find((o) => o.cancelledAtMs === null && o.pieces.some((p) => p.BarcodeNumber.trim() === b))?.integrationCode
  const refusal = checkOrder({ fields, pieces, hasPieceDetails: has, barcodeOwner }, opts)
  if (refusal) return resultInfo(refusal.code, refusal.message)
  const existing = ownOrder(state, user.username, code)
  if (existing && existing.cancelledAtMs === null) {
    if (existing.durum !== null) return resultInfo(S.waybillCut, ArasText.waybillCut)
    if (existing.sends >= opts.maxSends) return resultInfo(S.integrationCode, ArasText.tooManySends)
    // Re-sending the same IntegrationCode updates the order (§2).
    Object.assign(existing, { fields: { ...fields }, pieces, sends: existing.sends + 1, updatedAtMs: nowMs })
    return resultInfo(S.ok, ArasText.ok, existing.invoiceKey, '')
  }
  const fresh: EmulatedOrder = {
    username: user.username,
    integrationCode: code,
    fields: { ...fields },
    pieces,
    sends: 1,
    createdAtMs: nowMs,
    updatedAtMs: nowMs,
    invoiceKey: existing?.invoiceKey ?? state.nextInvoiceKey(),
    cancelledAtMs: null,
    trackingNumber: null,
    durum: null,
    tip: ArasTip.normal,
    devir: '',
    receivedBy: '',
    deliveredAtMs: null,
    movements: [],
  }
  // CancelDispatch deleted the old data; the same code starts a new order in its place.
  if (existing) state.orders.splice(state.orders.indexOf(existing), 1, fresh)
  else state.add(fresh)
  return resultInfo(S.ok, ArasText.ok, fresh.invoiceKey, '')
}

function lookupAuthFailed(opts: ResolvedOptions, resultElement: string): OpOutcome {
  return opts.lookupAuthFailure === 'fault' ? { kind: 'fault', code: 'Server', text: ArasText.lookupAuth } : ok(`<${resultElement} />`)
}

/** GetOrderWithIntegrationCode{userName,password,integrationCode} → ArrayOfOrder (empty when unknown or cancelled). */
export function getOrderWithIntegrationCode({ opts, state, args }: OpContext): OpOutcome {
  const user = userOf(opts, args.userName, args.password)
  if (!user) return lookupAuthFailed(opts, 'GetOrderWithIntegrationCodeResult')
  const o = ownOrder(state, user.username, args.integrationCode ?? '')
  return ok(
    o && o.cancelledAtMs === null
      ? `<GetOrderWithIntegrationCodeResult>${orderXml(o)}</GetOrderWithIntegrationCodeResult>`
      : '<GetOrderWithIntegrationCodeResult />',
  )
}

/** Turkey date "dd.MM.yyyy" of an instant (UTC+3). */
export function trDate(ms: number): string {
  const d = new Date(ms + 3 * 3_600_000)
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`
}

export function trDateTime(ms: number): string {
  const d = new Date(ms + 3 * 3_600_000)
  return `${trDate(ms)} ${[d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}`
}

/** GetOrder{userName,password,Date "dd.MM.yyyy"}: the orders stored that day. */
export function getOrder({ opts, state, args }: OpContext): OpOutcome {
  const user = userOf(opts, args.userName, args.password)
  if (!user) return lookupAuthFailed(opts, 'GetOrderResult')
  const day = (args.Date ?? '').trim()
  const rows = state.orders.filter((o) => o.username === user.username && o.cancelledAtMs === null && trDate(o.createdAtMs) === day)
  return ok(rows.length > 0 ? `<GetOrderResult>${rows.map(orderXml).join('')}</GetOrderResult>` : '<GetOrderResult />')
}

function dispatchResult(code: string, message: string, cargoKey = ''): OpOutcome {
  return ok(`<CancelDispatchResult>${el('ResultCode', code)}${el('ResultMessage', message)}${el('CargoKey', cargoKey)}</CancelDispatchResult>`)
}

/** CancelDispatch: 0 (or 1) deleted, 405 already cancelled, 999 waybill cut, -1 unknown, -2 credentials (§2). */
export function cancelDispatch({ opts, state, args, nowMs }: OpContext): OpOutcome {
  const queued = state.takeResult('CancelDispatch')
  if (queued) return dispatchResult(queued.code, queued.message)
  const user = userOf(opts, args.userName, args.password)
  if (!user) return dispatchResult(ArasCancelCode.badCredentials, ArasText.cancelAuth)
  const code = (args.integrationCode ?? '').trim()
  const o = ownOrder(state, user.username, code)
  if (!o) return dispatchResult(ArasCancelCode.notFound, ArasText.notFound)
  if (o.cancelledAtMs !== null)
    return dispatchResult(
      ArasCancelCode.alreadyCancelled,
      `${code} numaralı sipariş daha önce iptal edilmiştir. İptal tarihi: ${trDateTime(o.cancelledAtMs)}`,
      o.trackingNumber ?? '',
    )
  if (o.durum !== null) return dispatchResult(ArasCancelCode.waybillCut, ArasText.cancelCut, o.trackingNumber ?? '')
  o.cancelledAtMs = nowMs
  o.updatedAtMs = nowMs
  const message = opts.cancelSuccessCode === ArasCancelCode.deleted ? `${code} Başarılı bir şekilde silindi.` : ArasText.ok
  return dispatchResult(opts.cancelSuccessCode, message, o.trackingNumber ?? '')
}

/**
 * BarcodeResult as protocols/aras/arascargoservice.wsdl declares it: ZebraZpl{string*},
 * BarcodeModelLst{BarcodeModel*} (one per piece, its required fields in sequence), Message, ResultCode.
 */
function barcodeResult(code: string, message: string, zpl: readonly string[] = [], order?: EmulatedOrder): OpOutcome {
  const zplXml = zpl.length > 0 ? `<ZebraZpl>${zpl.map((z) => el('string', z)).join('')}</ZebraZpl>` : ''
  const tracking = order?.trackingNumber ?? ''
  const models = order
    ? zpl.map(
        (_z, i) =>
          `<BarcodeModel><Volume>0</Volume><TotalVolume>0</TotalVolume><BarcodeDate>${new Date(order.createdAtMs).toISOString()}</BarcodeDate><DeliveryUnitID>0</DeliveryUnitID><SourceUnitID>0</SourceUnitID>` +
          `${el('TrackingNumber', tracking)}${el('IntegrationCode', order.integrationCode)}<PieceNumber>${i + 1}</PieceNumber><PieceCount>${zpl.length}</PieceCount><CashPrice>0</CashPrice>` +
          `<WaybillID>00000000-0000-0000-0000-${tracking.padStart(12, '0').slice(-12)}</WaybillID></BarcodeModel>`,
      )
    : []
  const modelLst = models.length > 0 ? `<BarcodeModelLst>${models.join('')}</BarcodeModelLst>` : ''
  return ok(`<GetBarcodeResult>${zplXml}${modelLst}${el('Message', message)}${el('ResultCode', code)}</GetBarcodeResult>`)
}

/** GetBarcode{Username,Password,integrationCode}: 1004 until the branch is resolved, then ZPL per piece + the 13-digit number. */
export function getBarcode({ opts, state, args, nowMs }: OpContext): OpOutcome {
  const queued = state.takeResult('GetBarcode')
  if (queued) return barcodeResult(queued.code, queued.message)
  const user = userOf(opts, args.Username, args.Password)
  if (!user) return barcodeResult(ArasBarcodeCode.badCredentials, ArasText.auth)
  if (!user.barcodePermitted) return barcodeResult(opts.barcodeDeniedCode, ArasText.barcodeDenied)
  const o = ownOrder(state, user.username, args.integrationCode ?? '')
  if (!o || o.cancelledAtMs !== null) return barcodeResult(ArasCancelCode.notFound, ArasText.notFound) // GetBarcode documents no code for it: CancelDispatch's
  if (nowMs - o.createdAtMs < opts.barcodeReadyAfterMs) return barcodeResult(ArasBarcodeCode.notReady, ArasText.barcodeNotReady)
  o.trackingNumber ??= state.nextTrackingNumber()
  return barcodeResult(ArasBarcodeCode.ok, ArasText.ok, orderZpl(o), o)
}
