import type { QuoteOption } from '../../../shared/rates'
import { formatTry } from '../../../shared/money'
import { useLang } from '../hooks/use-lang'
import { coreWords } from '../lib/format'
import { Tx } from './Tx'

function isChosen(o: QuoteOption, chosen: QuoteOption | null): boolean {
  return !!chosen && o.carrierId === chosen.carrierId && o.serviceCode === chosen.serviceCode
}

/**
 * Carrier comparison: eligible options cheapest first, the chosen one lit, then why others were left out. Each row
 * shows its key: Ctrl+K then that key takes the carrier instead (the carrier prompt numbers the rows the same way,
 * both in the order the core sends).
 */
export function CarrierPanel({ quote, chosen, maxRows = 5 }: { quote: readonly QuoteOption[] | null; chosen: QuoteOption | null; maxRows?: number }) {
  const { lang, t } = useLang()
  if (!quote) {
    return (
      <section className="panel carrier-panel">
        <h2 className="panel-title">
          <Tx k="carrier.title" />
        </h2>
        <p className="muted">
          <Tx k="carrier.none" />
        </p>
      </section>
    )
  }
  // In the core's order (eligible, cheapest, fastest on the real prices, which a packer's screen does not get): row n is key n.
  const sorted = quote
  // The first rows, and the chosen one always (a carrier the packer took may be further down): each keeps its key.
  const keyed = sorted.map((o, i) => ({ o, key: i + 1 }))
  const chosenAt = keyed.findIndex(({ o }) => isChosen(o, chosen))
  const shown = chosenAt >= maxRows ? [...keyed.slice(0, maxRows - 1), keyed[chosenAt]!] : keyed.slice(0, maxRows)
  const hidden = sorted.length - shown.length
  return (
    <section className="panel carrier-panel" data-testid="carriers">
      <h2 className="panel-title">
        <Tx k="carrier.title" />
        {shown[0] && <span className="muted small"> — {shown[0].o.band} desi/kg</span>}
      </h2>
      <table className="carrier-table">
        <thead>
          <tr>
            <th>{t('carrier.name')}</th>
            <th className="num">{t('carrier.price')}</th>
            <th className="num">{t('carrier.transit')}</th>
            <th>{t('carrier.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ o, key }) => {
            const on = isChosen(o, chosen)
            return (
              <tr
                key={`${o.carrierId}:${o.serviceCode}`}
                className={on ? 'chosen' : o.eligible ? '' : 'ineligible'}
                data-testid="carrier-option"
                data-carrier={o.carrierId}
                data-chosen={on}
                data-key={key}
              >
                <td>
                  <kbd className="key">{key}</kbd> {on && <span aria-hidden>★ </span>}
                  {o.name}
                  {o.contract === 'own' && <span className="chip chip-small">kendi / own</span>}
                </td>
                <td className="num">{o.priceKurus !== null ? formatTry(o.priceKurus) : '—'}</td>
                <td className="num">{t('carrier.days', { n: o.transitDays })}</td>
                <td className="reason">{coreWords(o.reasonNotice, o.reason, lang)[0]}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {hidden > 0 && <div className="muted small">+{hidden}</div>}
    </section>
  )
}
