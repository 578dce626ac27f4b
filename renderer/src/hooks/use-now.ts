import { useEffect, useState } from 'react'

/** The time, refreshed every `everyMs` (the clock and the "stale scale reading" check). */
export function useNow(everyMs = 500): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
