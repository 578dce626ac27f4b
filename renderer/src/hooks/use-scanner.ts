import { useCallback, useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react'
import { classifyKeyTimes, defaultScanTiming, isPrintableKey, isTerminatorKey, type ScanSource, type ScanTiming } from '../../../shared/scan/scan-timing'

export type ScannerField = Readonly<{
  inputRef: RefObject<HTMLInputElement | null>
  value: string
  onChange: (e: ChangeEvent<HTMLInputElement>) => void
  onKeyDown: (e: ReactKeyboardEvent<HTMLInputElement>) => void
  onBlur: () => void
}>

/**
 * Scanner input for a desk with no mouse. There is exactly one buffer (the visible scan field)
 * and one submit path, so a scan can never be sent twice:
 * - keys aimed at the field are typed into it as usual; a global capture listener only timestamps them;
 * - keys that land anywhere else (focus lost) are caught by the same listener, appended to the
 *   field's text and the field is refocused;
 * - Enter or Tab submits the field once and empties it; the key times say scanner or keyboard.
 */
export function useScanner(onScan: (code: string, source: ScanSource) => void, timing: ScanTiming = defaultScanTiming): ScannerField {
  const inputRef = useRef<HTMLInputElement | null>(null)
  const [value, setValueState] = useState('')
  const valueRef = useRef('')
  const keyTimes = useRef<number[]>([])
  const onScanRef = useRef(onScan)
  onScanRef.current = onScan

  const setValue = useCallback((next: string) => {
    valueRef.current = next
    if (next === '') keyTimes.current = []
    setValueState(next)
  }, [])

  const submit = useCallback(() => {
    const code = valueRef.current.trim()
    const source = classifyKeyTimes(keyTimes.current, code.length, timing)
    setValue('')
    if (code) onScanRef.current(code, source)
  }, [setValue, timing])

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      const input = inputRef.current
      if (!input || ownsKeys(e.target)) return
      const inField = e.target === input
      if (isPrintableKey(e)) {
        if (valueRef.current === '') keyTimes.current = []
        keyTimes.current.push(e.timeStamp || performance.now())
        if (inField) return // the field types it and onChange updates the buffer
        e.preventDefault()
        setValue(valueRef.current + e.key)
        input.focus()
      } else if (!inField && isTerminatorKey(e.key) && valueRef.current !== '') {
        e.preventDefault()
        submit()
        input.focus()
      } else if (!inField && e.key === 'Backspace' && valueRef.current !== '') {
        e.preventDefault()
        setValue(valueRef.current.slice(0, -1))
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [setValue, submit])

  // Always focused: whatever took the focus (a click, a dialog, the window), give it back.
  const frame = useRef(0)
  const onBlur = useCallback(() => {
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => {
      if (!ownsKeys(document.activeElement)) inputRef.current?.focus()
    })
  }, [])
  useEffect(() => {
    window.addEventListener('focus', onBlur)
    return () => {
      cancelAnimationFrame(frame.current)
      window.removeEventListener('focus', onBlur)
    }
  }, [onBlur])

  const onChange = useCallback((e: ChangeEvent<HTMLInputElement>) => setValue(e.target.value), [setValue])

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLInputElement>) => {
      if (isTerminatorKey(e.key)) {
        e.preventDefault() // Tab must not move focus, Enter must not submit a form
        submit()
      }
    },
    [submit],
  )

  return { inputRef, value, onChange, onKeyDown, onBlur }
}

/** A dialog with its own text field (the search box) marks itself data-own-keys: its keys and focus are not the scan field's. */
function ownsKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-own-keys]') !== null
}
