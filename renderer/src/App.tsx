import { useEffect, useMemo, useRef } from 'react'
import { ConnectionBanner } from './components/ConnectionBanner'
import { DemoOrders } from './components/DemoOrders'
import { ExceptionsScreen } from './components/ExceptionsScreen'
import { KeyHints, type KeyHint } from './components/KeyHints'
import { LoginScreen } from './components/LoginScreen'
import { PackingScreen } from './components/PackingScreen'
import { ProblemBanner } from './components/ProblemBanner'
import { ReportsScreen } from './components/ReportsScreen'
import { ScaleSimulator } from './components/ScaleSimulator'
import { ScanField } from './components/ScanField'
import { SearchBox } from './components/SearchBox'
import { VoidPrompt } from './components/VoidPrompt'
import { CarrierChangePrompt } from './components/CarrierChangePrompt'
import { SettingsScreen } from './components/settings/SettingsScreen'
import { StatusBar } from './components/StatusBar'
import { Tx } from './components/Tx'
import { useDesk } from './hooks/use-desk'
import { useExceptions } from './hooks/use-exceptions'
import { EXCEPTIONS_COMMAND_CODE } from '../../shared/contract/exceptions'
import { useReturns } from './hooks/use-returns'
import { ReturnPrompt } from './components/ReturnPrompt'
import { useHotkeys } from './hooks/use-hotkeys'
import { LangContext, useLangState } from './hooks/use-lang'
import { useNow } from './hooks/use-now'
import { useReloadOnServerRestart } from './hooks/use-reload-on-restart'
import { useScanner } from './hooks/use-scanner'
import { useSearch } from './hooks/use-search'
import { useVoid, type VoidTarget } from './hooks/use-void'
import { useCarrierChange } from './hooks/use-carrier-change'
import { useSettings } from './hooks/use-settings'
import { useSyncControls } from './hooks/use-sync-controls'
import { useStation } from './hooks/use-station'
import { useLabelImage } from './hooks/use-label-image'
import { errorMessage } from './i18n-errors'
import { createBeeper } from './lib/beep'
import type { StationClient } from './lib/station-client'
import type { PackingView, ShipmentLookupView } from '../../shared/contract/views'
import { roleAtLeast } from '../../shared/domain/packer'
import { usePageScroll } from './hooks/use-page-scroll'

/** The packing desk: one screen, driven by scanner and function keys. */
export function App({ client }: { client: StationClient }) {
  const lang = useLangState()
  const station = useStation(client)
  const beeper = useMemo(createBeeper, [])
  useEffect(() => () => beeper.dispose(), [beeper])
  const returns = useReturns(client, station)
  const desk = useDesk(client, station, beeper, returns)
  // The exceptions screen (issue 12): F12 or its command barcode; the scan field hands its keys over while it is open.
  const exceptions = useExceptions(client, !!station.packing?.packer, () => scanner.inputRef.current?.focus())
  const scanner = useScanner((code, source) => (code.toUpperCase() === EXCEPTIONS_COMMAND_CODE ? exceptions.toggle() : desk.onScan(code, source)))
  const now = useNow()
  useReloadOnServerRestart(client, !window.kargojet)
  useEffect(() => {
    document.documentElement.lang = lang.lang // text-transform and hyphenation follow it (İ vs I)
  }, [lang.lang])
  const everOpen = useRef(false)
  if (station.connection.status === 'open') everOpen.current = true

  const view = station.packing
  const loggedIn = !!view?.packer
  const supervisor = roleAtLeast(view?.packer?.role, 'supervisor')
  // Settings only while a supervisor is logged in: a session that changes hands never shows them.
  const screen = desk.screen === 'settings' && !(loggedIn && supervisor) ? 'packing' : desk.screen
  const onSettings = loggedIn && screen === 'settings'
  const packing = loggedIn && screen === 'packing' && !exceptions.open // order actions only where the order is on screen
  const settings = useSettings(client, beeper, onSettings)
  const sync = useSyncControls(client, onSettings, station.sync)
  const hasReceipt = !!station.devices?.receipt
  usePageScroll()
  const search = useSearch(
    client,
    packing,
    (code) => desk.onScan(code, 'keyboard'),
    () => scanner.inputRef.current?.focus(),
  )
  const voiding = useVoid(
    client,
    () => void station.refresh(),
    () => scanner.inputRef.current?.focus(),
  )
  const voidTarget = shownShipment(desk.lookup, view)
  const labelImage = useLabelImage(client, desk.lookup?.shipmentId ?? null)
  // Ctrl+K: another carrier from the comparison, while the order's items are counted and nothing is bought yet.
  const carrierChangeable = packing && !!view?.order && !view.shipment && (view.step === 'itemsVerified' || view.step === 'exception')
  const carrier = useCarrierChange(
    client,
    carrierChangeable && !voiding.target && !search.open && !returns.prompt,
    (code) => desk.onScan(code, 'keyboard'),
    () => scanner.inputRef.current?.focus(),
  )
  useHotkeys({
    F1: lang.toggle,
    F2: onSettings ? settings.printTestLabel : packing ? desk.retry : undefined,
    F3: onSettings ? (settings.proposed ? settings.acceptLayout : undefined) : packing ? desk.openOverride : undefined,
    F4: onSettings ? settings.zeroScale : packing ? desk.reprint : undefined,
    F5: onSettings ? sync.togglePause : packing && desk.canAnswerUnknown ? desk.confirmPrinted : undefined,
    F6: loggedIn ? desk.toggleSettings : undefined,
    F7: onSettings ? settings.restartSelfTest : packing && hasReceipt ? desk.reprintSlip : undefined,
    F8: onSettings ? sync.syncNow : packing && voidTarget ? () => voiding.start(voidTarget) : packing ? desk.cancel : undefined,
    F9: loggedIn ? desk.toggleReports : undefined,
    F10: loggedIn ? desk.logout : undefined,
    F12: loggedIn && !onSettings ? exceptions.toggle : undefined,
    Escape: desk.escape,
  })

  const highlight = desk.problem ? errorMessage(desk.problem).action : null
  const hints: KeyHint[] = onSettings
    ? [
        { key: 'F1', label: 'key.lang', enabled: true },
        { key: 'F2', label: 'key.testLabel', enabled: true },
        { key: 'F3', label: 'key.useLayout', enabled: !!settings.proposed, lit: true },
        { key: 'F4', label: 'key.zero', enabled: true },
        { key: 'F5', label: sync.status?.mode === 'paused' ? 'key.syncResume' : 'key.syncPause', enabled: !!sync.status },
        { key: 'F6', label: 'key.back', enabled: true },
        { key: 'F7', label: 'key.restartTest', enabled: true },
        { key: 'F8', label: 'key.syncNow', enabled: !!sync.status && !sync.busy },
        { key: 'F10', label: 'key.logout', enabled: true },
      ]
    : [
        { key: 'F1', label: 'key.lang', enabled: true },
        // F2 prints an owed label (printer back) or answers "print again"; the banner names the same keys.
        {
          key: 'F2',
          label: desk.canAnswerUnknown ? 'key.printAgain' : 'key.retry',
          enabled: packing && (!!view?.order || desk.canAnswerUnknown),
          action: 'retry',
          lit: !!view?.printPending || desk.canAnswerUnknown,
        },
        { key: 'F3', label: 'key.supervisor', enabled: packing && desk.canOverride && !desk.overrideOpen, action: 'supervisor' },
        // Off while the label is still owed to the printer: a reprint then would be a second copy (F2 prints it).
        { key: 'F4', label: 'key.reprint', enabled: packing && !view?.printPending, action: 'reprint' },
        ...(desk.canAnswerUnknown ? [{ key: 'F5', label: 'key.printed' as const, enabled: packing, lit: true }] : []),
        { key: 'F6', label: 'key.settings', enabled: loggedIn && supervisor },
        ...(hasReceipt ? [{ key: 'F7', label: 'key.slip' as const, enabled: packing }] : []),
        voidTarget
          ? { key: 'F8', label: 'key.void' as const, enabled: packing }
          : { key: 'F8', label: 'key.cancel' as const, enabled: packing && !!view?.order },
        { key: 'F9', label: screen === 'reports' ? 'key.back' : 'key.reports', enabled: loggedIn && roleAtLeast(view?.packer?.role, 'manager') },
        { key: 'F10', label: 'key.logout', enabled: loggedIn },
        { key: 'Ctrl+F', label: 'key.search', enabled: packing },
        { key: 'Ctrl+K', label: 'key.carrier', enabled: carrierChangeable },
        { key: 'F12', label: exceptions.open ? 'key.back' : 'key.exceptions', enabled: loggedIn },
      ]

  let body
  if (!view) {
    body = (
      <main className="loading" data-testid="loading">
        <p>
          <Tx k="app.loading" sub />
        </p>
        {station.loadError && <ProblemBanner problem={station.loadError} />}
      </main>
    )
  } else if (!loggedIn) {
    body = <LoginScreen problem={desk.problem} pinBadge={desk.pinBadge} />
  } else if (onSettings) {
    body = (
      <SettingsScreen
        desk={settings}
        devices={station.devices}
        scale={station.scale}
        now={now}
        client={client}
        sync={sync}
        admin={roleAtLeast(view?.packer?.role, 'admin')}
      />
    )
  } else if (exceptions.open) {
    body = <ExceptionsScreen state={exceptions} />
  } else if (screen === 'reports') {
    body = <ReportsScreen client={client} range={desk.reportRange} />
  } else {
    const demo = station.snapshot?.demo ?? false
    body = (
      <PackingScreen
        view={view}
        problem={desk.problem}
        boxes={station.snapshot?.boxes ?? []}
        scale={station.scale}
        now={now}
        override={{ open: desk.overrideOpen, reason: desk.overrideReason }}
        confirmCancel={desk.confirmCancel}
        lookup={desk.lookup}
        labelImage={labelImage}
        idleExtra={demo ? <DemoOrders client={client} refreshKey={`${view.packedCount}:${view.packer?.id ?? ''}`} /> : undefined}
      />
    )
    // At most one prompt over the packing screen, in this order.
    const prompt = carrier.view ? (
      <CarrierChangePrompt prompt={carrier} />
    ) : voiding.target ? (
      <VoidPrompt prompt={voiding} />
    ) : search.open ? (
      <SearchBox search={search} />
    ) : returns.prompt ? (
      <ReturnPrompt prompt={returns.prompt} />
    ) : null
    if (prompt)
      body = (
        <>
          {body}
          {prompt}
        </>
      )
  }

  return (
    <LangContext.Provider value={lang}>
      <div className={`app lang-${lang.lang} ${station.connection.status === 'open' ? '' : 'app-offline'}`} data-lang={lang.lang}>
        <StatusBar
          stationName={station.snapshot?.stationName ?? null}
          demo={station.snapshot?.demo ?? false}
          packer={view?.packer ?? null}
          devices={station.devices}
          sync={station.sync}
          packedCount={view?.packedCount ?? 0}
          now={now}
        />
        <ConnectionBanner connection={station.connection} everOpen={everOpen.current} />
        {body}
        <footer className="scanbar">
          {/* On the settings screen the self-test field takes the keys; the scan field (and its key capture) is away. */}
          {!onSettings && (
            <ScanField
              scanner={scanner}
              busy={desk.busy > 0}
              settled={desk.settled}
              disabled={station.connection.status !== 'open'}
              secret={desk.pinBadge !== null}
            />
          )}
          <KeyHints hints={hints} highlight={highlight} />
          {station.snapshot?.demo && loggedIn && <ScaleSimulator client={client} expectedGrams={view?.expectedGrams ?? null} />}
        </footer>
      </div>
    </LangContext.Provider>
  )
}

/** The bought label on screen that F8 voids: the lookup panel's shipment, or the packed order's own label; null otherwise. */
function shownShipment(lookup: ShipmentLookupView | null, view: PackingView | null): VoidTarget | null {
  const live = (status: string | undefined) => status === 'purchased' || status === 'purchasing'
  if (lookup)
    return live(lookup.status)
      ? { orderCode: lookup.orderBarcode, orderNumber: lookup.orderNumber, shipmentId: lookup.shipmentId, trackingNumber: lookup.trackingNumber }
      : null
  if (view?.step !== 'packed' || !view.order || !view.shipment || !live(view.shipment.status)) return null
  return { orderCode: view.order.barcode, orderNumber: view.order.orderNumber, shipmentId: view.shipment.id, trackingNumber: view.shipment.trackingNumber }
}
