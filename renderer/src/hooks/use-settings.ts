import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react'
import type { PrintersView, SettingsView, TestLabelView } from '../../../shared/contract/views'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { Beeper } from '../lib/beep'
import { initialSelfTest, onLayoutSaved, onSelfTestScan, proposedLayout, type SelfTestState } from '../lib/self-test'
import type { StationClient } from '../lib/station-client'

/** How often the open settings screen asks the printers (~HS, GS r 1) for their status. */
const PRINTER_POLL_MS = 5000

export type ActionState<T> = Readonly<{ state: 'idle' | 'busy' | 'done' | 'failed'; at: number | null; value: T | null }>
const idle = { state: 'idle', at: null, value: null } as const

export type SettingsDesk = Readonly<{
  settings: SettingsView | null
  printers: PrintersView | null
  /** The last failed action (test label, zero, saving the layout), shown as a banner. */
  problem: SerializedAppError | null
  testLabel: ActionState<TestLabelView>
  zero: ActionState<null>
  selfTest: SelfTestState
  /** The layout the self-test asks to save (F3), or null. */
  proposed: ReturnType<typeof proposedLayout>
  /** Actions finished so far; e2e tests wait on it (data-settled on the self-test field). */
  settled: number
  busy: boolean
  inputRef: RefObject<HTMLInputElement | null>
  onInputKeyDown(e: ReactKeyboardEvent<HTMLInputElement>): void
  /** Keeps the focus in the self-test field, unless it went to a field of its own (data-own-keys: the box catalog). */
  onInputBlur(e: FocusEvent<HTMLInputElement>): void
  printTestLabel(): void
  zeroScale(): void
  acceptLayout(): void
  restartSelfTest(): void
}>

/**
 * The settings screen's state and actions (F6, supervisors). Loaded when the screen opens; the
 * printers are asked every few seconds while it stays open. The self-test field is a plain input
 * whose value is read on Enter: composed text (dead keys, AltGr) is only right in the value, never
 * in the key events.
 */
export function useSettings(client: StationClient, beeper: Beeper, active: boolean): SettingsDesk {
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [printers, setPrinters] = useState<PrintersView | null>(null)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)
  const [testLabel, setTestLabel] = useState<ActionState<TestLabelView>>(idle)
  const [zero, setZero] = useState<ActionState<null>>(idle)
  const [selfTest, setSelfTestState] = useState<SelfTestState>(initialSelfTest)
  const [settled, setSettled] = useState(0)
  const [busy, setBusy] = useState(0)
  const inputRef = useRef<HTMLInputElement | null>(null)
  // Written at once (not at the next render), so scans queued back to back each see the step before them.
  const selfTestRef = useRef<SelfTestState>(initialSelfTest)
  const settingsRef = useRef<SettingsView | null>(null)
  const setSelfTest = (next: SelfTestState) => {
    selfTestRef.current = next
    setSelfTestState(next)
  }
  const applySettings = (next: SettingsView) => {
    settingsRef.current = next
    setSettings(next)
  }
  const queue = useRef<Promise<void>>(Promise.resolve())

  /** Actions run one after another; each ends with a beep and a settled count. */
  const run = useCallback(
    (task: () => Promise<boolean | void>) => {
      setBusy((n) => n + 1)
      queue.current = queue.current.then(async () => {
        try {
          const good = await task()
          setProblem(null)
          if (good === false) beeper.error()
          else beeper.ok()
        } catch (err) {
          setProblem(toAppError(err).serialize())
          beeper.error()
        } finally {
          setBusy((n) => n - 1)
          setSettled((n) => n + 1)
        }
      })
    },
    [beeper],
  )

  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    setSelfTest(initialSelfTest)
    setTestLabel(idle)
    setZero(idle)
    setProblem(null)
    client.call('settings.get', {}).then(
      (s) => !stopped && applySettings(s),
      (err: unknown) => !stopped && setProblem(toAppError(err).serialize()),
    )
    const poll = async () => {
      try {
        const p = await client.call('printers.status', {})
        if (!stopped) setPrinters(p)
      } catch {
        // Not reachable now (connection lost, session ended): the last answer stays, the next poll tries again.
      }
      if (!stopped) timer = setTimeout(() => void poll(), PRINTER_POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [active, client])

  const submit = (received: string) =>
    run(async () => {
      const before = selfTestRef.current
      const next = onSelfTestScan(before, received, settingsRef.current?.scanner.wedgeLayout ?? null)
      setSelfTest(next)
      // A proposal or an unreadable scan sounds like a problem: the supervisor has to look.
      if (before.step === 'layout') return next.layout?.kind !== 'unrecognised' && next.layout?.kind !== 'propose'
      return next.gs1?.status === 'ok'
    })

  const onInputKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' && e.key !== 'Tab') return
    e.preventDefault() // Tab must not move focus away from the field
    if (e.nativeEvent.isComposing) return // Enter that ends an IME composition is not a terminator
    const value = e.currentTarget.value
    e.currentTarget.value = ''
    if (value.trim() !== '') submit(value.replace(/[\r\n]+$/, ''))
  }

  const frame = useRef(0)
  const onInputBlur = (e: FocusEvent<HTMLInputElement>) => {
    cancelAnimationFrame(frame.current)
    if (e.relatedTarget instanceof Element && e.relatedTarget.closest('[data-own-keys]')) return
    frame.current = requestAnimationFrame(() => inputRef.current?.focus())
  }
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  const printTestLabel = () =>
    run(async () => {
      setTestLabel({ state: 'busy', at: null, value: null })
      try {
        const value = await client.call('printers.testLabel', {})
        setTestLabel({ state: 'done', at: Date.now(), value })
      } catch (err) {
        setTestLabel({ state: 'failed', at: Date.now(), value: null })
        throw err
      } finally {
        // Whatever happened, the printer's own status is the next thing to see.
        client.call('printers.status', {}).then(setPrinters, () => undefined)
      }
    })

  const zeroScale = () =>
    run(async () => {
      setZero({ state: 'busy', at: null, value: null })
      try {
        await client.call('scale.zero', {})
        setZero({ state: 'done', at: Date.now(), value: null })
      } catch (err) {
        setZero({ state: 'failed', at: Date.now(), value: null })
        throw err
      }
    })

  const acceptLayout = () =>
    run(async () => {
      const layout = proposedLayout(selfTestRef.current)
      if (!layout) return false
      applySettings(await client.call('settings.setScannerLayout', { layout }))
      setSelfTest(onLayoutSaved(selfTestRef.current, layout))
    })

  const restartSelfTest = () => {
    setSelfTest(initialSelfTest)
    setProblem(null)
    inputRef.current?.focus()
  }

  return {
    settings,
    printers,
    problem,
    testLabel,
    zero,
    selfTest,
    proposed: proposedLayout(selfTest),
    settled,
    busy: busy > 0,
    inputRef,
    onInputKeyDown,
    onInputBlur,
    printTestLabel,
    zeroScale,
    acceptLayout,
    restartSelfTest,
  }
}
