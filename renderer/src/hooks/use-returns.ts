import type { PackingView, ReturnPromptView } from '../../../shared/contract/views'
import type { StationClient } from '../lib/station-client'
import type { Station } from './use-station'

export type ReturnPromptState = ReturnPromptView

export type Returns = Readonly<{
  prompt: ReturnPromptState | null
  isOpen(): boolean
  /** Esc: the core closes the prompt; the answer is the view to show. */
  close(): Promise<PackingView>
}>

/**
 * The return (iade) prompt as the core keeps it (electron/core/returns/return-prompt.ts): KJIADE opens it,
 * the desk's scans fill it (order → reason digit → supervisor badge), and the return is made exactly once
 * by the core. The UI only shows it and sends Esc.
 */
export function useReturns(client: StationClient, station: Pick<Station, 'packing'>): Returns {
  const prompt = station.packing?.returnPrompt ?? null
  return {
    prompt,
    isOpen: () => prompt !== null,
    close: () => client.call('returns.closePrompt', {}),
  }
}
