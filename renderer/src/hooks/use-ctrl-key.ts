import { useEffect, useRef } from 'react'

/**
 * Ctrl+<letter> while `enabled` (Ctrl+F search, Ctrl+K carrier change, Ctrl+B the box catalog): the browser's own
 * use of the key is suppressed and `run` is called. Alt and Meta combinations are left alone.
 */
export function useCtrlKey(letter: string, enabled: boolean, run: () => void): void {
  const runRef = useRef(run)
  runRef.current = run
  useEffect(() => {
    if (!enabled) return
    function onKeyDown(e: KeyboardEvent): void {
      if (!e.ctrlKey || e.altKey || e.metaKey || e.key.toLowerCase() !== letter) return
      e.preventDefault()
      runRef.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled, letter])
}
