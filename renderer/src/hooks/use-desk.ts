import { useEffect, useRef, useState } from 'react'
import type { PackingView, ShipmentLookupView } from '../../../shared/contract/views'
import { AppError, ErrorCode, toAppError, type SerializedAppError } from '../../../shared/errors'
import { isSupervisorOverridable } from '../i18n-errors'
import type { Beeper } from '../lib/beep'
import type { ScanSource } from '../lib/scan-detector'
import type { StationClient } from '../lib/station-client'
import type { Station } from './use-station'
import type { Returns } from './use-returns'
import { roleAtLeast } from '../../../shared/domain/packer'

/** A badge PIN as typed (shared/contract/commands.ts session.login). */
const PIN = /^\d{4,8}$/

export type Screen = 'packing' | 'reports' | 'settings'
export type ReportRange = 'today' | 'week' | 'month'

export type Desk = Readonly<{
  screen: Screen
  /** A badge whose record has a PIN, scanned at the locked desk: the next 4-8 digits typed are its PIN (session.login). */
  pinBadge: string | null
  reportRange: ReportRange
  /** The problem on screen: the last failed command, else the core's stop-and-ask problem. */
  problem: SerializedAppError | null
  overrideOpen: boolean
  /** The problem on screen can be cleared with a supervisor badge (F3 reopens the prompt). */
  canOverride: boolean
  overrideReason: number
  /** Commands in flight or queued (scans run one after another, in scan order). */
  busy: number
  /** Count of finished scans and commands; e2e tests wait on it (data-settled on the scan field). */
  settled: number
  confirmCancel: boolean
  /** A shipment found by its tracking number, until Esc (or the next scan, in the core) closes it. */
  lookup: ShipmentLookupView | null
  onScan(code: string, source: ScanSource): void
  retry(): void
  /** After a crash mid-print: the operator saw the label come out (F5). */
  confirmPrinted(): void
  /** A label with an unknown print outcome awaits the operator's F5 (printed) / F2 (print again). */
  canAnswerUnknown: boolean
  reprint(): void
  cancel(): void
  logout(): void
  openOverride(): void
  toggleReports(): void
  /** F6: the settings screen, for a supervisor's session only (the core checks again on every command). */
  toggleSettings(): void
  /** F7: the packing slip of the order on screen (or the last one that did not print) again. */
  reprintSlip(): void
  escape(): void
}>

type Latest = {
  view: PackingView | null
  actionError: SerializedAppError | null
  dismissedKey: string | null
  screen: Screen
}

const REPORT_DIGITS: Readonly<Record<string, ReportRange>> = { '1': 'today', '2': 'week', '3': 'month' }

function problemKey(p: SerializedAppError | null): string | null {
  return p ? `${p.code}\u0000${p.message}` : null
}

function metaString(p: SerializedAppError | null, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = p?.meta[k]
    if (typeof v === 'string' && v.trim()) return v
  }
  return null
}

/**
 * The label an F5 / F2 answer is for: the job named by an "outcome unknown" problem, else (at a desk
 * with no order in progress) the oldest listed label awaiting an answer. Null: nothing to answer.
 */
function uncertainTarget(l: Latest): { jobId?: string } | null {
  const p = l.actionError ?? l.view?.problem ?? null
  if (p?.code === ErrorCode.printOutcomeUnknown) {
    const jobId = metaString(p, 'jobId')
    return jobId ? { jobId } : {}
  }
  const v = l.view
  const idle = !v?.order || v.step === 'idle' || v.step === 'packed'
  const list = v?.unconfirmedLabels ?? []
  // A deferred label is answered by scanning its order (its own "outcome unknown" stop), never by a stray key.
  const first = list.find((x) => !x.deferred)
  return idle && first ? { jobId: first.jobId } : null
}

/** A supervisor can clear the problem: an overridable code while the workflow is stuck on it. */
function overridable(l: Latest): SerializedAppError | null {
  const problem = l.actionError ?? l.view?.problem ?? null
  return problem && l.view?.step === 'exception' && isSupervisorOverridable(problem) ? problem : null
}

function overrideIsOpen(l: Latest): boolean {
  const problem = overridable(l)
  return !!problem && l.dismissedKey !== problemKey(problem) && l.screen === 'packing'
}

/**
 * The desk's behaviour: where a scan goes, what each function key does, and the feedback.
 * Every scan and command joins one queue and is routed when its turn comes, against the newest
 * state, so "badge, then order" scanned quickly logs in first and opens the order second.
 */
export function useDesk(client: StationClient, station: Station, beeper: Beeper, returns: Returns): Desk {
  const [screen, setScreenState] = useState<Screen>('packing')
  const [reportRange, setReportRange] = useState<ReportRange>('today')
  // A failed command's error, tagged with the newest view at the time: a newer view hides it.
  const [failed, setFailed] = useState<{ error: SerializedAppError; seq: number } | null>(null)
  const [dismissedKey, setDismissedKeyState] = useState<string | null>(null)
  const [busy, setBusy] = useState(0)
  const [settled, setSettled] = useState(0)
  const [confirmCancelUntil, setConfirmCancelUntil] = useState(0)
  const [dismissedLookup, setDismissedLookup] = useState<string | null>(null)
  const [pinBadge, setPinBadgeState] = useState<string | null>(null)
  const pinFor = useRef<string | null>(null)
  const setPinBadge = (badge: string | null) => ((pinFor.current = badge), setPinBadgeState(badge))
  const queue = useRef<Promise<void>>(Promise.resolve())
  const inFlight = useRef(0)
  const lastOrderCode = useRef<string | null>(null)
  const lastScan = useRef<string | null>(null)

  // Render-time state, overwritten at once by the queue when it changes something.
  const latest = useRef<Latest>({ view: null, actionError: null, dismissedKey: null, screen: 'packing' })
  const actionError = failed && failed.seq === station.packingSeq ? failed.error : null
  latest.current = { view: station.packing, actionError, dismissedKey, screen }
  const set = {
    screen(v: Screen) {
      latest.current.screen = v
      setScreenState(v)
    },
    actionError(v: SerializedAppError | null) {
      latest.current.actionError = v
      setFailed(v ? { error: v, seq: station.currentSeq() } : null)
    },
    dismissedKey(v: string | null) {
      latest.current.dismissedKey = v
      setDismissedKeyState(v)
    },
    view(v: PackingView) {
      latest.current.view = v
      station.applyView(v)
    },
  }

  const view = station.packing
  if (view?.order) lastOrderCode.current = view.order.barcode
  const problem = actionError ?? view?.problem ?? null

  // Problems that arrive without a command (the scale settled out of tolerance) beep too.
  const viewProblemKey = problemKey(view?.problem ?? null)
  useEffect(() => {
    if (viewProblemKey && inFlight.current === 0) beeper.error()
  }, [viewProblemKey, beeper])

  /**
   * Queues a task. A task returns a PackingView to show, null for "nothing to show", or
   * 'silent' for a UI-only step (no beep, error kept).
   */
  const run = (task: () => Promise<PackingView | null | 'silent'>) => {
    setBusy((n) => n + 1)
    inFlight.current++
    queue.current = queue.current.then(async () => {
      try {
        const next = await task()
        if (next === 'silent') return
        if (next) set.view(next)
        set.actionError(null)
        if (next?.problem) beeper.error()
        else beeper.ok()
      } catch (err) {
        set.actionError(toAppError(err).serialize())
        beeper.error()
      } finally {
        inFlight.current--
        setBusy((n) => n - 1)
        setSettled((n) => n + 1)
      }
    })
  }

  /**
   * Where a scan goes is the core's decision (PackingService.scan: login, the return prompt, reasons by digit,
   * the nth box, the workflow by step). The desk only keeps its own screen: digits pick the report range
   * while reports are open, and any other scan goes back to the packing screen with it.
   */
  const route = async (code: string, source: ScanSource): Promise<PackingView | null | 'silent'> => {
    const l = latest.current
    if (l.screen === 'reports') {
      const range = REPORT_DIGITS[code]
      if (range) {
        setReportRange(range)
        return 'silent'
      }
      set.screen('packing') // a real scan while reading reports: back to work with it
    }
    lastScan.current = code
    const loggedIn = !!l.view?.packer
    if (!loggedIn && pinFor.current !== null && PIN.test(code)) return loginWithPin(pinFor.current, code)
    const view = await client.call('scan.submit', { code, source }).catch((err: unknown) => {
      // A badge with a PIN (issue 12): the core asks for it; the next digits typed are the PIN.
      const e = toAppError(err)
      if (e.code === ErrorCode.pinRequired && typeof e.meta.badge === 'string') setPinBadge(e.meta.badge)
      throw err
    })
    // A login changes what the station shows (boxes, settings): read it once more.
    if (!loggedIn && view.packer) return (await station.refresh())?.packing ?? view
    return view
  }

  /** The PIN goes with its badge to session.login; a wrong one may be typed again, a locked badge starts over. */
  const loginWithPin = async (badge: string, pin: string): Promise<PackingView | null> => {
    try {
      await client.call('session.login', { badge, pin })
    } catch (err) {
      if (toAppError(err).code !== ErrorCode.pinWrong) setPinBadge(null)
      throw err
    }
    setPinBadge(null)
    return (await station.refresh())?.packing ?? null
  }

  // A new scan may find the shipment whose panel Esc closed before: it shows again (the core drops a lookup on the next scan).
  const onScan = (code: string, source: ScanSource) => {
    setDismissedLookup(null)
    return run(() => route(code, source))
  }

  const reprint = () =>
    run(async () => {
      const l = latest.current
      const p = l.actionError ?? l.view?.problem ?? null
      const code =
        l.view?.order?.barcode ??
        l.view?.lookup?.orderBarcode ??
        metaString(p, 'orderCode', 'barcode', 'orderNumber') ??
        lastOrderCode.current ??
        lastScan.current
      if (!code) return 'silent'
      return client.call('labels.reprint', { orderCode: code })
    })

  const cancel = () => {
    // With an order open, F8 must be pressed twice: one stray key must not throw away the scans.
    if (view?.order && Date.now() > confirmCancelUntil) {
      setConfirmCancelUntil(Date.now() + 3000)
      setTimeout(() => setConfirmCancelUntil(0), 3000)
      return
    }
    setConfirmCancelUntil(0)
    run(() => client.call('packing.cancel', {}))
  }

  const logout = () =>
    run(async () => {
      if (!latest.current.view?.packer) return 'silent'
      await client.call('session.logout', {})
      set.screen('packing') // the next person starts at the desk, never on someone's settings
      return (await station.refresh())?.packing ?? null
    })

  const toggleSettings = () =>
    run(async () => {
      if (latest.current.screen === 'settings') {
        set.screen('packing')
        return 'silent'
      }
      if (!roleAtLeast(latest.current.view?.packer?.role, 'supervisor')) {
        throw new AppError(ErrorCode.supervisorRequired, 'Ayarlar için süpervizör kartıyla giriş yapın / Log in with a supervisor badge for settings')
      }
      set.actionError(null)
      set.screen('settings')
      return 'silent'
    })

  const reprintSlip = () =>
    run(async () => {
      const v = latest.current.view
      const packedHere = v?.order && (v.step === 'packed' || v.order.status === 'packed') ? v.order.barcode : null
      const code = packedHere ?? station.devices?.receipt?.unprintedOrders[0] ?? lastOrderCode.current
      if (!code) return 'silent'
      await client.call('slips.reprint', { orderCode: code })
      return null
    })

  const escape = () => {
    const l = latest.current
    if (l.screen === 'reports' || l.screen === 'settings') return set.screen('packing')
    if (returns.isOpen()) return run(returns.close)
    if (overrideIsOpen(l)) return set.dismissedKey(problemKey(l.actionError ?? l.view?.problem ?? null))
    if (l.view?.lookup && l.view.lookup.shipmentId !== dismissedLookup) return setDismissedLookup(l.view.lookup.shipmentId)
    if (l.actionError) set.actionError(null)
  }

  return {
    screen,
    pinBadge: view?.packer ? null : pinBadge,
    reportRange,
    problem,
    overrideOpen: overrideIsOpen(latest.current),
    canOverride: overridable(latest.current) !== null,
    overrideReason: view?.overrideReason ?? 0,
    busy,
    settled,
    confirmCancel: confirmCancelUntil > 0,
    lookup: view?.lookup && view.lookup.shipmentId !== dismissedLookup ? view.lookup : null,
    onScan,
    // A label whose print outcome is unknown: Retry means "print it again", after the operator looked.
    retry: () =>
      run(() => {
        const target = uncertainTarget(latest.current)
        return target ? client.call('labels.resolveUncertain', { decision: 'printAgain', ...target }) : client.call('packing.retry', {})
      }),
    confirmPrinted: () =>
      run(async () => {
        const target = uncertainTarget(latest.current)
        return target ? client.call('labels.resolveUncertain', { decision: 'printed', ...target }) : 'silent'
      }),
    canAnswerUnknown: uncertainTarget(latest.current) !== null,
    reprint,
    cancel,
    logout,
    openOverride: () => set.dismissedKey(null),
    toggleReports: () => set.screen(latest.current.screen === 'reports' ? 'packing' : 'reports'),
    toggleSettings,
    reprintSlip,
    escape,
  }
}
