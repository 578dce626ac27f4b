import { YkCode, YkText, type ResolvedOptions, type YurticiUser } from './yurtici.config'
import { OPERATION, REJECT_TEXT, RETURN_TEXT, requestReturn, trDateTime } from './yurtici.lifecycle'
import type { EmulatedShipment, YurticiState } from './yurtici.state'
import { unmarshalError, validateRow } from './yurtici.validation'
import { el, ordered, type ParsedRequest } from './yurtici.xml'

/**
 * The four operations of docs/reference/carriers.md §1/§14. Each returns the inner XML of its `…Response`
 * element, with elements in the XSD's order (base type first: outFlag, outResult, errCode), or a
 * fault when JAXB would not have bound the message.
 */

export type OpOutcome =
  | Readonly<{ kind: 'ok'; xml: string }>
  | Readonly<{ kind: 'fault'; faultcode: string; faultstring: string; detail?: Readonly<{ errorCode: number; errText: string }> }>

export type OpContext = Readonly<{ opts: ResolvedOptions; state: YurticiState; user: YurticiUser; req: ParsedRequest }>

/** The result element of each operation, so auth errors and outFlag 2 can be answered in its shape. */
export const RESULT_ELEMENT: Readonly<Record<string, Readonly<{ name: string; tail: (custId: number) => string }>>> = {
  createShipment: { name: 'ShippingOrderResultVO', tail: () => el('count', 0) + el('jobId', 0) },
  cancelShipment: { name: 'ShippingOrderResultVO', tail: (c) => el('count', 0) + el('senderCustId', c) },
  queryShipment: { name: 'ShippingDeliveryVO', tail: (c) => el('count', 0) + el('senderCustId', c) },
  saveReturnShipmentCode: { name: 'ExtendedBaseResultVO', tail: () => '' },
}

/** outFlag 1 or 2 with a result-level errCode and nothing else (auth in errCode mode, injected 936). */
export function resultError(operation: string, outFlag: 1 | 2, errCode: number, text: string, custId: number): string {
  const r = RESULT_ELEMENT[operation]
  if (!r) throw new Error(`no result element for ${operation}`)
  return `<${r.name}>${el('outFlag', outFlag)}${el('outResult', text)}${el('errCode', errCode)}${r.tail(custId)}</${r.name}>`
}

const ok = (xml: string): OpOutcome => ({ kind: 'ok', xml })
const flag = (anyOk: boolean) => (anyOk ? 0 : 1)
const nonEmpty = (s: string) => (s === '' ? undefined : s)

export function createShipment({ opts, state, user, req }: OpContext): OpOutcome {
  for (const vo of req.orders) {
    const problem = unmarshalError(vo)
    if (problem) return { kind: 'fault', faultcode: 'S:Client', faultstring: problem }
  }
  // A key stored earlier in this same request also exists (two rows with one cargoKey → 60020).
  const seen = new Set<string>()
  const verdicts = req.orders.map((vo) => {
    const v = validateRow(vo, { user, exists: (k) => seen.has(k) || state.find(user.senderCustId, k) !== undefined })
    if (v.errCode === YkCode.ok) seen.add((vo.cargoKey ?? '').trim())
    return v
  })
  const anyOk = verdicts.some((v) => v.errCode === YkCode.ok)
  const jobId = anyOk ? state.nextJobId() : 0
  req.orders.forEach((vo, i) => {
    if (verdicts[i]?.errCode === YkCode.ok) state.add(draft(vo, user, jobId, opts.now()))
  })
  const rows = req.orders
    .map((vo, i) => {
      const v = verdicts[i] ?? { errCode: YkCode.unexpected, errMessage: YkText.unexpected }
      return `<shippingOrderDetailVO>${el('cargoKey', vo.cargoKey)}${el('errCode', v.errCode)}${el('errMessage', nonEmpty(v.errMessage))}${el('invoiceKey', vo.invoiceKey)}</shippingOrderDetailVO>`
    })
    .join('')
  return ok(
    `<ShippingOrderResultVO>${el('outFlag', flag(anyOk))}${el('outResult', anyOk ? YkText.success : YkText.allFailed)}` +
      `${el('count', req.orders.length)}${el('jobId', jobId)}${rows}</ShippingOrderResultVO>`,
  )
}

function draft(vo: Readonly<Record<string, string | undefined>>, user: YurticiUser, jobId: number, nowMs: number): EmulatedShipment {
  const order: Record<string, string> = {}
  for (const [k, v] of Object.entries(vo)) if (v !== undefined) order[k] = v
  return {
    senderCustId: user.senderCustId,
    username: user.username,
    cargoKey: (vo.cargoKey ?? '').trim(),
    invoiceKey: (vo.invoiceKey ?? '').trim(),
    jobId,
    order,
    createdAt: new Date(nowMs).toISOString(),
    status: 'NOP',
    docId: null,
    documentDate: '',
    documentTime: '',
    events: [],
    deliveryDate: '',
    deliveryTime: '',
    receiverInfo: '',
    rejectStatus: '',
    rejectReason: '',
    returnStatus: '',
    returnDocId: '',
  }
}

const CANCEL_ROW = ['cargoKey', 'docId', 'errCode', 'errMessage', 'invoiceKey', 'jobId', 'operationCode', 'operationMessage', 'operationStatus'] as const

export function cancelShipment({ state, user, req }: OpContext): OpOutcome {
  const rows = req.cargoKeys.map((key) => {
    const s = state.find(user.senderCustId, key.trim())
    const row = (status: keyof typeof OPERATION | undefined, errCode: number, errMessage: string, message?: string) =>
      `<shippingCancelDetailVO>${ordered(CANCEL_ROW, {
        cargoKey: key,
        docId: s?.docId ?? 0,
        errCode,
        errMessage: nonEmpty(errMessage),
        invoiceKey: s?.invoiceKey,
        jobId: s?.jobId ?? 0,
        operationCode: status ? OPERATION[status].code : undefined,
        operationMessage: status ? (message ?? OPERATION[status].message) : undefined,
        operationStatus: status,
      })}</shippingCancelDetailVO>`
    if (!s) return { ok: false, xml: row(undefined, YkCode.cargoKeyNotFound, YkText.cargoKeyNotFound) }
    if (s.status === 'NOP' || s.status === 'ISR') {
      s.status = 'CNL'
      return { ok: true, xml: row('CNL', YkCode.ok, '') }
    }
    if (s.status === 'CNL') return { ok: false, xml: row('ISC', YkCode.alreadyCancelled, YkText.alreadyCancelled) }
    if (s.status === 'IND') {
      requestReturn(s)
      return { ok: true, xml: row('IND', YkCode.ok, '', YkText.returnRequested) }
    }
    // After delivery or a branch-cancelled invoice the doc says nothing; we answer the status and refuse (ours).
    return { ok: true, xml: row(s.status, YkCode.ok, '', YkText.notCancellable(s.status)) }
  })
  const anyOk = rows.some((r) => r.ok)
  return ok(
    `<ShippingOrderResultVO>${el('outFlag', flag(anyOk))}${el('outResult', anyOk ? YkText.success : YkText.allFailed)}` +
      `${el('count', rows.length)}${el('senderCustId', user.senderCustId)}${rows.map((r) => r.xml).join('')}</ShippingOrderResultVO>`,
  )
}

/** ShippingDeliveryItemDetailVO's XSD sequence (the elements we fill, in their place). */
const ITEM_ORDER = [
  'cargoKey',
  'docId',
  'invoiceNumber',
  'docNumber',
  'waybillNo',
  'documentDebitId',
  'senderCustId',
  'senderCustName',
  'senderAddressTxt',
  'receiverCustId',
  'receiverCustName',
  'receiverAddressTxt',
  'documentDate',
  'documentTime',
  'documentDelFlag',
  'receiverInfo',
  'docType',
  'docTypeExplanation',
  'contractId',
  'trackingUrl',
  'cargoType',
  'cargoTypeExplanation',
  'pickupType',
  'pickupTypeExplanation',
  'deliveryType',
  'deliveryTypeExplanation',
  'deliveryDate',
  'deliveryTime',
  'totalPrice',
  'totalVat',
  'totalAmount',
  'product',
  'totalDesi',
  'totalKg',
  'totalDesiKg',
  'totalCargo',
  'arrivalUnitId',
  'arrivalUnitName',
  'departureUnitId',
  'departureUnitName',
  'arrivalTrCenterUnitId',
  'arrivalTrCenterName',
  'departureTrCenterUnitId',
  'departureTrCenterName',
  'deliveryUnitId',
  'deliveryUnitName',
  'deliveryUnitType',
  'deliveryUnitTypeExplanation',
  'cargoEventId',
  'cargoEventExplanation',
  'cargoReasonId',
  'cargoReasonExplanation',
  'documentEventId',
  'documentReasonId',
  'documentEventExplanation',
  'documentReasonExplanation',
  'delInfoDeliveryFlag',
  'delInfoDelUnitId',
  'delEmpName',
  'delEmpId',
  'rejectStatus',
  'rejectStatusExplanation',
  'rejectDescription',
  'rejectReasonExplanation',
  'returnDocId',
  'returnDocumentDate',
  'returnDeliveryDate',
  'returnStatus',
  'returnStatusExplanation',
] as const
const EVENT_ORDER = ['unitId', 'unitName', 'eventId', 'eventName', 'reasonId', 'reasonName', 'eventDate', 'eventTime', 'cityName', 'townName'] as const
const FIELD_NAMES: Readonly<Record<string, string>> = { '3': 'Sipariş No', '16': 'İade Onay Kodu', '20': 'Kampanya Kodu', '53': 'Anahtar Alan' }

function item(s: EmulatedShipment, opts: ResolvedOptions, history: boolean, onlyTracking: boolean): string {
  if (s.docId === null) return ''
  const trackingUrl = opts.trackingUrlTemplate.replace('{docId}', s.docId)
  if (onlyTracking)
    return `<shippingDeliveryItemDetailVO>${ordered(ITEM_ORDER, { cargoKey: s.cargoKey, docId: s.docId, trackingUrl })}</shippingDeliveryItemDetailVO>`
  const last = s.events.at(-1)
  const fields = history
    ? [...(s.order.specialField1 ?? '').matchAll(/(\d+)\$([^$#]*)#/g)]
        .map(
          ([, no, value]) =>
            `<invDocFieldVOArray>${ordered(['docId', 'fieldName', 'fieldNameExplanation', 'fieldValue'], { docId: s.docId, fieldName: no, fieldNameExplanation: FIELD_NAMES[no ?? ''] ?? '', fieldValue: value })}</invDocFieldVOArray>`,
        )
        .join('')
    : ''
  const events = history ? s.events.map((e) => `<invDocCargoVOArray>${ordered(EVENT_ORDER, e)}</invDocCargoVOArray>`).join('') : ''
  const values = {
    cargoKey: s.cargoKey,
    docId: s.docId,
    docNumber: s.docId,
    receiverCustName: s.order.receiverCustName,
    receiverAddressTxt: s.order.receiverAddress,
    documentDate: s.documentDate,
    documentTime: s.documentTime,
    receiverInfo: nonEmpty(s.receiverInfo),
    docType: '1',
    trackingUrl,
    deliveryDate: nonEmpty(s.deliveryDate),
    deliveryTime: nonEmpty(s.deliveryTime),
    totalDesi: s.order.desi,
    totalKg: s.order.kg,
    totalCargo: s.order.cargoCount,
    arrivalUnitName: last?.unitName,
    departureUnitName: opts.departureUnit.name,
    cargoEventId: last?.eventId,
    cargoEventExplanation: last?.eventName,
    cargoReasonId: last?.reasonId,
    cargoReasonExplanation: last?.reasonName,
    rejectStatus: nonEmpty(s.rejectStatus),
    rejectStatusExplanation: s.rejectStatus ? REJECT_TEXT[s.rejectStatus] : undefined,
    rejectReasonExplanation: nonEmpty(s.rejectReason),
    returnDocId: nonEmpty(s.returnDocId),
    returnDeliveryDate: s.returnStatus === '3' ? trDateTime(opts.now()).date : undefined,
    returnStatus: nonEmpty(s.returnStatus),
    returnStatusExplanation: s.returnStatus ? RETURN_TEXT[s.returnStatus] : undefined,
  }
  return `<shippingDeliveryItemDetailVO>${ordered(ITEM_ORDER, values)}${fields}${events}</shippingDeliveryItemDetailVO>`
}

const DELIVERY_ROW = ['cargoKey', 'errCode', 'errMessage', 'invoiceKey', 'jobId', 'operationCode', 'operationMessage', 'operationStatus'] as const

export function queryShipment({ opts, state, user, req }: OpContext): OpOutcome {
  const keyType = (req.fields.keyType ?? '').trim()
  if (keyType !== '0' && keyType !== '1')
    return { kind: 'ok', xml: resultError('queryShipment', 1, YkCode.formatInvalid, YkText.formatInvalid('keyType'), user.senderCustId) }
  const history = req.fields.addHistoricalData?.trim() === 'true'
  const onlyTracking = req.fields.onlyTracking?.trim() === 'true'
  const rows: string[] = []
  let found = 0
  for (const raw of req.keys) {
    const key = raw.trim()
    const matches = keyType === '0' ? [state.find(user.senderCustId, key)].filter((s) => s !== undefined) : state.byInvoiceKey(user.senderCustId, key)
    if (matches.length === 0) {
      // The doc lists 82519 for cancel; the query answer for an unknown key is not documented, so the same code (ours).
      rows.push(
        `<shippingDeliveryDetailVO>${ordered(DELIVERY_ROW, { cargoKey: keyType === '0' ? key : undefined, errCode: YkCode.cargoKeyNotFound, errMessage: YkText.cargoKeyNotFound, invoiceKey: keyType === '1' ? key : undefined, jobId: 0 })}</shippingDeliveryDetailVO>`,
      )
      continue
    }
    for (const s of matches) {
      found++
      const op = OPERATION[s.status]
      rows.push(
        `<shippingDeliveryDetailVO>${ordered(DELIVERY_ROW, { cargoKey: s.cargoKey, errCode: 0, invoiceKey: s.invoiceKey, jobId: s.jobId, operationCode: op.code, operationMessage: op.message, operationStatus: s.status })}` +
          `${item(s, opts, history, onlyTracking)}</shippingDeliveryDetailVO>`,
      )
    }
  }
  return ok(
    `<ShippingDeliveryVO>${el('outFlag', flag(found > 0))}${el('outResult', found > 0 ? YkText.success : YkText.allFailed)}` +
      `${el('count', rows.length)}${el('senderCustId', user.senderCustId)}${rows.join('')}</ShippingDeliveryVO>`,
  )
}

const validDay = (d: string) => /^\d{8}$/.test(d) && !Number.isNaN(Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T00:00:00Z`))

export function saveReturnShipmentCode({ opts, state, user, req }: OpContext): OpOutcome {
  const f = req.fields
  const fieldName = f.fieldName?.trim() ?? ''
  const returnCode = f.returnCode?.trim() ?? ''
  const startDate = f.startDate?.trim() ?? ''
  const endDate = f.endDate?.trim() ?? ''
  const maxCountText = f.maxCount?.trim() ?? ''
  if (maxCountText !== '' && !/^[+-]?\d+$/.test(maxCountText))
    return { kind: 'fault', faultcode: 'S:Client', faultstring: `Unmarshalling Error: Not a number: ${maxCountText} (maxCount)` }
  const maxCount = Number(maxCountText || '0')
  const refuse = (field: string, text = YkText.formatInvalid(field)) =>
    ok(resultError('saveReturnShipmentCode', 1, YkCode.formatInvalid, text, user.senderCustId))
  // Field rules are ours: the doc names the elements (§1 [YK-EH]) but gives no formats; YYYYMMDD as elsewhere.
  if (!opts.returnCodeFieldNames.includes(fieldName)) return refuse('fieldName')
  if (returnCode === '' || returnCode.length > 50) return refuse('returnCode')
  if (!validDay(startDate)) return refuse('startDate')
  if (!validDay(endDate) || endDate < startDate) return refuse('endDate')
  if (maxCount < 1) return refuse('maxCount')
  const entry = { fieldName, returnCode, startDate, endDate, maxCount, senderCustId: user.senderCustId }
  const prior = state.returnCodes.find((r) => r.senderCustId === user.senderCustId && r.fieldName === fieldName && r.returnCode === returnCode)
  // Unsure (§1 is silent on repeats): the answer is an option, see repeatedReturnCode in yurtici.config.ts.
  if (prior && opts.repeatedReturnCode === 'error')
    return ok(resultError('saveReturnShipmentCode', 1, opts.returnCodeExistsErrCode, YkText.returnCodeExists, user.senderCustId))
  if (prior && (prior.startDate !== startDate || prior.endDate !== endDate || prior.maxCount !== maxCount)) {
    return ok(resultError('saveReturnShipmentCode', 1, YkCode.formatInvalid, YkText.returnCodeConflict, user.senderCustId))
  }
  // The same code saved again with the same data is accepted (our choice: makes a retry harmless).
  if (!prior) state.returnCodes.push(entry)
  return ok(`<ExtendedBaseResultVO>${el('outFlag', 0)}${el('outResult', YkText.returnCodeSaved)}</ExtendedBaseResultVO>`)
}
