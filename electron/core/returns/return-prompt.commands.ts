import type { CommandHandlers } from '../../../shared/contract/commands'
import type { PackingView } from '../../../shared/contract/views'

/** Esc on the return prompt; the prompt itself is driven by the desk's scans (PackingService.scan). */
export function returnPromptCommands(deps: Readonly<{ packing: { closeReturnPrompt(): Promise<PackingView> } }>): Pick<CommandHandlers, 'returns.closePrompt'> {
  return {
    'returns.closePrompt': () => deps.packing.closeReturnPrompt(),
  }
}
