import type { ReactNode } from 'react'
import type { DeviceStatusView, SyncStatusView } from '../../../shared/contract/views'
import { roleAtLeast, type Packer } from '../../../shared/domain/packer'
import { useLang } from '../hooks/use-lang'
import { formatClock, splitBilingual } from '../lib/format'
import { Tx } from './Tx'

type Props = Readonly<{
  stationName: string | null
  demo: boolean
  packer: Packer | null
  devices: DeviceStatusView | null
  sync: SyncStatusView | null
  packedCount: number
  now: number
}>

type Tone = 'ok' | 'warn' | 'error' | 'muted'

function Item({
  tone,
  label,
  children,
  testId,
  width = 'normal',
  title,
}: {
  tone: Tone
  label: ReactNode
  children: ReactNode
  testId?: string
  width?: 'narrow' | 'normal' | 'wide'
  title?: string
}) {
  const icon = tone === 'ok' ? '●' : tone === 'warn' ? '▲' : tone === 'error' ? '✕' : '○'
  return (
    <span className={`status-item tone-${tone}`} data-testid={testId} data-tone={tone} title={title}>
      <span className="status-icon" aria-hidden>
        {icon}
      </span>
      <span className="status-label">{label}</span>
      <span className={`status-value status-value-${width}`}>{children}</span>
    </span>
  )
}

/** One line along the top: who packs, whether scale / printer / carrier / sync are fine, the count and the time. */
export function StatusBar({ stationName, demo, packer, devices, sync, packedCount, now }: Props) {
  const { t, lang } = useLang()
  const printer = devices?.printer
  const printerTone: Tone = !printer ? 'muted' : printer.problem ? 'error' : printer.ready === true ? 'ok' : printer.ready === false ? 'error' : 'warn'
  const syncTone: Tone = !sync ? 'muted' : sync.mode === 'online' ? 'ok' : sync.mode === 'offline' ? 'error' : 'warn'
  const scanners = devices?.scanners ?? []
  const scannerDown = scanners.filter((s) => !s.connected)
  const scannerWarn = scanners.find((s) => s.error !== null)
  const scannerTone: Tone = scannerDown.length > 0 ? 'error' : scannerWarn ? 'warn' : 'ok'
  const receipt = devices?.receipt ?? null
  // The marketplace "carrier" only replays labels that came with orders; it has no breaker worth showing.
  const carriers = (devices?.carriers ?? []).filter((c) => c.id !== 'marketplace')
  const downCarriers = carriers.filter((c) => c.state !== 'closed')
  const carrierCount = carriers.length
  const receiptTone: Tone = !receipt ? 'muted' : receipt.unprintedOrders.length > 0 || receipt.problem ? 'warn' : receipt.ready ? 'ok' : 'muted'
  return (
    <header className="statusbar">
      <span className="brand" title="KargoJet Station">
        {stationName ?? 'KargoJet'}
      </span>
      {demo && (
        <span className="badge-demo" data-testid="demo-badge">
          DEMO
        </span>
      )}
      <Item tone={packer ? 'ok' : 'muted'} label={<Tx k="status.packer" />} testId="status-packer" width="wide">
        <b>{packer ? packer.name : t('status.noPacker')}</b>
        {packer && roleAtLeast(packer.role, 'supervisor') && (
          <span className="muted"> ({t(`status.${packer.role as 'supervisor' | 'manager' | 'admin'}`)})</span>
        )}
      </Item>
      <span className={`status-devices ${scanners.length > 0 || receipt ? 'status-devices-many' : ''}`}>
        <Item tone={!devices ? 'muted' : devices.scale.connected ? 'ok' : 'error'} label={<Tx k="status.scale" />} testId="status-scale" width="narrow">
          {devices
            ? devices.scale.connected
              ? devices.scale.model
              : devices.scale.error
                ? splitBilingual(devices.scale.error, lang)[0]
                : t('status.notConnected')
            : '—'}
        </Item>
        <Item tone={printerTone} label={<Tx k="status.printer" />} testId="status-printer">
          {!printer
            ? '—'
            : printer.problem
              ? splitBilingual(printer.problem, lang)[0]
              : printer.ready === true
                ? t('status.ready')
                : printer.ready === false
                  ? t('status.notConnected')
                  : t('status.unknown')}
          {printer && printer.queued > 0 && <span className="muted"> · {t('status.queue', { n: printer.queued })}</span>}
        </Item>
        {scanners.length > 0 && (
          <Item
            tone={scannerTone}
            label={<Tx k="status.scanner" />}
            testId="status-scanner"
            width="narrow"
            title={(scannerDown[0] ?? scannerWarn)?.error ?? undefined}
          >
            {scannerDown.length > 0 ? t('status.notConnected') : scannerWarn ? t('status.warning') : t('status.connected')}
          </Item>
        )}
        {receipt && (
          <Item tone={receiptTone} label={<Tx k="status.slip" />} testId="status-slip" width="narrow" title={receipt.problem ?? undefined}>
            {receipt.unprintedOrders.length > 0
              ? t('status.slipMissing', { n: receipt.unprintedOrders.length })
              : receipt.problem
                ? splitBilingual(receipt.problem, lang)[0]
                : receipt.ready
                  ? t('status.ready')
                  : t('status.unknown')}
          </Item>
        )}
        <Item
          tone={!devices ? 'muted' : downCarriers.length > 0 ? 'warn' : 'ok'}
          label={<Tx k="status.carrier" />}
          testId="status-carrier"
          width="narrow"
          title={downCarriers.map((c) => `${c.name}: ${c.lastError ?? c.state}`).join('\n') || undefined}
        >
          {downCarriers.length > 0
            ? t('status.carrierDown', { names: downCarriers.map((c) => c.name).join(', ') })
            : t('status.carriersOk', { n: carrierCount })}
        </Item>
        <Item tone={syncTone} label={<Tx k="status.sync" />} testId="status-sync">
          {sync ? t(`sync.${sync.mode}`) : '—'}
          {sync && sync.pendingEvents > 0 && <span className="muted"> · {t('status.pending', { n: sync.pendingEvents })}</span>}
        </Item>
      </span>
      <span className="status-packed">
        <Tx k="status.packed" />: <b data-testid="packed-count">{packedCount}</b>
      </span>
      <span className="clock" data-testid="clock">
        {formatClock(new Date(now), lang)}
      </span>
    </header>
  )
}
