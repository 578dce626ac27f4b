import { useLang } from '../../hooks/use-lang'
import type { SyncControls } from '../../hooks/use-sync-controls'
import { coreWords, formatClock } from '../../lib/format'
import { Tx } from '../Tx'
import { SettingsPanel } from './SettingsPanel'

/** Cloud sync: its state, F8 sync now, F5 pause/resume, and the events the cloud refused (parked) with why. */
export function SyncPanel({ sync }: { sync: SyncControls }) {
  const { t, lang } = useLang()
  const s = sync.status
  return (
    <SettingsPanel name="sync" title="status.sync" mode={s?.mode ?? ''}>
      <p>
        {s ? t(`sync.${s.mode}`) : '—'} · {t('status.pending', { n: s?.pendingEvents ?? 0 })}
        {s?.lastSyncAt && <span className="muted small"> · {formatClock(new Date(s.lastSyncAt), lang)}</span>}
        {(s?.parkedEvents ?? 0) > 0 && <b className="tone-warn"> · {t('syncPanel.parked', { n: s?.parkedEvents ?? 0 })}</b>}
      </p>
      {sync.problem && <p className="tone-error small">{coreWords(sync.problem.notice, sync.problem.message, lang)[0]}</p>}
      <ul className="parked-list" data-testid="parked-events">
        {sync.parked.slice(0, 4).map((p) => (
          <li key={p.id} className="small">
            <b>{p.orderNumber ?? '—'}</b> {p.kind}: <span className="muted">{p.reason ?? ''}</span>
          </li>
        ))}
      </ul>
      <div className="settings-action">
        <kbd className="key">F8</kbd> <Tx k="key.syncNow" /> · <kbd className="key">F5</kbd>{' '}
        <Tx k={s?.mode === 'paused' ? 'key.syncResume' : 'key.syncPause'} />
      </div>
    </SettingsPanel>
  )
}
