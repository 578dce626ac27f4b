import { useEffect, useState } from 'react'
import type { CarrierStatusView, RateCardsView, WebhookStatusView } from '../../../../shared/contract/views'
import { useLang } from '../../hooks/use-lang'
import { coreWords, formatClock } from '../../lib/format'
import type { StationClient } from '../../lib/station-client'
import { SettingsPanel } from './SettingsPanel'

const POLL_MS = 5000

/**
 * Every configured carrier: answering or not (its circuit breaker), the last error, and labels printed
 * offline that still wait for the carrier. Read-only; manifests and pickups are on the CLI and the
 * contract (manifests.print, carriers.requestPickup).
 */
export function CarriersPanel({ client, active, rates }: { client: StationClient; active: boolean; rates?: RateCardsView }) {
  const { t, lang } = useLang()
  const [carriers, setCarriers] = useState<CarrierStatusView[] | null>(null)
  const [hooks, setHooks] = useState<WebhookStatusView | null>(null)
  useEffect(() => {
    if (!active) return
    let stop = false
    const load = () => {
      client.call('carriers.status', {}).then(
        (c) => !stop && setCarriers(c.filter((x) => x.id !== 'marketplace')),
        () => undefined,
      )
      client.call('tracking.webhooks', {}).then(
        (w) => !stop && setHooks(w),
        () => undefined,
      )
    }
    load()
    const timer = setInterval(load, POLL_MS)
    return () => {
      stop = true
      clearInterval(timer)
    }
  }, [client, active])
  return (
    <SettingsPanel name="carriers" title="carriers.title">
      <table className="carrier-table">
        <tbody>
          {(carriers ?? []).map((c) => (
            <tr key={c.id} data-testid={`carrier-${c.id}`} data-state={c.breaker.state}>
              <td>{c.name}</td>
              <td className={c.breaker.state === 'closed' ? 'tone-ok' : 'tone-warn'}>
                {c.breaker.state === 'closed' ? `● ${t('carriers.answering')}` : `▲ ${t('carriers.notAnswering')}`}
                {c.breaker.retryAt && (
                  <span className="muted small">
                    {' '}
                    · {t('carriers.retryAt')} {formatClock(new Date(c.breaker.retryAt), lang)}
                  </span>
                )}
              </td>
              <td className="muted small">{c.breaker.lastError ? coreWords(c.breaker.lastError.notice, c.breaker.lastError.message, lang)[0] : ''}</td>
              <td data-testid={`carrier-${c.id}-offline`}>{c.offlinePending > 0 ? t('carriers.offlinePending', { n: c.offlinePending }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {carriers?.length === 0 && <p className="muted">{t('carriers.none')}</p>}
      {rates && (
        // Where the prices come from (docs/carriers.md "Where prices come from"): cloud > station.json > built-in.
        <p className="small" data-testid="carrier-rates" data-source={rates.source}>
          {t('carriers.rates', { source: t(`carriers.rates.${rates.source}`), count: rates.count, available: rates.available })}
          {rates.receivedAt && <span className="muted"> · {formatClock(new Date(rates.receivedAt), lang)}</span>}
        </p>
      )}
      {hooks?.enabled && (
        <p className="small" data-testid="carrier-webhooks">
          {t('carriers.webhooks')}:{' '}
          {hooks.url ? (
            <>
              <code>{hooks.url}</code> {hooks.routes.join(' ')} ·{' '}
              {t('carriers.webhookStats', { stored: hooks.stats?.stored ?? 0, refused: Object.values(hooks.stats?.refused ?? {}).reduce((a, b) => a + b, 0) })}
            </>
          ) : (
            <span className="tone-warn">▲ {hooks.problem}</span>
          )}
        </p>
      )}
    </SettingsPanel>
  )
}
