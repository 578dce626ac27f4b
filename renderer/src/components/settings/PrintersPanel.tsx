import type { PrintersView, PrinterStatusView, SettingsView } from '../../../../shared/contract/views'
import { useLang } from '../../hooks/use-lang'
import type { SettingsDesk } from '../../hooks/use-settings'
import { errorMessage } from '../../i18n-errors'
import type { MessageKey } from '../../i18n'
import { formatClock } from '../../lib/format'
import { Tx } from '../Tx'
import { SettingsPanel } from './SettingsPanel'

/** The ~HS conditions worth a word, in the order an operator fixes them. */
const FLAGS: ReadonlyArray<readonly [keyof PrinterStatusView, MessageKey]> = [
  ['paperOut', 'printer.paperOut'],
  ['headOpen', 'printer.headOpen'],
  ['ribbonOut', 'printer.ribbonOut'],
  ['paused', 'printer.paused'],
  ['bufferFull', 'printer.bufferFull'],
  ['underTemperature', 'printer.temperature'],
  ['overTemperature', 'printer.temperature'],
  ['corruptRam', 'printer.corruptRam'],
]

function LabelStatus({ label }: { label: PrintersView['label'] }) {
  const { t, lang } = useLang()
  if (label.problem && !label.status) {
    const m = errorMessage(label.problem)
    return (
      <span className="tone-error" data-testid="label-printer-status" data-ready="false">
        ✕ {lang === 'tr' ? m.tr : m.en}
      </span>
    )
  }
  if (!label.status)
    return (
      <span className="muted" data-testid="label-printer-status">
        {label.canReportStatus ? t('settings.asking') : t('settings.noStatus')}
      </span>
    )
  const flags = [...new Set(FLAGS.filter(([k]) => label.status![k] === true).map(([, key]) => t(key)))]
  return (
    <span className={label.status.ready ? 'tone-ok' : 'tone-error'} data-testid="label-printer-status" data-ready={label.status.ready}>
      {label.status.ready ? `● ${t('printer.ready')}` : `✕ ${flags.join(', ') || t('status.notConnected')}`}
      {label.status.formatsInBuffer > 0 && <span className="muted"> · {t('printer.inBuffer', { n: label.status.formatsInBuffer })}</span>}
    </span>
  )
}

/** Label printer (live ~HS) with the test label, and the receipt printer for packing slips. */
export function PrintersPanel({ desk, settings }: { desk: SettingsDesk; settings: SettingsView | null }) {
  const { t, lang } = useLang()
  const p = desk.printers
  const label = p?.label
  const receipt = p?.receipt ?? null
  const printer = settings?.printer
  const result = desk.testLabel
  return (
    <SettingsPanel
      name="printers"
      title="settings.labelPrinter"
      note={p && <span className="muted small title-note"> · {t('settings.checkedAt', { time: formatClock(new Date(p.checkedAt), lang) })}</span>}
    >
      <dl className="facts facts-compact">
        <dt>{t('settings.address')}</dt>
        <dd className="mono one-line" data-testid="label-printer-uri">
          {label?.uri ?? printer?.uri ?? '—'}
        </dd>
        <dt>{t('settings.label')}</dt>
        <dd>{printer ? `${printer.size.replace('x', ' × ')} mm · ${printer.dpi} dpi` : '—'}</dd>
        <dt>{t('settings.status')}</dt>
        <dd>{label ? <LabelStatus label={label} /> : <span className="muted">{t('settings.asking')}</span>}</dd>
        <dt>{t('settings.queue')}</dt>
        <dd>{label?.queued ?? '—'}</dd>
      </dl>
      <div className="settings-action">
        <kbd className="key">F2</kbd> <Tx k="key.testLabel" />
        {result.state === 'busy' && <span className="muted"> · {t('app.busy')}</span>}
        {result.state === 'done' && result.value && (
          <span className="tone-ok" data-testid="test-label-result" data-state="printed">
            {' '}
            ✓ {t('settings.testPrinted')} {result.at !== null && formatClock(new Date(result.at), lang)}
          </span>
        )}
        {result.state === 'failed' && (
          <span className="tone-error" data-testid="test-label-result" data-state="failed">
            {' '}
            ✕
          </span>
        )}
      </div>

      <h2 className="panel-title panel-title-second">
        <Tx k="settings.receiptPrinter" />
      </h2>
      {!settings?.receipt.enabled ? (
        <p className="muted small">{t('settings.receiptNone')}</p>
      ) : (
        <dl className="facts facts-compact" data-testid="receipt-printer">
          <dt>{t('settings.address')}</dt>
          <dd className="mono one-line">{settings.receipt.uri}</dd>
          <dt>{t('settings.codePage')}</dt>
          <dd>
            {settings.receipt.codePage} · {t('settings.chars', { n: settings.receipt.widthChars })}
          </dd>
          <dt>{t('settings.paper')}</dt>
          <dd>
            {receipt?.problem ? (
              <span className="tone-error">✕ {lang === 'tr' ? errorMessage(receipt.problem).tr : errorMessage(receipt.problem).en}</span>
            ) : receipt?.paperOut === null || !receipt ? (
              <span className="muted">{t('settings.asking')}</span>
            ) : receipt.paperOut ? (
              <span className="tone-error">✕ {t('settings.paperOut')}</span>
            ) : (
              <span className={receipt.paperNearEnd ? 'tone-warn' : 'tone-ok'}>
                {receipt.paperNearEnd ? `▲ ${t('settings.paperLow')}` : `● ${t('settings.paperOk')}`}
              </span>
            )}
          </dd>
          {receipt && receipt.unprintedOrders.length > 0 && (
            <>
              <dt>{t('settings.unprinted')}</dt>
              <dd className="tone-warn mono one-line">{receipt.unprintedOrders.join(', ')}</dd>
            </>
          )}
        </dl>
      )}
    </SettingsPanel>
  )
}
