import { COMMAND_SHEET_PATH } from '../../../../shared/barcode/command-sheet-path'
import type { DeviceStatusView } from '../../../../shared/contract/views'
import { useLang } from '../../hooks/use-lang'
import type { SettingsDesk } from '../../hooks/use-settings'
import type { ScaleState } from '../../hooks/use-station'
import { ProblemBanner } from '../ProblemBanner'
import { Tx } from '../Tx'
import { PrinterAddressForm } from './PrinterAddressForm'
import { PrintersPanel } from './PrintersPanel'
import { ScalePanel } from './ScalePanel'
import { ScannerTestPanel } from './ScannerTestPanel'
import { BoxesPanel } from './BoxesPanel'
import { CarriersPanel } from './CarriersPanel'
import { SyncPanel } from './SyncPanel'
import type { SyncControls } from '../../hooks/use-sync-controls'
import type { StationClient } from '../../lib/station-client'

/** F6, supervisors only: printers with a test label, the scanner self-test, the scale, and the box catalog (changed by admins). Keyboard only. */
export function SettingsScreen({
  desk,
  devices,
  scale,
  now,
  client,
  sync,
  admin,
}: {
  desk: SettingsDesk
  devices: DeviceStatusView | null
  scale: ScaleState | null
  now: number
  client: StationClient
  sync: SyncControls
  /** An admin is logged in: the box catalog can be changed here. */
  admin: boolean
}) {
  const { t } = useLang()
  const settings = desk.settings
  return (
    <main className="settings" tabIndex={0} data-scroll-region="" data-testid="settings" data-loaded={settings !== null}>
      <div className="settings-head">
        <h1>
          <Tx k="settings.title" /> <span className="muted small">({t('settings.supervisorOnly')})</span>
        </h1>
        <span className="muted small one-line" title={settings?.stationFile}>
          {t('settings.file')}: <code>{settings?.stationFile ?? '…'}</code> ·{' '}
          <a href={COMMAND_SHEET_PATH} target="_blank" rel="noreferrer" data-testid="command-sheet-link">
            Komut barkodları (PDF) / Command sheet
          </a>{' '}
          · <kbd className="key">F6</kbd>/<kbd className="key">Esc</kbd> <Tx k="key.back" />
        </span>
      </div>
      {desk.problem && <ProblemBanner problem={desk.problem} showKey={false} />}
      <div className="settings-grid">
        <div className="settings-col">
          <PrintersPanel desk={desk} settings={settings} />
          <ScalePanel desk={desk} settings={settings} devices={devices} scale={scale} now={now} />
          <CarriersPanel client={client} active rates={devices?.rates} />
          <SyncPanel sync={sync} />
        </div>
        <div className="settings-col">
          <ScannerTestPanel desk={desk} settings={settings} devices={devices} />
          <BoxesPanel client={client} admin={admin} />
          {admin && <PrinterAddressForm client={client} />}
        </div>
      </div>
    </main>
  )
}
