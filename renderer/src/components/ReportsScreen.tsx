import type { ReactNode } from 'react'
import { formatTry } from '../../../shared/money'
import type { ReportRange } from '../hooks/use-desk'
import { useLang } from '../hooks/use-lang'
import { useReport } from '../hooks/use-report'
import type { StationClient } from '../lib/station-client'
import { formatAuditDetail, formatDateTime, formatKg, formatNumber, splitBilingual } from '../lib/format'
import type { ErrorCode } from '../../../shared/errors'
import { auditActionText, errorMessage } from '../i18n'
import { BarList } from './BarList'
import { ProblemBanner } from './ProblemBanner'
import { Tx } from './Tx'

const MAX_ROWS = 6
const RANGE_KEYS = { today: 'reports.today', week: 'reports.week', month: 'reports.month' } as const

/** F9: throughput, carrier mix with costs, weight/desi mismatches, exceptions and per-packer counts. */
export function ReportsScreen({ client, range }: { client: StationClient; range: ReportRange }) {
  const { t, lang } = useLang()
  const { report, error, loading } = useReport(client, range)
  const codeText = (code: string) => {
    const m = errorMessage({ code: code as ErrorCode, message: code, meta: {} })
    return lang === 'tr' ? m.tr : m.en
  }
  return (
    <main className="reports" tabIndex={0} data-scroll-region="" data-testid="reports" data-loading={loading}>
      <div className="reports-head">
        <h1>
          <Tx k="reports.title" /> — <Tx k={RANGE_KEYS[range]} />
        </h1>
        <span className="muted">
          <Tx k="reports.keys" /> · <kbd className="key">F9</kbd>/<kbd className="key">Esc</kbd> <Tx k="key.back" />
        </span>
      </div>
      {error && <ProblemBanner problem={error} />}
      {!report ? (
        <p className="muted">{loading ? t('reports.loading') : ''}</p>
      ) : (
        <>
          <div className="tiles">
            <div className="tile">
              <span className="tile-value" data-testid="report-packed">
                {report.packedOrders}
              </span>
              <span className="tile-label">{t('reports.packed')}</span>
            </div>
            <div className="tile">
              <span className="tile-value">{formatNumber(report.packedPerHour, lang, 1)}</span>
              <span className="tile-label">{t('reports.perHour')}</span>
            </div>
            <div className="tile">
              <span className="tile-value">{report.shipments}</span>
              <span className="tile-label">{t('reports.shipments')}</span>
            </div>
            <div className="tile">
              <span className="tile-value">{formatTry(report.totalCostKurus)}</span>
              <span className="tile-label">{t('reports.cost')}</span>
            </div>
            {(report.priceDifferences?.length ?? 0) > 0 && (
              <div className="tile">
                <span className="tile-value" data-testid="report-charged">
                  {formatTry(report.totalChargedKurus ?? 0)}
                </span>
                <span className="tile-label">{t('reports.charged')}</span>
              </div>
            )}
          </div>
          <div className="report-grid">
            <section className="panel">
              <h2 className="panel-title">{t('reports.byCarrier')}</h2>
              <BarList
                testId="report-carriers"
                empty={t('reports.empty')}
                bars={report.byCarrier.map((c) => ({
                  id: c.carrierId,
                  label: c.name,
                  value: c.count,
                  valueText: String(c.count),
                  extra: formatTry(c.costKurus),
                }))}
              />
            </section>
            <section className="panel">
              <h2 className="panel-title">{t('reports.byPacker')}</h2>
              <BarList
                testId="report-packers"
                empty={t('reports.empty')}
                bars={report.byPacker.map((p) => ({ id: p.packerId, label: p.name, value: p.count, valueText: String(p.count) }))}
              />
            </section>
            <ReportTable
              title={t('reports.mismatches')}
              rows={report.desiMismatches}
              testId="report-mismatches"
              head={[[t('order.title')], [t('weight.expected'), 'num'], [t('weight.measured'), 'num'], [t('weight.diff'), 'num']]}
              rowKey={(m) => m.orderNumber}
              cells={(m) => (
                <>
                  <td className="mono">{m.orderNumber}</td>
                  <td className="num">{formatKg(m.expectedGrams, lang)}</td>
                  <td className="num">{formatKg(m.measuredGrams, lang)}</td>
                  <td className="num bad">
                    {m.diffPct > 0 ? '+' : ''}
                    {formatNumber(m.diffPct, lang, 1)}%
                  </td>
                </>
              )}
            />
            {report.priceDifferences && report.priceDifferences.length > 0 && (
              <ReportTable
                title={t('reports.priceDifferences')}
                rows={report.priceDifferences}
                testId="report-price-differences"
                head={[
                  [t('order.title')],
                  [t('carrier.name')],
                  [t('reports.cardPrice'), 'num'],
                  [t('reports.chargedPrice'), 'num'],
                  [t('reports.difference'), 'num'],
                ]}
                rowKey={(d) => `${d.orderNumber}-${d.at}`}
                cells={(d) => (
                  <>
                    <td className="mono">{d.orderNumber}</td>
                    <td>{d.carrierName}</td>
                    <td className="num">{formatTry(d.costKurus)}</td>
                    <td className="num">{formatTry(d.chargedKurus)}</td>
                    <td className="num bad">
                      {d.differenceKurus > 0 ? '+' : ''}
                      {formatTry(d.differenceKurus)}
                    </td>
                  </>
                )}
              />
            )}
            <ReportTable
              title={t('reports.exceptions')}
              rows={report.exceptions}
              testId="report-exceptions"
              head={[[t('reports.at'), 'col-at'], [t('order.title'), 'col-order'], [t('reports.action'), 'col-action'], [t('reports.detail')]]}
              rowKey={(x, i) => `${x.orderNumber}-${x.at}-${i}`}
              cells={(x) => (
                <>
                  <td>{formatDateTime(x.at, lang)}</td>
                  <td className="mono">{x.orderNumber}</td>
                  <td title={x.action}>{auditActionText(x.action, lang)}</td>
                  <td className="reason">{splitBilingual(formatAuditDetail(x.detail, codeText), lang)[0]}</td>
                </>
              )}
            />
          </div>
        </>
      )}
    </main>
  )
}

/** A report panel: its title with the row count, and a table of its first MAX_ROWS rows (or "nothing" when it has none). */
function ReportTable<R>({
  title,
  rows,
  testId,
  head,
  rowKey,
  cells,
}: {
  title: string
  rows: readonly R[]
  testId: string
  /** Each column's heading and class. */
  head: ReadonlyArray<readonly [label: string, className?: string]>
  rowKey: (row: R, index: number) => string
  cells: (row: R) => ReactNode
}) {
  const { t } = useLang()
  return (
    <section className="panel">
      <h2 className="panel-title">
        {title} <span className="muted small">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.empty')}</p>
      ) : (
        <table className="report-table" data-testid={testId}>
          <thead>
            <tr>
              {head.map(([label, className]) => (
                <th key={label} className={className}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((row, i) => (
              <tr key={rowKey(row, i)}>{cells(row)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
