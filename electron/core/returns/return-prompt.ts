import type { PackingView, ReturnPromptView, ReturnView } from '../../../shared/contract/views'
import { RETURN_REASONS, returnReasonText } from '../../../shared/contract/desk-reasons'
import { toAppError } from '../../../shared/errors'

/** Scanned (or typed) at the desk, these open the return prompt: the desk has no mouse. */
export const RETURN_COMMAND_CODES: ReadonlySet<string> = new Set(['KJIADE', 'KJRETURN'])

/** How the prompt makes the return: the return service's `create` (checks the badge, makes it exactly once). */
export type ReturnMaker = Readonly<{
  create(input: { code: string; supervisorBadge: string; reason: string; validDays?: number }): Promise<ReturnView>
}>

const VALID_DAYS = 14

/**
 * Opens the prompt: for the shipment the lookup panel showed when KJIADE was scanned over it (its order, not the packed
 * order behind the panel), else for the order on screen when it is already packed, else it asks for the order first.
 */
export function openReturnPrompt(view: Pick<PackingView, 'step' | 'order'>, lookedUpOrderCode: string | null = null): ReturnPromptView {
  const o = view.order
  const orderCode = lookedUpOrderCode ?? (o && (view.step === 'packed' || o.status === 'packed') ? o.barcode : null)
  return { stage: orderCode ? 'confirm' : 'order', orderCode, reason: 0, result: null, problem: null }
}

/** The order (or tracking number) scanned in the 'order' stage. */
export function withReturnOrder(p: ReturnPromptView, code: string): ReturnPromptView {
  return { ...p, stage: 'confirm', orderCode: code, problem: null }
}

/** A digit 1… picks the reason; one past the list changes nothing. */
export function withReturnReason(p: ReturnPromptView, digit: number): ReturnPromptView {
  const i = digit - 1
  return i < RETURN_REASONS.length ? { ...p, reason: i } : p
}

/**
 * The supervisor's badge: the return is made (or refused: the problem shows in the prompt, and the error
 * goes on to the desk, which beeps and shows it too). `set` stores the prompt's next state.
 */
export async function confirmReturn(p: ReturnPromptView, badge: string, maker: ReturnMaker, set: (next: ReturnPromptView) => void): Promise<void> {
  try {
    const result = await maker.create({ code: p.orderCode ?? '', supervisorBadge: badge, reason: returnReasonText(p.reason), validDays: VALID_DAYS })
    set({ ...p, stage: 'done', result, problem: null })
  } catch (err) {
    set({ ...p, problem: toAppError(err).serialize() })
    throw err
  }
}
