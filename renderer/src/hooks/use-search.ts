import { useEffect, useRef, useState } from 'react'
import type { ShipmentSearchHit } from '../../../shared/contract/views'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'
import { useCtrlKey } from './use-ctrl-key'

/** How long typing rests before the desk asks (a scanner's burst is one query, not twenty). */
const TYPING_REST_MS = 150

export type SearchBox = Readonly<{
  open: boolean
  query: string
  hits: readonly ShipmentSearchHit[]
  selected: number
  problem: SerializedAppError | null
  setQuery(q: string): void
  move(step: 1 | -1): void
  pick(): void
  close(): void
}>

/**
 * The shipment search (Ctrl+F while a packer is logged in): typing asks `shipments.search`, arrows move,
 * Enter picks and hands the hit's tracking number (else its order barcode) to the desk as a scan, which
 * opens the lookup panel; Esc closes. `onClosed` gives the keys back to the scan field.
 */
export function useSearch(client: StationClient, enabled: boolean, onPick: (code: string) => void, onClosed: () => void): SearchBox {
  const [open, setOpen] = useState(false)
  const [query, setQueryState] = useState('')
  const [hits, setHits] = useState<readonly ShipmentSearchHit[]>([])
  const [selected, setSelected] = useState(0)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)
  const asked = useRef(0)

  useCtrlKey('f', enabled, () => setOpen(true))

  useEffect(() => {
    if (!open) return
    const text = query.trim()
    const ticket = ++asked.current
    if (!text) {
      setHits([])
      return
    }
    const timer = setTimeout(() => {
      client.call('shipments.search', { query: text }).then(
        (found) => {
          if (ticket !== asked.current) return
          setHits(found)
          setSelected(0)
          setProblem(null)
        },
        (err: unknown) => {
          if (ticket === asked.current) setProblem(toAppError(err).serialize())
        },
      )
    }, TYPING_REST_MS)
    return () => clearTimeout(timer)
  }, [client, open, query])

  const close = () => {
    asked.current++
    setOpen(false)
    setQueryState('')
    setHits([])
    setSelected(0)
    setProblem(null)
    onClosed()
  }
  return {
    open: open && enabled,
    query,
    hits,
    selected,
    problem,
    setQuery: setQueryState,
    move: (step) => setSelected((i) => (hits.length === 0 ? 0 : (i + step + hits.length) % hits.length)),
    pick: () => {
      const hit = hits[selected]
      if (!hit) return
      close()
      onPick(hit.trackingNumber ?? hit.orderBarcode)
    },
    close,
  }
}
