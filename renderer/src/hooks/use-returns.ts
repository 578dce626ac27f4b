import { useRef, useState } from 'react'
import type { ReturnView } from '../../../shared/contract/views'
import { toAppError, type SerializedAppError } from '../../../shared/errors'
import { RETURN_REASONS, returnReasonText } from '../i18n'
import type { StationClient } from '../lib/station-client'

/** Scanned (or typed) at the desk, these open the return prompt: the desk has no mouse. */
export const RETURN_COMMAND_CODES: ReadonlySet<string> = new Set(['KJIADE', 'KJRETURN'])

export type ReturnPromptState = Readonly<{
  /** 'order': waiting for the order or tracking number; 'confirm': reason digits, then the supervisor badge; 'done': the return is shown. */
  stage: 'order' | 'confirm' | 'done'
  orderCode: string | null
  reason: number
  result: ReturnView | null
  problem: SerializedAppError | null
}>

export type Returns = Readonly<{
  prompt: ReturnPromptState | null
  /** Read from the scan queue: the newest state, not the last render's. */
  isOpen(): boolean
  /** Opens the prompt, for the order on screen when it is already packed. */
  open(packedOrderCode: string | null): void
  close(): void
  /**
   * A scan while the prompt is open. 'pass': the prompt closed itself (after a made return, the
   * next scan is work again) and the scan goes on to the desk; otherwise it was the prompt's.
   */
  scan(code: string): Promise<'handled' | 'pass'>
}>

const DIGIT = /^[1-9]$/

/**
 * The return (iade) prompt: order → reason → supervisor badge → returns.create, then the code or
 * return shipment on screen and its slip on the printer. The core checks the badge and makes the
 * return exactly once; asking again for the same order shows (and reprints) the same return.
 */
export function useReturns(client: StationClient): Returns {
  const [prompt, setPromptState] = useState<ReturnPromptState | null>(null)
  const latest = useRef<ReturnPromptState | null>(null)
  const setPrompt = (p: ReturnPromptState | null) => {
    latest.current = p
    setPromptState(p)
  }
  const patch = (p: Partial<ReturnPromptState>) => setPrompt({ ...(latest.current as ReturnPromptState), ...p })

  const scan = async (code: string): Promise<'handled' | 'pass'> => {
    const p = latest.current
    if (!p) return 'pass'
    if (p.stage === 'done') {
      setPrompt(null)
      return 'pass'
    }
    if (p.stage === 'order') {
      patch({ stage: 'confirm', orderCode: code, problem: null })
      return 'handled'
    }
    if (DIGIT.test(code)) {
      const i = Number(code) - 1
      if (i < RETURN_REASONS.length) patch({ reason: i })
      return 'handled'
    }
    const reasonKey = RETURN_REASONS[p.reason] ?? RETURN_REASONS[0]
    try {
      const result = await client.call('returns.create', { code: p.orderCode ?? '', supervisorBadge: code, reason: returnReasonText(reasonKey), validDays: 14 })
      patch({ stage: 'done', result, problem: null })
    } catch (err) {
      patch({ problem: toAppError(err).serialize() })
      throw err // the desk beeps and shows it too
    }
    return 'handled'
  }

  return {
    prompt,
    isOpen: () => latest.current !== null,
    open: (packedOrderCode) => setPrompt({ stage: packedOrderCode ? 'confirm' : 'order', orderCode: packedOrderCode, reason: 0, result: null, problem: null }),
    close: () => setPrompt(null),
    scan,
  }
}
