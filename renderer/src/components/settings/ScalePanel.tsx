import type { DeviceStatusView, SettingsView } from '../../../../shared/contract/views'
import { useLang } from '../../hooks/use-lang'
import type { SettingsDesk } from '../../hooks/use-settings'
import type { ScaleState } from '../../hooks/use-station'
import { formatClock, splitBilingual } from '../../lib/format'
import { LiveWeightReadout, liveWeight } from '../WeightPanel'
import { Tx } from '../Tx'
import { SettingsPanel } from './SettingsPanel'

/** Scale driver and port, connection, the live reading, and zero (F4). */
export function ScalePanel({
  desk,
  settings,
  devices,
  scale,
  now,
}: {
  desk: SettingsDesk
  settings: SettingsView | null
  devices: DeviceStatusView | null
  scale: ScaleState | null
  now: number
}) {
  const { t, lang } = useLang()
  const s = settings?.scale
  const { reading, state } = liveWeight(scale, now)
  const connected = devices?.scale.connected ?? null
  return (
    <SettingsPanel name="scale" title="weight.title">
      <div className="settings-scale-body">
        <dl className="facts facts-compact">
          <dt>{t('scale.driver')}</dt>
          <dd>{s ? [s.driver, s.protocol].filter(Boolean).join(' · ') : '—'}</dd>
          <dt>{t('scale.port')}</dt>
          <dd className="mono one-line">{s?.path ? `${s.path}${s.baudRate ? ` @ ${s.baudRate}` : ''}` : '—'}</dd>
          <dt>{t('scale.connection')}</dt>
          <dd className={connected ? 'tone-ok' : 'tone-error'} data-testid="scale-connected" data-connected={connected ?? ''}>
            {connected === null
              ? '—'
              : connected
                ? `● ${t('status.connected')}`
                : `✕ ${devices?.scale.error ? splitBilingual(devices.scale.error, lang)[0] : t('status.notConnected')}`}
          </dd>
        </dl>
        <div className={`live-weight settings-live live-${state}`} data-testid="settings-weight" data-grams={reading?.grams ?? ''} data-state={state}>
          <LiveWeightReadout reading={reading} state={state} />
        </div>
      </div>
      <div className="settings-action">
        <kbd className="key">F4</kbd> <Tx k="key.zero" /> <span className="muted small">({t('scale.zeroHint')})</span>
        {desk.zero.state === 'done' && (
          <span className="tone-ok" data-testid="zero-result">
            {' '}
            ✓ {t('scale.zeroed')} {desk.zero.at !== null && formatClock(new Date(desk.zero.at), lang)}
          </span>
        )}
      </div>
    </SettingsPanel>
  )
}
