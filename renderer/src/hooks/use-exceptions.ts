import { useEffect, useRef, useState } from 'react'
import { overrideReasonText, OVERRIDE_REASONS } from '../../../shared/contract/desk-reasons'
import { EXCEPTIONS_COMMAND_CODE, SETTLE_CHOICES, type ExceptionAction, type ExceptionView, type PlaceSuggestion } from '../../../shared/contract/exceptions'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'

/** Where the screen's one text field goes: the queue (action digits), the il/ilçe search, the carrier list, the reason digit, the supervisor's badge. */
export type ExceptionsStage = 'list' | 'address' | 'carrier' | 'reason' | 'settle' | 'badge'

const TYPING_REST_MS = 120
/** The queue is read again this often while it is on screen (a sync round may have queued a conflict). */
const REFRESH_MS = 3000
const DIGIT = /^[1-9]$/

export type ExceptionsState = Readonly<{
  open: boolean
  rows: readonly ExceptionView[]
  selected: number
  stage: ExceptionsStage
  text: string
  places: readonly PlaceSuggestion[]
  choice: number
  reason: number
  /** The settle choice (SETTLE_CHOICES index) once picked; null while the badge is for an override. */
  settle: number | null
  busy: boolean
  /** The last action that settled its row (shown until the next key). */
  done: ExceptionAction | null
  problem: SerializedAppError | null
  toggle(): void
  setText(text: string): void
  /** A key in the screen's field; true when the screen used it. */
  key(key: string): boolean
}>

/**
 * The exceptions screen's keyboard (F12 or the KJISTISNA barcode): ↑/↓ pick a row, Enter (or the action's digit)
 * starts its action; the address fix types an il/ilçe and picks a suggestion, another carrier is picked from the
 * comparison, an override takes a reason digit and a supervisor's badge. Esc steps back, then closes. Every
 * decision is the core's (exceptions.*); refusals stay on the screen.
 */
export function useExceptions(client: StationClient, enabled: boolean, onClosed: () => void): ExceptionsState {
  const [open, setOpen] = useState(false)
  const [rows, setRows] = useState<readonly ExceptionView[]>([])
  const [selected, setSelected] = useState(0)
  const [stage, setStage] = useState<ExceptionsStage>('list')
  const [text, setTextState] = useState('')
  const [places, setPlaces] = useState<readonly PlaceSuggestion[]>([])
  const [choice, setChoice] = useState(0)
  const [reason, setReason] = useState(0)
  const [settle, setSettle] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExceptionAction | null>(null)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)
  const asked = useRef(0)
  const row = rows[Math.min(selected, rows.length - 1)] ?? null

  const load = () =>
    client.call('exceptions.list', {}).then(
      (found) => setRows(found),
      (err: unknown) => setProblem(toAppError(err).serialize()),
    )

  useEffect(() => {
    if (!enabled) return setOpen(false)
    if (!open) return
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [open, enabled])

  // The il/ilçe autocomplete: asked once typing rests.
  useEffect(() => {
    if (stage !== 'address') return
    const ticket = ++asked.current
    const query = text.trim()
    if (!query) return setPlaces([])
    const timer = setTimeout(() => {
      client.call('exceptions.suggestPlaces', { query }).then(
        (found) => {
          if (ticket !== asked.current) return
          setPlaces(found)
          setChoice(0)
        },
        (err: unknown) => setProblem(toAppError(err).serialize()),
      )
    }, TYPING_REST_MS)
    return () => clearTimeout(timer)
  }, [client, stage, text])

  const toList = () => {
    setStage('list')
    setTextState('')
    setPlaces([])
    setChoice(0)
    setSettle(null)
  }

  const send = (action: ExceptionAction, call: () => Promise<readonly ExceptionView[]>) => {
    setBusy(true)
    setProblem(null)
    call()
      .then(
        (next) => {
          setRows(next)
          setSelected((n) => Math.max(0, Math.min(n, next.length - 1)))
          setDone(action)
          toList()
        },
        (err: unknown) => {
          setProblem(toAppError(err).serialize())
          void load()
        },
      )
      .finally(() => setBusy(false))
  }

  const start = (action: ExceptionAction | undefined) => {
    if (!row || !action) return
    const id = row.id
    if (action === 'fixAddress') return setStage('address')
    if (action === 'otherCarrier') return (setStage('carrier'), setChoice(0))
    if (action === 'override') return (setStage('reason'), setReason(0))
    if (action === 'settle') return (setStage('settle'), setChoice(0))
    if (action === 'retry') return send(action, () => client.call('exceptions.retry', { id }))
    if (action === 'resolvePrinter') return send(action, () => client.call('exceptions.resolvePrinter', { id }))
  }

  const enter = () => {
    const typed = text.trim()
    setTextState('')
    if (typed.toUpperCase() === EXCEPTIONS_COMMAND_CODE) return close() // its own barcode scanned again: back to the desk
    if (!row) return
    const id = row.id
    switch (stage) {
      case 'list': {
        if (!typed || DIGIT.test(typed)) return start(typed ? row.actions[Number(typed) - 1] : row.actions[0])
        // Anything else is never an action: an order's slip (or its number) scanned here picks that order's row.
        const at = rows.findIndex((x) => [x.orderBarcode, x.orderNumber].some((c) => c.toUpperCase() === typed.toUpperCase()))
        if (at >= 0) setSelected(at)
        return
      }
      case 'address': {
        const place = places[choice]
        if (!place) return setTextState(typed)
        return send('fixAddress', () => client.call('exceptions.fixAddress', { id, city: place.city, district: place.district }))
      }
      case 'carrier': {
        const c = row.carriers[DIGIT.test(typed) ? Number(typed) - 1 : choice]
        if (!c) return
        return send('otherCarrier', () => client.call('exceptions.useCarrier', { id, serviceCode: c.serviceCode }))
      }
      case 'reason':
        if (DIGIT.test(typed) && Number(typed) <= OVERRIDE_REASONS.length) setReason(Number(typed) - 1)
        return setStage('badge')
      case 'settle':
        if (DIGIT.test(typed) && Number(typed) <= SETTLE_CHOICES.length) return (setSettle(Number(typed) - 1), setStage('badge'))
        return (setSettle(choice), setStage('badge'))
      case 'badge': {
        if (!typed) return
        const picked = settle === null ? null : SETTLE_CHOICES[settle]
        if (picked) return send('settle', () => client.call('exceptions.settle', { id, supervisorBadge: typed, choice: picked }))
        return send('override', () => client.call('exceptions.override', { id, supervisorBadge: typed, reason: overrideReasonText(reason) }))
      }
    }
  }

  const move = (step: 1 | -1) => {
    const wrap = (n: number, len: number) => (len === 0 ? 0 : (n + step + len) % len)
    if (stage === 'list') setSelected((n) => wrap(n, rows.length))
    if (stage === 'address') setChoice((n) => wrap(n, places.length))
    if (stage === 'carrier') setChoice((n) => wrap(n, row?.carriers.length ?? 0))
    if (stage === 'reason') setReason((n) => wrap(n, OVERRIDE_REASONS.length))
    if (stage === 'settle') setChoice((n) => wrap(n, SETTLE_CHOICES.length))
  }

  const close = () => {
    setOpen(false)
    toList()
    setProblem(null)
    setDone(null)
    onClosed()
  }

  return {
    open: open && enabled,
    rows,
    selected: Math.min(selected, Math.max(0, rows.length - 1)),
    stage,
    text,
    places,
    choice,
    reason,
    settle,
    busy,
    done,
    problem,
    toggle: () => (open ? close() : (setOpen(true), setSelected(0), toList(), setProblem(null), setDone(null))),
    setText: setTextState,
    key: (key) => {
      if (busy && key !== 'Escape') return key === 'Enter'
      const keys: Record<string, () => void> = {
        ArrowDown: () => move(1),
        ArrowUp: () => move(-1),
        Enter: () => (setDone(null), enter()),
        Escape: () => (stage === 'list' ? close() : (toList(), setProblem(null))),
      }
      const act = keys[key]
      if (!act) return false
      act()
      return true
    },
  }
}
