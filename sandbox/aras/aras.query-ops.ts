import { ArasText, type ResolvedOptions } from './aras.config'
import { DURUM_TEXT } from './aras.lifecycle'
import { trDate, trDateTime, type OpContext, type OpOutcome } from './aras.shipment-ops'
import type { EmulatedOrder } from './aras.state'
import { parseXml, xmlEscape, type XNode } from './aras.xml'

/**
 * The query service's GetQueryJSON(loginInfo, queryInfo) (docs/reference/carriers.md §2): both arguments are XML
 * strings, the answer a JSON string shaped as XML→JSON conversion makes it: `{"QueryResult":{"Cargo":…}}`
 * with one row as an object and several as an array, nothing found as an empty QueryResult.
 * QueryTypes emulated: 1 (MÖK), 9/15 (movements), 14 (tracking no), 11/39/100 (MÖK list),
 * 24 (piece barcode), 5 (waiting at the branch), 8 (returned); any other answers an empty result.
 */

/** Leaf texts of an inner XML string, names folded to lower case (clients send <date> and <Date>). */
function innerFields(xml: string | undefined): Record<string, string> | string {
  const root = parseXml(xml ?? '')
  if (typeof root === 'string') return root
  const out: Record<string, string> = {}
  const walk = (n: XNode) => {
    if (n.children.length === 0) out[n.name.toLowerCase()] = n.text.trim()
    n.children.forEach(walk)
  }
  root.children.forEach(walk)
  return out
}

function cargoRow(o: EmulatedOrder): Record<string, string> {
  const [tr, en] = DURUM_TEXT[o.durum ?? 1] ?? ['', '']
  const delivered = o.deliveredAtMs !== null && (o.durum === 6 || o.durum === 5)
  const desi = o.pieces.reduce((s, p) => s + (Number(p.VolumetricWeight.replace(',', '.')) || 0), 0) || Number(o.fields.VolumetricWeight ?? 0) || 0
  return {
    MUSTERI_OZEL_KODU: o.integrationCode,
    KARGO_TAKIP_NO: o.trackingNumber ?? '',
    DURUM_KODU: String(o.durum ?? ''),
    DURUMU: o.tip === '3' && o.durum === 6 ? 'Göndericiye iade edildi' : tr,
    DURUM_EN: o.tip === '3' && o.durum === 6 ? 'Returned to sender' : en,
    TIP_KODU: o.tip,
    DEVIR_KODU: o.devir,
    TESLIM_ALAN: delivered ? o.receivedBy : '',
    TESLIM_TARIHI: delivered ? trDate(o.deliveredAtMs ?? 0) : '',
    TESLIM_SAATI: delivered ? trDateTime(o.deliveredAtMs ?? 0).slice(11, 16) : '',
    ISLEM_TARIHI: trDateTime(o.movements.at(-1)?.atMs ?? o.updatedAtMs),
    TUTAR: '0',
    HACIMSEL_AGIRLIK: String(Math.round(desi * 1000) / 1000),
    ADET: String(Math.max(o.pieces.length, 1)),
    DESI: String(Math.ceil(desi)),
  }
}

function movementRows(o: EmulatedOrder, opts: ResolvedOptions): Record<string, string>[] {
  return o.movements.map((m): Record<string, string> =>
    opts.movementKeys === 'turkish'
      ? { 'İŞLEM TARİHİ': trDateTime(m.atMs), BİRİM: m.unit, İŞLEM: m.event, AÇIKLAMA: m.description }
      : { ISLEM_TARIHI: trDateTime(m.atMs), BIRIM: m.unit, ISLEM: m.event, ACIKLAMA: m.description },
  )
}

const one = <T>(rows: readonly T[]) => (rows.length === 1 ? rows[0] : rows)

function answer(json: unknown): OpOutcome {
  return { kind: 'ok', inner: `<GetQueryJSONResult>${xmlEscape(JSON.stringify(json))}</GetQueryJSONResult>` }
}

export function getQueryJson({ opts, state, args }: OpContext): OpOutcome {
  const login = innerFields(args.loginInfo)
  const query = innerFields(args.queryInfo)
  if (typeof login === 'string') return { kind: 'fault', code: 'Server', text: `LoginInfo okunamadı: ${login}` }
  if (typeof query === 'string') return { kind: 'fault', code: 'Server', text: `QueryInfo okunamadı: ${query}` }
  const user = opts.queryUsers.find((u) => u.username === login.username && u.password === login.password && u.customerCode === login.customercode)
  if (!user)
    return opts.queryAuthFailure === 'fault'
      ? { kind: 'fault', code: 'Server', text: ArasText.queryAuth }
      : answer({ QueryResult: { Error: ArasText.queryAuth } })

  // One customer per emulator: every query user sees every order (Aras ties CustomerCode to the account).
  // Only orders whose waybill is cut exist for the query service (§12: "no record / before waybill").
  const visible = state.orders.filter((o) => o.durum !== null && o.cancelledAtMs === null)
  const byCode = (code: string) => visible.filter((o) => o.integrationCode === code.trim())
  const byTracking = (n: string) => visible.filter((o) => o.trackingNumber === n.trim())
  const byKey = () => (query.integrationcode ? byCode(query.integrationcode) : byTracking(query.trackingnumber ?? ''))
  const cargo = (rows: readonly EmulatedOrder[]) => answer(rows.length === 0 ? { QueryResult: {} } : { QueryResult: { Cargo: one(rows.map(cargoRow)) } })

  switch (query.querytype) {
    case '1':
      return cargo(byCode(query.integrationcode ?? ''))
    case '14':
      return cargo(byTracking(query.trackingnumber ?? ''))
    case '9':
    case '15': {
      const rows = byKey().flatMap((o) => movementRows(o, opts))
      return answer(rows.length === 0 ? { QueryResult: {} } : { QueryResult: { CargoTransaction: one(rows) } })
    }
    case '11':
    case '39':
    case '100': {
      const codes = new Set(
        (query.integrationcode ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
      )
      return cargo(visible.filter((o) => codes.has(o.integrationCode)))
    }
    case '24': {
      const barcode = (query.barcode ?? query.piecebarcode ?? query.barcodenumber ?? query.integrationcode ?? '').trim()
      return cargo(visible.filter((o) => o.pieces.some((p) => p.BarcodeNumber === barcode)))
    }
    case '5':
      return cargo(visible.filter((o) => o.durum === 3 && o.tip !== '3'))
    case '8':
      return cargo(visible.filter((o) => o.tip === '3' && o.durum === 6))
    default:
      // Date-range, branch and devir lists (2, 10, 12, 13, 16, 18, 19, 31) are not emulated.
      return answer({ QueryResult: {} })
  }
}
