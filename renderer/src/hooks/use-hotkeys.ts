import { useEffect, useRef } from 'react'

export type HotkeyMap = Readonly<Partial<Record<string, () => void>>>

/**
 * Function keys and Escape for a desk without a mouse. Browser defaults for these keys (F1 help,
 * F3 find, F5 reload…) are suppressed; F5/F11/F12 are left alone for whoever maintains the desk.
 */
export function useHotkeys(map: HotkeyMap): void {
  const mapRef = useRef(map)
  mapRef.current = map
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return
      const handler = mapRef.current[e.key]
      if (!handler) return
      e.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
